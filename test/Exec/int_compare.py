# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def cmp(a, b):
    return [a < b, a <= b, a == b, a != b, a > b, a >= b]
print(cmp(1, 2), cmp(2, 2), cmp(2**70, 2**70 + 1), cmp(-1, -2))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [True, True, False, True, False, False] [False, True, True, False, False, True] [True, True, False, True, False, False] [False, False, False, True, True, True]
# CHECK-NEXT: [exit 0]
