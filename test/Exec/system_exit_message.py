# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
print("out")
sys.exit("fatal: message to stderr")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: out
# CHECK-NEXT: fatal: message to stderr
# CHECK-NEXT: [exit 1]
