# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def s(n):
    t = 0
    for i in range(n):
        t += i
    return t
def s2(a, b, c):
    return [i for i in range(a, b, c)]
print(s(1000), s(0), s2(10, 0, -3))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 499500 0 [10, 7, 4, 1]
# CHECK-NEXT: [exit 0]
