# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b=2, *, c=3, d):
    return a, b, c, d
print(f(1, d=4), f(1, 5, c=6, d=7))
def g(x, acc=[]):
    acc.append(x)
    return acc
g(1); print(g(2))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (1, 2, 3, 4) (1, 5, 6, 7)
# CHECK-NEXT: [1, 2]
# CHECK-NEXT: [exit 0]
