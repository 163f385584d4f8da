# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
def f(x):
    try:
        return [x][5]
    except IndexError:
        return None
def g(x):
    t = (x, x)
    return t[0] + 1
o = object()
before = sys.getrefcount(o)
for _ in range(500):
    f(o)
    try:
        g(o)
    except TypeError:
        pass
print(sys.getrefcount(o) - before)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 0
# CHECK-NEXT: [exit 0]
