# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
from collections import namedtuple
P = namedtuple("P", "x y")
def f(p):
    x, y = p
    return p.x + y, p._replace(x=9), p._asdict()
print(f(P(1, 2)))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (3, P(x=9, y=2), {'x': 1, 'y': 2})
# CHECK-NEXT: [exit 0]
