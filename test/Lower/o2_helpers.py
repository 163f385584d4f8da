# -O2 code: cold helpers (leaving to the interpreter, generic binary operations) are not
# compiled into the module but declared and called natively (drop_cold_helpers), still
# `cold`; rt_binary_op is always inlined, its dispatch folded to the one operator's fast
# path; a call of an exact Python function goes to rt_call_function (the direct path)
# with no PyObject_Vectorcall in between.
# RUN: %pyllc %s -emit-llvm -O2 --function f | %FileCheck %s

# CHECK-LABEL: define ptr @py.f.{{[0-9]+}}(
# The int fast path of `a - 1`: an exact int, then the subtraction of the constant's
# value, inline (rt_binary_op_rint: the constant's type is not tested).
# CHECK:       icmp eq ptr {{%[0-9]+}}, @PyLong_Type
# CHECK-NOT:   icmp eq ptr {{%[0-9]+}}, @PyLong_Type
# CHECK:       add nsw i64 {{%[0-9]+}}, -1
# CHECK:       call ptr @rt_binary_generic(i64 noundef 10,
# A bound method is called as its function with self first; then a Python function goes to
# rt_call_function, anything else to vectorcall.
# CHECK:       icmp eq ptr {{%[0-9]+}}, @PyMethod_Type
# CHECK:       [[ISF:%[0-9]+]] = icmp eq ptr {{%[0-9]+}}, @PyFunction_Type
# CHECK-NEXT:  br i1 [[ISF]], label %[[DIRECT:[0-9]+]], label %[[VEC:[0-9]+]]
# CHECK:       [[DIRECT]]:
# CHECK-NEXT:  call ptr @rt_call_function(ptr {{.*}}%ts,
# CHECK:       [[VEC]]:
# CHECK:       call ptr @PyObject_Vectorcall(
# CHECK-NOT:   define {{.*}}@rt_binary_op(
# CHECK-NOT:   define {{.*}}@rt_binary_generic(
# CHECK-NOT:   define {{.*}}@rt_leave_to_interp(
# CHECK-DAG:   declare ptr @rt_leave_to_interp(ptr, ptr, i64, i64, i32, i64) local_unnamed_addr #[[COLD:[0-9]+]]
# CHECK-DAG:   declare ptr @rt_binary_generic(i64, ptr, ptr) local_unnamed_addr #[[COLD]]
# CHECK:       attributes #[[COLD]] = { cold }
def f(g, a):
    return g(a - 1)
