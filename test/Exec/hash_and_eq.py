# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class K:
    def __init__(self, a): self.a = a
    def __eq__(self, o): return isinstance(o, K) and self.a == o.a
    def __hash__(self): return hash(self.a)
d = {K(1): "one"}
print(d[K(1)], K(1) in {K(1), K(2)}, len({K(1), K(1)}))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: one True 1
# CHECK-NEXT: [exit 0]
