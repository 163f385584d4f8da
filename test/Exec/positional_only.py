# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b, /, c):
    return a, b, c
print(f(1, 2, 3), f(1, 2, c=3))
try:
    f(a=1, b=2, c=3)
except TypeError as e:
    print(e)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (1, 2, 3) (1, 2, 3)
# CHECK-NEXT: f() got some positional-only arguments passed as keyword arguments: 'a, b'
# CHECK-NEXT: [exit 0]
