# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    return a + b, a * b, a == b
print(f(1, 2.5), f(True, 2), f(3, 3.0), f(1 + 2j, 2))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (3.5, 2.5, False) (3, 2, False) (6.0, 9.0, True) ((3+2j), (2+4j), False)
# CHECK-NEXT: [exit 0]
