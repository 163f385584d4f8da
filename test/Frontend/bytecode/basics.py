# Locals, constants, stack shuffles and the operators: one function per opcode family.
# RUN: %pyllc %s -emit-ir | %FileCheck %s

# The module body is funcs[0]; every def is MAKE_FUNCTION of a code constant.
# CHECK-LABEL: func @"<module>"(
# CHECK-NEXT:  bb0 @0:
# CHECK-NEXT:    resume 0 !fs(@0) !line 0
# CHECK-NEXT:    [[CODE:%[0-9]+]]:obj = const @load_store !line [[#@LINE+4]]
# CHECK:         [[F:%[0-9]+]]:obj = make_function 0 [[CODE]], {{.*}} !fs(@4 | [[CODE]])
# CHECK-NEXT:    store_name "load_store" [[F]] !fs(@6 | [[F]])
# CHECK-NEXT:    decref [[F]]
def load_store(a):
    b = a
    del b
    return None
# LOAD_FAST STORE_FAST DELETE_FAST LOAD_CONST RETURN_VALUE RESUME
# CHECK-LABEL: func @load_store(argc=1, posonly=0, kwonly=0, flags=0x3, stack=1,
# CHECK-SAME:    qualname="load_store") locals(a:local, b:local) {
# CHECK-NEXT:  bb0 @0:
# CHECK-NEXT:    resume 0 !fs(@0) !line 12
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a !fs(@2) !line 13
# CHECK-NEXT:    store_local $b [[A]] !line 13
# CHECK-NEXT:    delete_local $b !fs(@6) !line 14
# CHECK-NEXT:    [[N:%[0-9]+]]:obj = const None !line 15
# CHECK-NEXT:    ret [[N]] !line 15
# CHECK-NEXT:  }

def pop_top(a):
    a
# POP_TOP: the interpreter's Py_DECREF
# CHECK-LABEL: func @pop_top(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    const None

def copy_swap(a, b):
    a.x += b
    a, b = b, a
# COPY 1 increfs; SWAP only renames stack slots.
# CHECK-LABEL: func @copy_swap(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    incref [[A]]
# CHECK-NEXT:    [[X:%[0-9]+]]:obj = load_attr "x" [[A]] !fs(@6 | [[A]], [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b !fs(@16 | [[A]], [[X]])
# CHECK-NEXT:    [[S:%[0-9]+]]:obj = binary_op inplace_add [[X]], [[B]]
# CHECK-NEXT:    decref [[X]]
# CHECK-NEXT:    decref [[B]]
# CHECK-NEXT:    store_attr "x" [[A]], [[S]] !fs(@24 | [[S]], [[A]])
# CHECK-NEXT:    decref [[S]]
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    trace_check !fs(@34{{.*}}
# CHECK-NEXT:    [[B2:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[A2:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    store_local $b [[A2]]
# CHECK-NEXT:    store_local $a [[B2]]

def unary(a):
    return (-a, +a, ~a, not a)
# UNARY_NEGATIVE UNARY_POSITIVE UNARY_INVERT UNARY_NOT BUILD_TUPLE
# CHECK-LABEL: func @unary(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[NEG:%[0-9]+]]:obj = unary.neg [[A]] !fs(@4 | [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[POS:%[0-9]+]]:obj = unary.pos [[A]] !fs(@8 | [[NEG]], [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[INV:%[0-9]+]]:obj = unary.invert [[A]]
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[T:%[0-9]+]]:bool = truth [[A]] !fs(@16 | [[NEG]], [[POS]], [[INV]], [[A]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    [[NT:%[0-9]+]]:bool = not [[T]]
# CHECK-NEXT:    [[NOT:%[0-9]+]]:obj = box.bool [[NT]]
# CHECK-NEXT:    [[TUP:%[0-9]+]]:obj = build_tuple [[NEG]], [[POS]], [[INV]], [[NOT]]
# CHECK-NEXT:    trace_check !fs(@20{{.*}}
# CHECK-NEXT:    ret [[TUP]]

def binops(a, b):
    return (a + b, a & b, a // b, a << b, a @ b, a * b, a % b, a | b, a ** b, a >> b,
            a - b, a / b, a ^ b)
# BINARY_OP 0..12: operands decref'd after, the stack before the op in its frame state
# CHECK-LABEL: func @binops(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a !fs(@2)
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b !fs(@4 | [[A]])
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = binary_op add [[A]], [[B]] !fs(@6 | [[A]], [[B]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    decref [[B]]
# CHECK:         binary_op and
# CHECK:         binary_op floor_divide
# CHECK:         binary_op lshift
# CHECK:         binary_op matrix_multiply
# CHECK:         binary_op multiply
# CHECK:         binary_op remainder
# CHECK:         binary_op or
# CHECK:         binary_op power
# CHECK:         binary_op rshift
# CHECK:         binary_op subtract
# CHECK:         binary_op true_divide
# CHECK:         binary_op xor
# CHECK:         build_tuple [[R]],

def inplace(a, b):
    a += b; a &= b; a //= b; a <<= b; a @= b; a *= b; a %= b
    a |= b; a **= b; a >>= b; a -= b; a /= b; a ^= b
# BINARY_OP 13..25
# CHECK-LABEL: func @inplace(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = binary_op inplace_add [[A]], [[B]]
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    decref [[B]]
# CHECK-NEXT:    store_local $a [[R]]
# CHECK:         binary_op inplace_and
# CHECK:         binary_op inplace_floor_divide
# CHECK:         binary_op inplace_lshift
# CHECK:         binary_op inplace_matrix_multiply
# CHECK:         binary_op inplace_multiply
# CHECK:         binary_op inplace_remainder
# CHECK:         binary_op inplace_or
# CHECK:         binary_op inplace_power
# CHECK:         binary_op inplace_rshift
# CHECK:         binary_op inplace_subtract
# CHECK:         binary_op inplace_true_divide
# CHECK:         binary_op inplace_xor

def compares(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)
# COMPARE_OP 0..5
# CHECK-LABEL: func @compares(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[R:%[0-9]+]]:obj = compare_op lt [[A]], [[B]] !fs(@6 | [[A]], [[B]])
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    decref [[B]]
# CHECK:         compare_op le
# CHECK:         compare_op eq
# CHECK:         compare_op ne
# CHECK:         compare_op gt
# CHECK:         compare_op ge

def is_in(a, b):
    return (a is b, a is not b, a in b, a not in b)
# IS_OP 0/1 (pure, no frame state) and CONTAINS_OP 0/1 (may raise)
# CHECK-LABEL: func @is_in(
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[IS:%[0-9]+]]:bool = is [[A]], [[B]]{{$| !line}}
# CHECK-NEXT:    decref [[A]]
# CHECK-NEXT:    decref [[B]]
# CHECK-NEXT:    box.bool [[IS]]
# CHECK:         [[IS2:%[0-9]+]]:bool = is
# CHECK-NEXT:    [[NOT:%[0-9]+]]:bool = not [[IS2]]
# CHECK:         box.bool [[NOT]]
# CHECK:         [[A:%[0-9]+]]:obj = load_local $a
# CHECK-NEXT:    [[B:%[0-9]+]]:obj = load_local $b
# CHECK-NEXT:    [[IN:%[0-9]+]]:bool = contains [[A]], [[B]] !fs(
# CHECK:         box.bool [[IN]]
# CHECK:         [[IN2:%[0-9]+]]:bool = contains
# CHECK-NEXT:    [[NOT2:%[0-9]+]]:bool = not [[IN2]]

def nop(a):
    pass
    return a
# NOP (the `pass` line keeps its own line event): nothing emitted
# CHECK-LABEL: func @nop(
# CHECK-NEXT:  bb0 @0:
# CHECK-NEXT:    resume 0
# CHECK-NEXT:    [[A:%[0-9]+]]:obj = load_local $a !fs(@4) !line [[#@LINE-5]]
# CHECK-NEXT:    ret [[A]]
