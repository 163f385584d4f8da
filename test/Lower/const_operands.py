# A binary_op whose right operand is a constant int of one digit (|v| < 2^30) or a
# float calls rt_binary_op_rint / rt_binary_op_rfloat with the value unboxed as a last
# argument; a compare feeding a branch calls rt_compare_fast_rint / _rfloat. Larger
# ints, other constants and left constants keep the plain helpers.
# RUN: %pyllc %s -emit-llvm -O0 --function arith | %FileCheck %s
# RUN: %pyllc %s -emit-llvm -O0 --function branch | %FileCheck %s --check-prefix=CMP
# RUN: %pyllc %s -S -O2 --function mod7 | %FileCheck %s --check-prefix=ASM

# CHECK-LABEL: define ptr @py.arith.{{[0-9]+}}(
# CHECK:       call ptr @rt_binary_op_rint(ptr %ts, ptr %frame, i64 6, ptr %{{[0-9]+}}, ptr %{{[a-z0-9]+}}, i64 7)
# CHECK:       call ptr @rt_binary_op_rint(ptr %ts, ptr %frame, i64 10, ptr %{{[0-9]+}}, ptr %{{[a-z0-9]+}}, i64 -1073741823)
# CHECK:       call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 0, ptr %{{[0-9]+}}, ptr %{{[a-z0-9]+}})
# CHECK:       call ptr @rt_binary_op_rfloat(ptr %ts, ptr %frame, i64 5, ptr %{{[0-9]+}}, ptr %{{[a-z0-9]+}}, double 5.000000e-01)
# CHECK:       call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 5, ptr %{{[a-z0-9]+}}, ptr %{{[0-9]+}})
# CHECK:       call ptr @rt_binary_op(ptr %ts, ptr %frame, i64 0, ptr %{{[0-9]+}}, ptr %{{[a-z0-9]+}})
def arith(x):
    a = x % 7
    b = x - -1073741823
    c = x + 1073741824
    d = x * 0.5
    e = 2 * x
    f = x + "s"
    return a, b, c, d, e, f

# CMP-LABEL: define ptr @py.branch.{{[0-9]+}}(
# CMP:       call i64 @rt_compare_fast_rint(ptr %ts, ptr %frame, i64 0, ptr %{{[0-9]+}}, ptr %{{[a-z0-9]+}}, i64 2)
# CMP:       call i64 @rt_compare_fast_rfloat(ptr %ts, ptr %frame, i64 4, ptr %{{[0-9]+}}, ptr %{{[a-z0-9]+}}, double 2.500000e+00)
# CMP:       call i64 @rt_compare_fast(ptr %ts, ptr %frame, i64 2,
def branch(x):
    if x < 2:
        return 1
    if x > 2.5:
        return 2
    if x == None:
        return 3

# x % 7 on a compact int: the division by the constant is a multiply, and nothing tests
# the constant's type.
# ASM-LABEL: py.mod7.{{[0-9]+}}:
# ASM-NOT:   idiv
# ASM:       cmpq PyLong_Type@GOTPCREL(%rip)
# ASM-NOT:   cmpq PyLong_Type@GOTPCREL(%rip)
# ASM-NOT:   idiv
# ASM:       imulq
# ASM-NOT:   idiv
# ASM:       .cfi_endproc
def mod7(x):
    return x % 7
