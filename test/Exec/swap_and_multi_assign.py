# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    a, b = b, a
    c = d = a + b
    x, y, z = 1, 2, 3
    z, y, x = x, y, z
    return a, b, c, d, x, y, z
print(f(1, 2))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (2, 1, 3, 3, 3, 2, 1)
# CHECK-NEXT: [exit 0]
