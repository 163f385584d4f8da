# The PEP 523 entry of every function: throwflag and rt_enter's refusal (tracing,
# recursion limit) run the interpreter on the frame; then prev_instr is kept current
# before each operation that may call out, and `ret` unlinks the frame.
# RUN: %pyllc %s -emit-llvm -O0 --function ident | %FileCheck %s

# CHECK-LABEL: define ptr @py.ident.{{[0-9]+}}(ptr %ts, ptr %frame, i32 %throwflag)
# CHECK-NEXT: entry:
# CHECK-NEXT:   [[TF:%[0-9]+]] = icmp ne i32 %throwflag, 0
# CHECK-NEXT:   br i1 [[TF]], label %interp, label %enter
# CHECK:      interp:
# CHECK-NEXT:   [[R:%[0-9]+]] = tail call ptr @_PyEval_EvalFrameDefault(ptr %ts, ptr %frame, i32 %throwflag)
# CHECK-NEXT:   ret ptr [[R]]
# CHECK:      enter:
# CHECK-NEXT:   [[E:%[0-9]+]] = call i32 @rt_enter(ptr %ts, ptr %frame)
# CHECK-NEXT:   [[NE:%[0-9]+]] = icmp ne i32 [[E]], 0
# CHECK-NEXT:   br i1 [[NE]], label %interp, label %start
# f_code is at offset 32 of the frame, co_code_adaptive at 184 of the code object.
# CHECK:      start:
# CHECK-NEXT:   [[FC:%[0-9]+]] = getelementptr i8, ptr %frame, i64 32
# CHECK-NEXT:   %code = load ptr, ptr [[FC]]
# CHECK-NEXT:   %units = getelementptr i8, ptr %code, i64 184
# RESUME at offset 0: prev_instr (frame offset 56) := units + 0, then the check.
# CHECK:        [[U0:%[0-9]+]] = getelementptr i8, ptr %units, i64 0
# CHECK-NEXT:   [[PI:%[0-9]+]] = getelementptr i8, ptr %frame, i64 56
# CHECK-NEXT:   store ptr [[U0]], ptr [[PI]]
# CHECK-NEXT:   call i32 @rt_resume(ptr %ts, ptr %frame, i64 0)
# The return: decref'd nothing extra, frame unlinked, value returned.
# CHECK:        [[V:%[0-9]+]] = call ptr @rt_load_local(ptr %ts, ptr %frame, i64 0)
# CHECK:        call void @rt_leave(ptr %ts, ptr %frame)
# CHECK-NEXT:   ret ptr [[V]]
def ident(x):
    return x
