# Frames of compiled code are real frames: sys._getframe (and f_back chains through
# compiled callers), f_lineno at the current line, f_locals and locals() with the current
# values, cells and free variables, inspect.stack().
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled, compiled_or_fallback  # noqa: E402
import inspect  # noqa: E402


@compiled
def callee():
    f = sys._getframe()
    back = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, back.f_code.co_name, back.f_lineno


@compiled
def caller(a, b=2):
    c = a + b
    r = callee()
    return r, sorted(sys._getframe().f_locals.items())


@compiled
def local_view(n):
    x = [n]
    y = "y"
    del y
    d = locals()
    return sorted(d), d["x"], sys._getframe().f_locals["n"]


@compiled
def closure(v):
    cell = v * 2

    def inner():
        return cell + 1, sys._getframe().f_locals
    cell += 1
    return inner()


@compiled
def stack_names():
    return [fi.function for fi in inspect.stack()[:3]], inspect.currentframe().f_lineno


def outer():
    return stack_names()


print(caller(1))
print(local_view(5))
print(closure(10))
print(outer())
# CHECK: (('callee', 21, 'caller', 27), [('a', 1), ('b', 2), ('c', 3), ('r', ('callee', 21, 'caller', 27))])
# CHECK-NEXT: (['n', 'x'], [5], 5)
# CHECK-NEXT: (22, {'cell': 21})
# CHECK-NEXT: (['stack_names', 'outer', '<module>'], 52)
