# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
nan = float("nan")
def cmp(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b
print(cmp(1.0, 2.0), cmp(2.0, 2.0), cmp(nan, 1.0), cmp(nan, nan))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (True, True, False, True, False, False) (False, True, True, False, False, True) (False, False, False, True, False, False) (False, False, False, True, False, False)
# CHECK-NEXT: [exit 0]
