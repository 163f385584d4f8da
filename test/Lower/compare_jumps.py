# compare_op returns an object; a branch on it goes through truth (i32, negative on
# error) into cbr. A compare whose result only feeds that truth (and its decref) asks
# rt_compare_fast first: 0 or 1 when the operand types have a fast path, and then no
# bool is made, the truth is that answer and the decref is skipped; -1 takes
# PyObject_RichCompare, truth and decref as unfused. `is`, `is not` and `is None` are
# pointer comparisons, `in` a helper.
# RUN: %pyllc %s -emit-llvm -O0 --function cmp | %FileCheck %s
# RUN: %pyllc %s -emit-llvm -O0 --function kept | %FileCheck %s --check-prefix=KEPT
# RUN: %pyllc %s -emit-llvm -O0 --function ident | %FileCheck %s --check-prefix=IS

# CHECK-LABEL: define ptr @py.cmp.{{[0-9]+}}(
# CHECK:      [[K:%[0-9]+]] = call i64 @rt_compare_fast(ptr %ts, ptr %frame, i64 0, ptr [[A:%[0-9]+]], ptr [[B:%[0-9]+]])
# CHECK-NEXT: [[F:%[a-z0-9]+]] = icmp sge i64 [[K]], 0
# CHECK-NEXT: br i1 [[F]], label %[[JOIN:cmp.join[0-9]*]], label %[[SLOW:cmp.slow[0-9]*]]
# CHECK:      [[SLOW]]:
# CHECK:      [[G:%[0-9]+]] = call ptr @rt_compare_generic(ptr %ts, ptr %frame, i64 0, ptr [[A]], ptr [[B]])
# CHECK:      [[JOIN]]:
# CHECK-NEXT: [[C:%[a-z0-9]+]] = phi ptr [ null, %{{[a-z0-9]+}} ], [ [[G]], %{{[a-z0-9]+}} ]
# CHECK-NEXT: call void @rt_decref(ptr %ts, ptr %frame, ptr [[A]])
# CHECK-NEXT: call void @rt_decref(ptr %ts, ptr %frame, ptr [[B]])
# CHECK:      [[BIT:%[0-9]+]] = icmp ne i64 [[K]], 0
# CHECK-NEXT: [[F2:%[a-z0-9]+]] = icmp sge i64 [[K]], 0
# CHECK-NEXT: br i1 [[F2]], label %[[TJOIN:truth.join[0-9]*]], label %[[TSLOW:truth.slow[0-9]*]]
# On error the compared value is still on the stack (it is released by the interpreter).
# CHECK:      [[TSLOW]]:
# CHECK:      [[T:%[0-9]+]] = call i32 @rt_truth(ptr %ts, ptr %frame, ptr [[C]])
# CHECK-NEXT: [[E:%[0-9]+]] = icmp slt i32 [[T]], 0
# CHECK-NEXT: br i1 [[E]], label %[[FAIL:fail[0-9]*]], label %[[OK:ok[0-9]*]]
# CHECK:      [[TJOIN]]:
# CHECK-NEXT: [[TRUTH:%[a-z0-9]+]] = phi i1 [ [[BIT]], %[[JOIN]] ], [ [[TB:%[0-9]+]], %[[OK]] ]
# CHECK-NEXT: [[F3:%[a-z0-9]+]] = icmp sge i64 [[K]], 0
# CHECK-NEXT: br i1 [[F3]], label %[[DJOIN:decref.join[0-9]*]], label %[[DSLOW:decref.slow[0-9]*]]
# CHECK:      [[FAIL]]:
# CHECK:      store ptr [[C]]
# CHECK-NEXT: br label %[[EXIT:leave.raise.1]]
# CHECK:      [[OK]]:
# CHECK-NEXT: [[TB]] = icmp ne i32 [[T]], 0
# CHECK:      [[DSLOW]]:
# CHECK-NEXT: call void @rt_decref(ptr %ts, ptr %frame, ptr [[C]])
# CHECK:      [[DJOIN]]:
# CHECK-NEXT: br i1 [[TRUTH]], label %then, label %else
# eq = 2, le = 1, ne = 3, gt = 4, ge = 5
# CHECK: call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 2,
# CHECK: call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 1,
# CHECK: call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 3,
# CHECK: call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 4,
# CHECK: call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 5,
# CHECK:      [[EXIT]]:
# CHECK-NEXT: tail call ptr @rt_leave_to_interp(ptr %ts, ptr %frame, i64 -1, i64 1, i32 1, i64 3)
def cmp(a, b):
    if a < b:
        return 1
    return a == b, a <= b, a != b, a > b, a >= b

# A compare whose result is kept in a variable is not fused: the bool is made.
# KEPT-LABEL: define ptr @py.kept.{{[0-9]+}}(
# KEPT-NOT:   rt_compare_fast
# KEPT:       [[C:%[0-9]+]] = call ptr @rt_compare_op(ptr %ts, ptr %frame, i64 0,
# KEPT-NOT:   rt_compare_fast
# KEPT:       call i32 @rt_truth(ptr %ts, ptr %frame, ptr
def kept(a, b):
    c = a < b
    if c:
        return c
    return b

# IS-LABEL: define ptr @py.ident.{{[0-9]+}}(
# IS:      [[X:%[0-9]+]] = icmp eq ptr [[P:%[0-9]+]], [[Q:%[0-9]+]]
# IS:      call ptr @rt_box_bool(
# IS:      [[IN:%[0-9]+]] = call i32 @rt_contains(ptr %ts, ptr %frame, ptr
# IS-NEXT: icmp slt i32 [[IN]], 0
# IS:      icmp eq ptr
# IS:      call ptr @rt_build_tuple(ptr %ts, ptr %frame, ptr {{%[0-9]+}}, i64 3)
def ident(a, b):
    return a is b, a in b, a is None
