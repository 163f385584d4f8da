# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def add(a, b):
    return a + b
print(add(1, 2), add(-5, 5), add(255, 1), add(2**30 - 1, 1))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 3 0 256 1073741824
# CHECK-NEXT: [exit 0]
