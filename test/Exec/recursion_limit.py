# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: RecursionError maximum recursion depth exceeded
# CHECK-NEXT: 500
# CHECK-NEXT: [exit 0]
