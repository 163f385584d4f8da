# Objects die at the same moments in compiled code: __del__ and weakref callbacks run when
# the last reference goes (del, rebinding, end of the frame, a temporary), not later.
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled, compiled_or_fallback  # noqa: E402
import weakref  # noqa: E402


class Obj:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


@compiled
def lifetimes():
    a = Obj("a")
    r = weakref.ref(a, lambda _: print("weakref callback a"))
    print("before del a")
    del a
    print("after del a", r())
    b = Obj("b1")
    b = Obj("b2")
    print("rebound b")
    Obj("temp").name
    print("after temporary")
    c = Obj("c")
    return "returning"


@compiled
def on_exception():
    d = Obj("d")
    raise ValueError("with d alive")


print(lifetimes())
try:
    on_exception()
except ValueError as e:
    print("caught", e)
print("handler left")
# CHECK: before del a
# CHECK-NEXT: del a
# CHECK-NEXT: weakref callback a
# CHECK-NEXT: after del a None
# CHECK-NEXT: del b1
# CHECK-NEXT: rebound b
# CHECK-NEXT: del temp
# CHECK-NEXT: after temporary
# CHECK-NEXT: del b2
# CHECK-NEXT: del c
# CHECK-NEXT: returning
# CHECK-NEXT: caught with d alive
# CHECK-NEXT: del d
# CHECK-NEXT: handler left
