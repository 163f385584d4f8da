# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(n):
    a = [0] * n
    for i in range(n):
        a[i] = i * i
    a[-1] = 100
    a[1:3] = ["x", "y", "z"]
    return a
print(f(6))
try:
    [1][5]
except IndexError as e:
    print(e)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [0, 'x', 'y', 'z', 9, 16, 100]
# CHECK-NEXT: list index out of range
# CHECK-NEXT: [exit 0]
