# pyllc.dump(func, "ir") shows pyllc's SSA IR of a live function (after the passes of its
# opt level); nested functions and methods by their own code objects.
# RUN: %python %s | %FileCheck %s
import pyllc


def f(a, b):
    s = 0
    for i in range(a):
        s += i * b
    return s


def outer():
    def inner(x):
        return x + 1
    return inner


class K:
    def meth(self):
        return self


print(pyllc.dump(f, "ir"))
# CHECK-LABEL: func @f(argc=2,
# CHECK-SAME: qualname="f"
# CHECK: load_global "range"
# CHECK: binary_op multiply
# CHECK: eval_breaker
# CHECK: ret
print(pyllc.dump(outer(), "ir", opt=0))
# CHECK-LABEL: func @inner(argc=1,
# CHECK-SAME: qualname="outer.<locals>.inner"
print(pyllc.dump(K().meth, "ir", opt=3))
# CHECK-LABEL: func @meth(argc=1,
# CHECK-SAME: qualname="K.meth"
