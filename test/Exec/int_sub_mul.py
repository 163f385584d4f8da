# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    return a - b, a * b, b - a, -a
print(f(7, 3), f(2**31, 2**31), f(-4, 6))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (4, 21, -4, -7) (0, 4611686018427387904, 0, -2147483648) (-10, -24, 10, 4)
# CHECK-NEXT: [exit 0]
