# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    return a and b, a or b, not a
print(f(0, 5), f(3, 0), f("", "x"), f([1], None))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (0, 5, True) (0, 3, False) ('', 'x', True) (None, [1], False)
# CHECK-NEXT: [exit 0]
