# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Desc:
    def __get__(self, obj, typ=None):
        return "desc" if obj is not None else "class"
    def __set__(self, obj, v):
        print("desc set", v)
class C:
    __slots__ = ("a",)
    d = Desc()
c = C()
c.a = 5
c.d = 7
print(c.a, c.d, C.d)
try:
    c.b = 1
except AttributeError as e:
    print(e)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: desc set 7
# CHECK-NEXT: 5 desc class
# CHECK-NEXT: 'C' object has no attribute 'b'
# CHECK-NEXT: [exit 0]
