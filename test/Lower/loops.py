# for: get_iter, then iter_next, whose NULL means "exhausted" unless an exception is set
# (only then does the loop leave for the interpreter); the back-edge runs the eval
# breaker check, which raises (signal handlers) or deoptimises (tracing).
# RUN: %pyllc %s -emit-llvm -O0 --function loop > %t.ll
# RUN: %FileCheck %s < %t.ll
# RUN: %FileCheck %s --check-prefix=EXIT < %t.ll
# RUN: %FileCheck %s --check-prefix=BREAK < %t.ll
# RUN: %pyllc %s -emit-llvm -O2 --function loop | %FileCheck %s --check-prefix=O2

# The header block (IR blocks are laid out first, in reverse post-order).
# CHECK-LABEL: define ptr @py.loop.{{[0-9]+}}(
# CHECK:      [[HEAD:bb[0-9]+]]:
# CHECK:      [[V:%[0-9]+]] = call ptr @rt_iter_next(ptr %ts, ptr %frame, ptr [[IT:%[0-9]+]])
# CHECK-NEXT: [[N:%[0-9]+]] = icmp eq ptr [[V]], null
# CHECK-NEXT: br i1 [[N]], label %null, label %[[OK:ok[0-9]*]]
# CHECK:      [[IT]] = call ptr @rt_get_iter(ptr %ts, ptr %frame, ptr
# CHECK:      null:
# CHECK-NEXT: [[E:%[0-9]+]] = call i32 @rt_err_occurred(ptr %ts)

# Exhausted: the loop exits; an exception: leave with the iterator on the stack, by the
# exit that raises at prev_instr (FOR_ITER, stored before the call) with one value.
# EXIT:      [[P:%[0-9]+]] = getelementptr i8, ptr %units, i64 36
# EXIT-NEXT: [[PI:%[0-9]+]] = getelementptr i8, ptr %frame, i64 56
# EXIT-NEXT: store ptr [[P]], ptr [[PI]]
# EXIT-NEXT: call ptr @rt_iter_next(
# EXIT:      null:
# EXIT-NEXT: [[E:%[0-9]+]] = call i32 @rt_err_occurred(ptr %ts)
# EXIT-NEXT: [[EB:%[0-9]+]] = icmp ne i32 [[E]], 0
# EXIT-NEXT: br i1 [[EB]], label %[[FAIL:fail[0-9]*]], label %[[CONT:ok[0-9]*]]
# EXIT:      [[FAIL]]:
# EXIT:      store ptr [[IT:%[0-9]+]]
# EXIT-NEXT: br label %[[RAISE1:leave.raise.1]]
# EXIT:      [[RAISE1]]:
# EXIT-NEXT: tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 1, i32 1, i64 3)

# The back-edge: eval_breaker at JUMP_BACKWARD (unit 25), with the iterator on the stack,
# raising (throwflag 1) when it set an exception or deoptimising (0) when not: the exit
# decides (throwflag 2, RT_THROW_IF_SET); otherwise back to the header.
# BREAK:      [[P:%[0-9]+]] = getelementptr i8, ptr %units, i64 50
# BREAK-NEXT: [[PI:%[0-9]+]] = getelementptr i8, ptr %frame, i64 56
# BREAK-NEXT: store ptr [[P]], ptr [[PI]]
# BREAK-NEXT: [[BR:%[0-9]+]] = call i32 @rt_eval_breaker(ptr %ts, ptr %frame)
# BREAK-NEXT: [[F:%[0-9]+]] = icmp slt i32 [[BR]], 0
# BREAK-NEXT: br i1 [[F]], label %[[FAIL:fail[0-9]*]], label %[[BACK:ok[0-9]*]]
# BREAK:      [[FAIL]]:
# BREAK:      store ptr
# BREAK-NEXT: br label %[[LEAVE:leave.raise_or_deopt.1]]
# BREAK:      [[BACK]]:
# BREAK-NEXT: br label %bb{{[0-9]+}}
# BREAK:      [[LEAVE]]:
# BREAK-NEXT: tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 1, i32 2, i64 0)

def loop(n):
    s = 0
    for i in range(n):
        s += i
    return s

# At -O2 the loop keeps its shape with the helpers inlined: a phi at the header, the eval
# breaker read from the interpreter state.
# O2-LABEL: define ptr @py.loop.{{[0-9]+}}(
# O2-NOT:   call {{.*}}@rt_eval_breaker
# O2-NOT:   call {{.*}}@rt_iter_next
# O2:       ret ptr

# A `while` loop's back-edge is a conditional backward jump (POP_JUMP_BACKWARD_IF_TRUE),
# which has no eval_breaker op: the lowering tests the eval breaker on it, also in a
# function whose `for` loop has one (Ctrl-C, other threads and tracers reach both loops).
# RUN: %pyllc %s -emit-llvm -O0 --function both | %FileCheck %s --check-prefix=WHILE
# WHILE-LABEL: define ptr @py.both.{{[0-9]+}}(
# WHILE:       call i32 @rt_eval_breaker(ptr %ts, ptr %frame)
# WHILE:       call i32 @rt_breaker_set(ptr %ts)
def both(n):
    for _ in range(2):
        pass
    i = 0
    while i < n:
        i += 1
    return i
