# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    return -x, +x, ~x, not x
print(f(5), f(0), f(-2**70), f(True))
print(-1.5, not [], not [0])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (-5, 5, -6, False) (0, 0, -1, True) (1180591620717411303424, -1180591620717411303424, 1180591620717411303423, False) (-1, 1, -2, False)
# CHECK-NEXT: -1.5 True False
# CHECK-NEXT: [exit 0]
