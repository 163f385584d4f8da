# Compiled exception handlers. In the IR, the frame state of each operation the exception
# table covers names its handler's landing block; lowered, the operation's failure path
# stores the stack into the frame and calls rt_unwind (the interpreter's
# exception_unwind: traceback entry, stack popped to the handler's depth, lasti and the
# exception pushed), then branches to the landing block, which takes the stack back with
# rt_entry_stack. Only when a tracer wants the exception event does it leave to the
# interpreter. An operation outside any try still leaves to the interpreter.
# RUN: %pyllc %s -emit-ir --function catch | %FileCheck %s --check-prefix=IR
# RUN: %pyllc %s -emit-llvm -O0 --function catch | %FileCheck %s

# IR-LABEL: func @catch(
# IR:         resume 0 !fs(@0) !line
# IR:         [[N:%[0-9]+]]:obj = null
# IR-NEXT:    [[F:%[0-9]+]]:obj = load_local $f !fs(@6 handler [[LAND:bb[0-9]+]] | [[N]])
# IR-NEXT:    {{%[0-9]+}}:obj = call none [[N]], [[F]] !fs(@12 handler [[LAND]])
# IR:         [[H:bb[0-9]+]] @24:
# IR-NEXT:    push_exc_info [[E:%[0-9]+]]
# IR:         reraise 0 [[E]] !fs(@50 handler [[CLEANUP:bb[0-9]+]] |
# IR:         reraise 1 {{%[0-9]+}} !fs(@56 |
# IR:       [[LAND]] @24 landing(depth=0):
# IR-NEXT:    [[E]]:obj = entry_stack 0
# IR-NEXT:    br [[H]]
# IR-NEXT:  [[CLEANUP]] @52 landing(depth=1, lasti):

# CHECK-LABEL: define ptr @py.catch.{{[0-9]+}}(
# RESUME is outside the try: its failure leaves to the interpreter, which raises when an
# exception is set (throwflag 2).
# CHECK:      [[RES:%[0-9]+]] = call i32 @rt_resume(
# CHECK-NEXT: [[RESF:%[0-9]+]] = icmp slt i32 [[RES]], 0
# CHECK-NEXT: br i1 [[RESF]], label %[[RESUME_EXIT:leave.raise_or_deopt.0]], label
# The landing block takes the exception from the frame and goes to the handler.
# CHECK:      [[LAND:bb[0-9]+]]:
# CHECK-NEXT:   [[EXC:%[0-9]+]] = call ptr @rt_entry_stack(ptr %ts, ptr %frame, i64 0)
# CHECK-NEXT:   br label %[[H:bb[0-9]+]]
# CHECK:      [[H]]:
# CHECK-NEXT:   call ptr @rt_push_exc_info(ptr %ts, ptr %frame, ptr [[EXC]])
# The call of f() fails: it consumed its operands [NULL, f], so there is nothing to store
# and the failure branches straight to the function's exit for unwinding to this landing
# with an empty stack.
# CHECK:        [[R:%[0-9]+]] = call ptr @rt_call(
# CHECK-NEXT:   [[BAD:%[0-9]+]] = icmp eq ptr [[R]], null
# CHECK-NEXT:   br i1 [[BAD]], label %[[UNWIND:unwind.bb[0-9]+.0]], label
# The exits, at the end of the function.
# CHECK:      [[RESUME_EXIT]]:
# CHECK-NEXT:   tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 0, i32 2, i64 0)
# rt_unwind (handler depth 0, no lasti) pushes the exception, and control goes to the
# landing block.
# CHECK:      [[UNWIND]]:
# CHECK-NEXT:   [[U:%[0-9]+]] = call i32 @rt_unwind(ptr %ts, ptr %frame, i64 0, i64 0, i64 0, i64 1)
# CHECK-NEXT:   [[T:%[0-9]+]] = icmp ne i32 [[U]], 0
# CHECK-NEXT:   br i1 [[T]], label %[[INTERP:leave.raise.0]], label %[[LAND]]
# Declined (tracing): the interpreter takes the frame, at prev_instr (unit -1).
# CHECK:      [[INTERP]]:
# CHECK-NEXT:   tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 0, i32 1, i64 3)
def catch(f):
    try:
        return f()
    except ValueError:
        return None
