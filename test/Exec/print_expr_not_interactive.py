# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
1 + 1
"string statement"
print("ok")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ok
# CHECK-NEXT: [exit 0]
