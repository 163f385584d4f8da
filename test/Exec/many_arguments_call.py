# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(*a):
    return sum(a)
def g(a, b, c, d, e, f, g, h, i, j):
    return [a, b, c, d, e, f, g, h, i, j]
print(f(*range(100)), g(*range(10)), g(1, 2, 3, 4, 5, 6, 7, 8, 9, j=10))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 4950 [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
# CHECK-NEXT: [exit 0]
