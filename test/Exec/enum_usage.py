# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
from enum import Enum, auto
class Color(Enum):
    RED = auto()
    GREEN = auto()
def f(c):
    match c:
        case Color.RED: return "r"
        case Color.GREEN: return "g"
print(f(Color.RED), f(Color.GREEN), Color(2), list(Color))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: r g Color.GREEN [<Color.RED: 1>, <Color.GREEN: 2>]
# CHECK-NEXT: [exit 0]
