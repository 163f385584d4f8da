# trace_check: ts->cframe is loaded once at entry (a nested interpreter restores it), each
# check is one load of use_tracing and a branch; when on, the stack is spilled and the
# frame resumed by the interpreter at the instruction (throwflag 0, reason 6: RT_DEOPT_TRACING).
# RUN: %pyllc %s -emit-llvm -O0 --function same_line | %FileCheck %s
# RUN: %pyllc %s -emit-llvm -O2 --function same_line | %FileCheck %s --check-prefix=O2

def same_line(f):
    return f()

# CHECK-LABEL: define ptr @py.same_line.{{[0-9]+}}(
# CHECK:       start:
# CHECK:         [[CF:%[0-9]+]] = getelementptr i8, ptr %ts, i64 56
# CHECK-NEXT:    %cframe = load ptr, ptr [[CF]]
# CHECK:         [[R:%[0-9]+]] = call ptr @rt_call(
# CHECK:         [[P:%[0-9]+]] = getelementptr i8, ptr %cframe, i64 0
# CHECK-NEXT:    %tracing = load i8, ptr [[P]]
# CHECK-NEXT:    [[ON:%[0-9]+]] = icmp ne i8 %tracing, 0
# CHECK-NEXT:    br i1 [[ON]], label %trace, label %untraced
# CHECK:       trace:
# CHECK-NEXT:    [[SLOT:%[0-9]+]] = getelementptr
# CHECK-NEXT:    store ptr [[R]], ptr [[SLOT]]
# CHECK-NEXT:    br label %[[EXIT:leave.tracing.1.unit]]
# CHECK:       untraced:
# CHECK-NEXT:    call void @rt_leave(ptr %ts, ptr %frame)
# CHECK-NEXT:    ret ptr [[R]]
# The exit shared by the trace checks with one value on the stack: prev_instr was not
# stored for them, so the unit (10) comes through a phi.
# CHECK:       [[EXIT]]:
# CHECK-NEXT:    %unit = phi i64 [ 10, %trace ]
# CHECK-NEXT:    {{%[0-9]+}} = tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 %unit, i64 1, i32 0, i64 6)

# At -O2 the check stays one load of the cframe read at entry and a branch.
# O2-LABEL: define ptr @py.same_line.{{[0-9]+}}(
# O2:         %cframe = load ptr
# O2:         %tracing = load i8, ptr %cframe
# O2-NEXT:    [[ON:%[.a-z0-9]+]] = icmp eq i8 %tracing, 0
# O2-NEXT:    br i1 [[ON]], label %untraced, label %trace
