# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
print(len(sys.argv), sys.argv[0].endswith("sys_argv_run.py"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 1 True
# CHECK-NEXT: [exit 0]
