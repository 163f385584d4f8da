# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b, c=0):
    return a * 100 + b * 10 + c
print(f(1, 2), f(b=1, a=2), f(1, c=3, b=2), f(*(1, 2), **{"c": 9}))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 120 210 123 129
# CHECK-NEXT: [exit 0]
