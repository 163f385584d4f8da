# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def qs(xs):
    if len(xs) <= 1:
        return xs
    p, *rest = xs
    return qs([x for x in rest if x < p]) + [p] + qs([x for x in rest if x >= p])
import random
random.seed(1)
data = [random.randint(0, 100) for _ in range(20)]
print(qs(data) == sorted(data), qs([3, 1, 2]))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: True [1, 2, 3]
# CHECK-NEXT: [exit 0]
