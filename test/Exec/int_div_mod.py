# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    return a // b, a % b, a / b, divmod(a, b)
for a, b in [(7, 2), (-7, 2), (7, -2), (10**20, 3)]:
    print(f(a, b))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (3, 1, 3.5, (3, 1))
# CHECK-NEXT: (-4, 1, -3.5, (-4, 1))
# CHECK-NEXT: (-4, -1, -3.5, (-4, -1))
# CHECK-NEXT: (33333333333333333333, 1, 3.333333333333333e+19, (33333333333333333333, 1))
# CHECK-NEXT: [exit 0]
