# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import gc
class Node:
    def __init__(self): self.other = None
def make():
    a, b = Node(), Node()
    a.other, b.other = b, a
    return id(a)
make()
print(gc.collect() >= 2)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: True
# CHECK-NEXT: [exit 0]
