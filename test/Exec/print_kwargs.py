# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
print("a", "b", sep="-", end="!\n")
print("to stderr", file=sys.stderr)
print()
print(*[1, 2, 3])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: to stderr
# CHECK-NEXT: a-b!
# CHECK-EMPTY:
# CHECK-NEXT: 1 2 3
# CHECK-NEXT: [exit 0]
