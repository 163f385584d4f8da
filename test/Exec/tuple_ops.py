# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(t):
    a, b, *c = t
    return t[0], t[-1], t[1:], len(t), t + (9,), t * 2, a, b, c, t.count(1)
print(f((1, 2, 3, 1)), tuple([1, 2]), (1,) == (1,))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (1, 1, (2, 3, 1), 4, (1, 2, 3, 1, 9), (1, 2, 3, 1, 1, 2, 3, 1), 1, 2, [3, 1], 2) (1, 2) True
# CHECK-NEXT: [exit 0]
