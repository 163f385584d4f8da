# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class C:
    def __init__(self, v): self.v = v
    def get(self): return self.v
ms = [C(i).get for i in range(3)]
print([m() for m in ms], C.get(C(9)), [].append.__name__)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [0, 1, 2] 9 append
# CHECK-NEXT: [exit 0]
