# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9
    @f.deleter
    def f(self):
        print("deleting")
t = Temp()
t.f = 212
print(t._c, t.f)
del t.f

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 100.0 212.0
# CHECK-NEXT: deleting
# CHECK-NEXT: [exit 0]
