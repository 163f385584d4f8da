# Leaving spliced pyllc.asm() code: a frame state that releases the top of its stack
# releases those values (rt_xdecref, top first), stores the values below (the Python
# stack: the loop's iterator) into the frame and leaves with that depth as stacktop, at
# the pyllc.asm() call's unit (prev_instr), by the exit for that depth.
# RUN: %pyllc %s -emit-llvm -O0 --function squares | %FileCheck %s
import pyllc


def squares(n):
    total = 0
    for i in range(n):
        pyllc.asm("OP $total + OP ($i * $i) -> $total")
    return total
# CHECK-LABEL: define ptr @py.squares.{{[0-9]+}}(
# CHECK:      [[IT:%[0-9]+]] = call ptr @rt_get_iter(
# CHECK:      call i32 @rt_is_asm(
# CHECK:      [[I1:%[0-9]+]] = call ptr @rt_load_local(ptr %ts, ptr %frame, i64 2)
# CHECK:      [[I2:%[0-9]+]] = call ptr @rt_load_local(ptr %ts, ptr %frame, i64 2)
# prev_instr is the call's unit (34, offset 68) for the spliced operations.
# CHECK:      [[P:%[0-9]+]] = getelementptr i8, ptr %units, i64 68
# CHECK-NEXT: [[PI:%[0-9]+]] = getelementptr i8, ptr %frame, i64 56
# CHECK-NEXT: store ptr [[P]], ptr [[PI]]
# CHECK-NEXT: [[M:%[0-9]+]] = call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 5, ptr [[I1]], ptr [[I2]])
# CHECK-NEXT: icmp eq ptr [[M]], null
# CHECK-NEXT: br i1 {{%[0-9]+}}, label %[[FAIL:fail[0-9]*]], label
# CHECK:      [[FAIL]]:
# CHECK-NEXT: call void @rt_xdecref(ptr %ts, ptr %frame, ptr [[I2]])
# CHECK-NEXT: call void @rt_xdecref(ptr %ts, ptr %frame, ptr [[I1]])
# CHECK-NEXT: call void @rt_xdecref(ptr %ts, ptr %frame, ptr [[T:%[0-9]+]])
# CHECK-NEXT: [[SLOT:%[0-9]+]] = getelementptr i8, ptr %frame, i64 96
# CHECK-NEXT: store ptr [[IT]], ptr [[SLOT]]
# CHECK-NEXT: br label %[[EXIT:leave.raise.1]]
# The exit raising at prev_instr with one value in the frame.
# CHECK:      [[EXIT]]:
# CHECK-NEXT: tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 1, i32 1, i64 3)
