# Live code objects: after warm-up CPython 3.11 rewrites co_code_adaptive into specialised
# opcodes. The front end (pyllc.dump -> fe_func_from_code) maps them back to base opcodes
# and keeps the specialisation on the IR operation as `!spec` type feedback.
# RUN: %python %s | %FileCheck %s
import pyllc

G = 3

class P:
    def __init__(self):
        self.x = 1
    def m(self):
        return self.x

def warm(a, b, p, xs, t):
    y = G + len(xs) + a * b
    p.x = y
    u, v = t
    xs[0] = u
    if a < b:
        y += 1.5 + v
    return y + p.m() + xs[1] + p.x

p = P()
for i in range(50):
    warm(i, 10, p, [1, 2], (3, 4.0))
print(pyllc.dump(warm, "ir"))
# CHECK-LABEL: func @warm(argc=5,
# CHECK:         load_global "G" {{.*}} !spec LOAD_GLOBAL_MODULE
# CHECK:         load_global "len" {{.*}} !spec LOAD_GLOBAL_BUILTIN
# CHECK:         call none {{.*}} !spec PRECALL_NO_KW_LEN
# CHECK:         binary_op add {{.*}} !spec BINARY_OP_ADD_INT
# CHECK:         binary_op multiply {{.*}} !spec BINARY_OP_MULTIPLY_INT
# CHECK:         store_attr "x" {{.*}} !spec STORE_ATTR_INSTANCE_VALUE
# CHECK:         unpack_seq 2 {{.*}} !spec UNPACK_SEQUENCE_TWO_TUPLE
# CHECK:         store_subscr {{.*}} !spec STORE_SUBSCR_LIST_INT
# CHECK:         compare_op lt {{.*}} !spec COMPARE_OP_INT_JUMP
# CHECK:         binary_op add {{.*}} !spec BINARY_OP_ADD_FLOAT
# CHECK:         load_method "m" {{.*}} !spec LOAD_METHOD_WITH_VALUES
# CHECK:         call none {{.*}} !spec CALL_PY_EXACT_ARGS
# CHECK:         binary_subscr {{.*}} !spec BINARY_SUBSCR_LIST_INT
# CHECK:         load_attr "x" {{.*}} !spec LOAD_ATTR_INSTANCE_VALUE
# CHECK-LABEL: }

def cold(a):
    return a + 1
print(pyllc.dump(cold, "ir"))
# Unexecuted (or only adaptive, superinstruction) forms carry no feedback.
# CHECK-LABEL: func @cold(
# CHECK-NOT:     !spec
# CHECK:       }

def bad(a):
    return a
bad.__code__ = bad.__code__.replace(co_stacksize=0)
try:
    pyllc.dump(bad, "ir")
except RuntimeError as e:
    print(e)
# A live code object that does not validate is refused with the offset and its line.
# CHECK: quickened.py:[[#@LINE-7]]:{{[0-9]+}}: error: offset 2: stack depth 1 exceeds co_stacksize 0
