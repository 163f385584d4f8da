# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
for i in range(3):
    print("out", i, flush=True)
    print("err", i, file=sys.stderr, flush=True)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: out 0
# CHECK-NEXT: err 0
# CHECK-NEXT: out 1
# CHECK-NEXT: err 1
# CHECK-NEXT: out 2
# CHECK-NEXT: err 2
# CHECK-NEXT: [exit 0]
