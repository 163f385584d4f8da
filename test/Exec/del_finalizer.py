# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class R:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f():
    r = R(1)
    r = R(2)
    print("end f")
f()
x = R(3)
del x
print("end")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: del 1
# CHECK-NEXT: end f
# CHECK-NEXT: del 2
# CHECK-NEXT: del 3
# CHECK-NEXT: end
# CHECK-NEXT: [exit 0]
