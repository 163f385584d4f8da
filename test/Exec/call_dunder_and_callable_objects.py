# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Mul:
    def __init__(self, k): self.k = k
    def __call__(self, x): return x * self.k
double = Mul(2)
print(double(21), list(map(Mul(3), [1, 2])), callable(double))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 42 [3, 6] True
# CHECK-NEXT: [exit 0]
