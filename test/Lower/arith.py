# binary_op: one helper, rt_binary_op, with BINARY_OP's argument (NB_ADD = 0 ...); unary
# operators have one helper each. Errors leave with both operands on the stack: the
# failure block stores them and jumps to the function's exit for "raise with two values",
# shared by every such failure, at the end of the function; prev_instr, stored before the
# call, is the instruction (unit -1 = RT_UNIT_AT_PREV_INSTR).
# RUN: %pyllc %s -emit-llvm -O0 --function ops | %FileCheck %s
# RUN: %pyllc %s -emit-llvm -O0 --function un | %FileCheck %s --check-prefix=UN
# RUN: %pyllc %s -emit-llvm -O0 --function iadd | %FileCheck %s --check-prefix=IADD

# CHECK-LABEL: define ptr @py.ops.{{[0-9]+}}(
# CHECK:      [[A:%[0-9]+]] = call ptr @rt_load_local(ptr %ts, ptr %frame, i64 0)
# CHECK:      [[B:%[0-9]+]] = call ptr @rt_load_local(ptr %ts, ptr %frame, i64 1)
# CHECK:      [[P:%[0-9]+]] = getelementptr i8, ptr %units, i64 6
# CHECK-NEXT: [[PI:%[0-9]+]] = getelementptr i8, ptr %frame, i64 56
# CHECK-NEXT: store ptr [[P]], ptr [[PI]]
# CHECK-NEXT: [[R:%[0-9]+]] = call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 0, ptr [[A]], ptr [[B]])
# CHECK-NEXT: [[N:%[0-9]+]] = icmp eq ptr [[R]], null
# CHECK-NEXT: br i1 [[N]], label %[[FAIL:fail[0-9]*]], label %[[OK:ok[0-9]*]]
# CHECK:      [[FAIL]]:
# CHECK:      store ptr [[A]]
# CHECK:      store ptr [[B]]
# CHECK-NEXT: br label %[[EXIT:leave.raise.2]]
# CHECK:      [[OK]]:
# CHECK-NEXT: call void @rt_decref(ptr %ts, ptr %frame, ptr [[A]])
# CHECK-NEXT: call void @rt_decref(ptr %ts, ptr %frame, ptr [[B]])
# sub 10, mul 5, floordiv 2, mod 6, pow 8, lshift 3, and 1, or 7, xor 12, truediv 11,
# matmul 4, rshift 9
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 10,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 5,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 2,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 6,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 8,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 3,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 1,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 7,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 12,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 11,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 4,
# CHECK: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 9,
# CHECK:      [[EXIT]]:
# CHECK-NEXT: tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 2, i32 1, i64 3)
# CHECK: declare ptr @rt_binary_op(ptr, ptr, i64, ptr, ptr)
def ops(a, b):
    return a + b, a - b, a * b, a // b, a % b, a ** b, a << b, a & b, a | b, a ^ b, a / b, a @ b, a >> b

# UN-LABEL: define ptr @py.un.{{[0-9]+}}(
# UN: call ptr @rt_unary_neg(ptr %ts, ptr %frame, ptr
# UN: call ptr @rt_unary_pos(ptr %ts, ptr %frame, ptr
# UN: call ptr @rt_unary_invert(ptr %ts, ptr %frame, ptr
# `not`: truth (an int, -1 on error), negated, boxed.
# UN: [[T:%[0-9]+]] = call i32 @rt_truth(ptr %ts, ptr %frame, ptr
# UN: [[TB:%[0-9]+]] = icmp ne i32 [[T]], 0
# UN: [[NOT:%[0-9]+]] = xor i1 [[TB]], true
# UN: [[Z:%[0-9]+]] = zext i1 [[NOT]] to i32
# UN: call ptr @rt_box_bool(ptr %ts, ptr %frame, i32 [[Z]])
def un(a):
    return -a, +a, ~a, not a

# In-place forms keep their own numbers (inplace_add = 13).
# IADD-LABEL: define ptr @py.iadd.{{[0-9]+}}(
# IADD: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 13,
# IADD: call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 23,
def iadd(a, b):
    a += b
    a -= b
    return a
