# The failure paths of a function share their exits. A failing operation stores its frame
# state's stack into the frame and jumps to the one exit block of its kind and stack
# depth, which makes the call into the interpreter; an operation with nothing to store
# branches to that exit directly. Here ten operations may raise with one or two values on
# the stack: two exits for them, not ten calls (the exits were most of the code).
# RUN: %pyllc %s -emit-llvm -O0 --function many | %FileCheck %s
# RUN: %pyllc %s -S -O2 --function many -o - | %FileCheck %s --check-prefix=ASM

def many(a, b, c, d):
    return a.x + b.y + c.z + d.w

# CHECK-LABEL: define ptr @py.many.{{[0-9]+}}(
# `a` unbound: nothing to store, straight to the exit.
# CHECK:       call ptr @rt_load_local(ptr %ts, ptr %frame, i64 0)
# CHECK-NEXT:  icmp eq ptr
# CHECK-NEXT:  br i1 {{%[0-9]+}}, label %[[RAISE0:leave.raise.0]], label
# a.x fails: `a` stored, then the exit for one value.
# CHECK:       call ptr @rt_load_attr(
# CHECK-NEXT:  icmp eq ptr
# CHECK-NEXT:  br i1 {{%[0-9]+}}, label %[[F1:fail[0-9]*]], label
# CHECK:       [[F1]]:
# CHECK-NEXT:  getelementptr i8, ptr %frame, i64 104
# CHECK-NEXT:  store ptr
# CHECK-NEXT:  br label %[[RAISE1:leave.raise.1]]
# CHECK:       [[RAISE0]]:
# CHECK-NEXT:  tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 0, i32 1, i64 3)
# The exit for one value has four predecessors (loading a.x, b, c and d), the one for
# two values six (b.y, c.z, d.w and the three additions).
# CHECK:       [[RAISE1]]:{{ *}}; preds = %fail{{[0-9]*}}, %fail{{[0-9]*}}, %fail{{[0-9]*}}, %fail{{[0-9]*}}{{$}}
# CHECK-NEXT:  tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 1, i32 1, i64 3)
# CHECK:       leave.raise.2:{{ *}}; preds = %fail{{[0-9]*}}, %fail{{[0-9]*}}, %fail{{[0-9]*}}, %fail{{[0-9]*}}, %fail{{[0-9]*}}, %fail{{[0-9]*}}{{$}}
# CHECK-NEXT:  tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 2, i32 1, i64 3)
# CHECK-NOT:   leave.raise
# CHECK:       {{^}}}

# In machine code: five calls into the interpreter (RESUME's, the three raising exits and
# the trace check's), each after the function's epilogue, whatever the number of
# operations.
# ASM-LABEL:   py.many.{{[0-9]+}}:
# ASM-COUNT-5: jmp rt_leave_to_interp@PLT
# ASM-NOT:     rt_leave_to_interp
# ASM:         .Lfunc_end
