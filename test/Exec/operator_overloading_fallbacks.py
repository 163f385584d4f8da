# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, N): return N(self.v + o.v)
        return NotImplemented
    def __radd__(self, o): return N(o + self.v)
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"N({self.v})"
print(N(1) + N(2), 5 + N(1), sorted([N(3), N(1)]), N(1) < N(2))
try:
    N(1) + "s"
except TypeError as e:
    print(e)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: N(3) N(6) [N(1), N(3)] True
# CHECK-NEXT: unsupported operand type(s) for +: 'N' and 'str'
# CHECK-NEXT: [exit 0]
