# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
A = 3
B = A * 2
def f():
    return A + B, (1, 2) + (3,), "a" "b", 2 ** 10, -(-5)
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (9, (1, 2, 3), 'ab', 1024, 5)
# CHECK-NEXT: [exit 0]
