# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class V:
    def __init__(self, *c): self.c = c
    def __add__(self, o): return V(*[a + b for a, b in zip(self.c, o.c)])
    def __mul__(self, k): return V(*[a * k for a in self.c])
    def __rmul__(self, k): return self * k
    def __eq__(self, o): return self.c == o.c
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __iter__(self): return iter(self.c)
    def __repr__(self): return f"V{self.c}"
    def __contains__(self, x): return x in self.c
    def __neg__(self): return V(*[-a for a in self.c])
v = V(1, 2)
print(v + v, v * 3, 2 * v, v == V(1, 2), len(v), v[1], list(v), 2 in v, -v)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: V(2, 4) V(3, 6) V(2, 4) True 2 2 [1, 2] True V(-1, -2)
# CHECK-NEXT: [exit 0]
