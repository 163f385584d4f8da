# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    fs = [lambda: i for i in range(3)]
    gs = [lambda i=i: i for i in range(3)]
    return [g() for g in fs], [g() for g in gs]
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ([2, 2, 2], [0, 1, 2])
# CHECK-NEXT: [exit 0]
