# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def inrange(x):
    return 0 <= x < 10
print([inrange(x) for x in (-1, 0, 5, 10)], 1 < 2 < 3 > 2, 1 == 1.0 == True)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [False, True, True, False] True True
# CHECK-NEXT: [exit 0]
