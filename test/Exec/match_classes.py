# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
def where(p):
    match p:
        case Point(x=0, y=0): return "origin"
        case Point(0, y): return f"y-axis {y}"
        case Point(x, 0): return f"x-axis {x}"
        case Point(x, y) if x == y: return "diagonal"
        case int() | float(): return "number"
        case _: return "somewhere"
print([where(p) for p in (Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), 7)])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ['origin', 'y-axis 5', 'x-axis 3', 'diagonal', 'somewhere', 'number']
# CHECK-NEXT: [exit 0]
