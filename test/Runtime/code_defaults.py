# A compiled function follows later changes to its __code__, __defaults__,
# __kwdefaults__ and __globals__ contents: calls use the new values (no stale compiled
# code), and is_compiled() answers for the function's current code.
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled, compiled_or_fallback  # noqa: E402

K = 1


@compiled
def f(a, b=10, *, c=100):
    return a + b + c + K


def g(a, b=10, *, c=100):
    return a * b * c * K


orig = f.__code__
print(f(1))
f.__defaults__ = (20,)
print(f(1))
f.__kwdefaults__ = {"c": 200}
print(f(1))
K = 1000
print(f(1))
f.__code__ = g.__code__
print(f(1), f.__name__)
f.__code__ = (lambda a, b=0, *, c=0: "lambda code").__code__
print(f(1))
f.__code__ = orig  # the compiled code object again (--expect-compiled checks it)
print(f(1))
# CHECK: 112
# CHECK-NEXT: 122
# CHECK-NEXT: 222
# CHECK-NEXT: 1221
# CHECK-NEXT: 4000000 f
# CHECK-NEXT: lambda code
# CHECK-NEXT: 1221
