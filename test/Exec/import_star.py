# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
from math import *
print(floor(2.5), pi > 3, "sqrt" in dir())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 2 True True
# CHECK-NEXT: [exit 0]
