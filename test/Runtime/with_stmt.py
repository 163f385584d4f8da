# with statements in compiled code: __enter__/__exit__ order, exception details passed to
# __exit__, suppression by a true __exit__, nested managers, return and break inside.
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled, compiled_or_fallback  # noqa: E402


class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v, tb is not None)
        return self.suppress


@compiled
def plain():
    with CM("a") as n:
        print("body", n)
    return "done"


@compiled
def suppressed():
    with CM("outer"), CM("inner", suppress=True):
        raise KeyError("k")
    return "after"


@compiled
def propagates():
    with CM("p"):
        return {}["missing"]


@compiled
def loop():
    for i in range(3):
        with CM(f"l{i}"):
            if i == 1:
                break
    return i


print(plain())
print(suppressed())
try:
    propagates()
except KeyError as e:
    print("caught", repr(e))
print(loop())
# CHECK: enter a
# CHECK-NEXT: body a
# CHECK-NEXT: exit a None None False
# CHECK-NEXT: done
# CHECK-NEXT: enter outer
# CHECK-NEXT: enter inner
# CHECK-NEXT: exit inner KeyError 'k' True
# CHECK-NEXT: exit outer None None False
# CHECK-NEXT: after
# CHECK-NEXT: enter p
# CHECK-NEXT: exit p KeyError 'missing' True
# CHECK-NEXT: caught KeyError('missing')
# CHECK-NEXT: enter l0
# CHECK-NEXT: exit l0 None None False
# CHECK-NEXT: enter l1
# CHECK-NEXT: exit l1 None None False
# CHECK-NEXT: 1
