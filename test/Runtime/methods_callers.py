# Compiled functions called from everywhere: methods through the descriptor protocol
# (instance, class, super(), classmethod, staticmethod, property), C callers (map, sorted
# key=, functools.partial), keyword and star arguments, recursion.
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled, compiled_or_fallback  # noqa: E402
import functools  # noqa: E402


class Base:
    def __init__(self, v):
        self.v = v

    @compiled
    def method(self, k=1):
        return self.v * k

    @classmethod
    @compiled
    def cm(cls, x):
        return cls.__name__, x

    @staticmethod
    @compiled
    def sm(x, *rest, **kw):
        return x, rest, sorted(kw.items())

    @property
    @compiled
    def prop(self):
        return self.v + 0.5


class Derived(Base):
    @compiled
    def method(self, k=1):
        return super().method(k) + 1


@compiled
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@compiled
def key(x):
    return -x


b, d = Base(3), Derived(4)
print(b.method(), Base.method(b, 2), d.method(k=3), d.prop)
print(Derived.cm(1), b.sm(1, 2, 3, z=4), Base.sm(*[5], **{"q": 6}))
print(list(map(fib, range(10))), sorted([3, 1, 2], key=key))
print(functools.partial(Base.method, b)(k=5), fib(20))
# CHECK: 3 6 13 4.5
# CHECK-NEXT: ('Derived', 1) (1, (2, 3), [('z', 4)]) (5, (), [('q', 6)])
# CHECK-NEXT: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34] [3, 2, 1]
# CHECK-NEXT: 15 6765
