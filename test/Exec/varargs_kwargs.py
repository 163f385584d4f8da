# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(), f(1, 2), f(a=1), f(1, *[2, 3], b=4, **{"c": 5}))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ((), []) ((1, 2), []) ((), [('a', 1)]) ((1, 2, 3), [('b', 4), ('c', 5)])
# CHECK-NEXT: [exit 0]
