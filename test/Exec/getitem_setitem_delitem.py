# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Grid:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d.get(k, 0)
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
g = Grid()
g[1, 2] = 5
g[0, 0] += 1
print(g[1, 2], g[0, 0], g[9, 9])
del g[1, 2]
print(g.d)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 5 1 0
# CHECK-NEXT: {(0, 0): 1}
# CHECK-NEXT: [exit 0]
