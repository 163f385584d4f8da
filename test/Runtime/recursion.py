# Deep recursion in compiled code raises RecursionError (caught, with the usual message)
# instead of overflowing the C stack, and the recursion limit still counts compiled
# frames: the depth reached is the interpreter's.
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled, compiled_or_fallback  # noqa: E402


@compiled
def down(n):
    return down(n + 1) if n >= 0 else n


@compiled
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


@compiled
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


sys.setrecursionlimit(1000)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
d1 = depth(0)
d2 = depth(0)
print("same depth twice:", d1 == d2, "depth > 900:", d1 > 900)
print(fact(200) % 1000003)
sys.setrecursionlimit(100000)
try:
    down(0)
except RecursionError as e:
    print("RecursionError at 100000:", e)
# CHECK: RecursionError: maximum recursion depth exceeded
# CHECK-NEXT: same depth twice: True depth > 900: True
# CHECK-NEXT: 396754
# CHECK: RecursionError at 100000: maximum recursion depth exceeded
