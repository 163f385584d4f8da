# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def move(self, dx):
        self.x += dx
        return self
p = P(3, 4)
print(p.norm2(), p.move(1).x, p.__dict__)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 25 4 {'x': 4, 'y': 4}
# CHECK-NEXT: [exit 0]
