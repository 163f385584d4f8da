# Resumable code: the entry links the frame without touching prev_instr
# (rt_enter_resume) and switches on the unit the frame continues at: 0 for a fresh
# frame, the unit after RETURN_GENERATOR and after each YIELD_VALUE for a resumed one,
# anything else to the interpreter. RETURN_GENERATOR leaves to the interpreter, uncounted
# (reason -1); a yield stores the stack under its value into the frame (here NULL and f
# of the call it is an argument of), suspends it (rt_yield) and returns the value.
# RUN: %pyllc %s -emit-llvm -O0 --function gen | %FileCheck %s

def gen(f, a):
    return f((yield a))
# CHECK-LABEL: define ptr @py.gen.{{[0-9]+}}(ptr %ts, ptr %frame, i32 %throwflag)
# CHECK:       enter:
# CHECK-NEXT:    [[UNIT:%[0-9]+]] = call i64 @rt_enter_resume(ptr %ts, ptr %frame)
# CHECK:       bb0:
# CHECK-NEXT:    switch i64 [[UNIT]], label %resume.interp [
# CHECK-NEXT:      i64 0, label %[[FRESH:resume]]
# CHECK-NEXT:      i64 1, label %[[AFTER_RG:resume[0-9]+]]
# CHECK-NEXT:      i64 7, label %[[AFTER_Y:resume[0-9]+]]
# CHECK-NEXT:    ]
# CHECK:       [[LAND:bb[0-9]+]]:                                              ; preds = %[[AFTER_Y]]
# CHECK-NEXT:    call ptr @rt_entry_stack(ptr %ts, ptr %frame, i64 0)
# CHECK-NEXT:    call ptr @rt_entry_stack(ptr %ts, ptr %frame, i64 1)
# CHECK-NEXT:    call ptr @rt_entry_stack(ptr %ts, ptr %frame, i64 2)
# CHECK:       resume.interp:
# CHECK-NEXT:    [[R:%[0-9]+]] = tail call ptr @rt_resume_in_interp(ptr %ts, ptr %frame)
# CHECK-NEXT:    ret ptr [[R]]
# The yield at unit 6 keeps 2 stack values (NULL and f) in the frame.
# CHECK:         call void @rt_yield(ptr %ts, ptr %frame, i64 6, i64 2)
# CHECK-NEXT:    ret ptr
# RETURN_GENERATOR's exit, with the others at the end: unit 0 (through the exit's phi),
# no stack, resumed (throwflag 0), uncounted.
# CHECK:       leave.interp.0.unit:
# CHECK-NEXT:    [[U:%unit[0-9]*]] = phi i64 [ 0, %bb{{[0-9]+}} ]
# CHECK-NEXT:    tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 [[U]], i64 0, i32 0, i64 -1)
