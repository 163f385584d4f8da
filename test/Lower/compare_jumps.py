# compare_op returns an object; a branch on it goes through truth (i32, negative on
# error) into cbr. `is`, `is not` and `is None` are pointer comparisons, `in` a helper.
# RUN: %pyllc %s -emit-llvm -O0 --function cmp | %FileCheck %s
# RUN: %pyllc %s -emit-llvm -O0 --function ident | %FileCheck %s --check-prefix=IS

# CHECK-LABEL: define ptr @py.cmp.{{[0-9]+}}(
# CHECK:      [[C:%[0-9]+]] = call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 0, ptr [[A:%[0-9]+]], ptr [[B:%[0-9]+]])
# CHECK:      [[T:%[0-9]+]] = call i32 @rt_truth(ptr %ts, ptr %frame, ptr [[C]])
# CHECK-NEXT: [[E:%[0-9]+]] = icmp slt i32 [[T]], 0
# CHECK-NEXT: br i1 [[E]], label %[[FAIL:fail[0-9]*]], label %[[OK:ok[0-9]*]]
# On error the compared value is still on the stack (it is released by the interpreter).
# CHECK:      [[FAIL]]:
# CHECK:      store ptr [[C]]
# CHECK-NEXT: tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 6, i64 1, i32 1, i64 3)
# CHECK:      [[OK]]:
# CHECK-NEXT: [[TB:%[0-9]+]] = icmp ne i32 [[T]], 0
# CHECK-NEXT: call void @rt_decref(ptr %ts, ptr %frame, ptr [[C]])
# CHECK-NEXT: br i1 [[TB]], label %then, label %else
# eq = 2, le = 1, ne = 3, gt = 4, ge = 5
# CHECK: call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 2,
# CHECK: call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 1,
# CHECK: call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 3,
# CHECK: call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 4,
# CHECK: call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 5,
def cmp(a, b):
    if a < b:
        return 1
    return a == b, a <= b, a != b, a > b, a >= b

# IS-LABEL: define ptr @py.ident.{{[0-9]+}}(
# IS:      [[X:%[0-9]+]] = icmp eq ptr [[P:%[0-9]+]], [[Q:%[0-9]+]]
# IS:      call ptr @rt_box_bool(
# IS:      [[IN:%[0-9]+]] = call i32 @rt_contains(ptr %ts, ptr %frame, ptr
# IS-NEXT: icmp slt i32 [[IN]], 0
# IS:      icmp eq ptr
# IS:      call ptr @rt_build_tuple(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, i64 3)
def ident(a, b):
    return a is b, a in b, a is None
