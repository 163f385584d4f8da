# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
def f(x):
    y = [x, x]
    z = {x: y}
    return len(z)
o = object()
before = sys.getrefcount(o)
for _ in range(1000):
    f(o)
print(sys.getrefcount(o) == before)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: True
# CHECK-NEXT: [exit 0]
