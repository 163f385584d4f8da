# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    return x in [1, 2], x in (3,), x in {4: 0}, x in {5}, str(x) in "12345", x not in range(3)
print(f(1), f(4), f(5), f(9))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (True, False, False, False, True, False) (False, False, True, False, True, True) (False, False, False, True, True, True) (False, False, False, False, False, True)
# CHECK-NEXT: [exit 0]
