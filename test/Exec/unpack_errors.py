# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    a, b = x
    return a, b
for v in [(1, 2), [3, 4], "xy", (1,), (1, 2, 3), 5]:
    try:
        print(f(v))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (1, 2)
# CHECK-NEXT: (3, 4)
# CHECK-NEXT: ('x', 'y')
# CHECK-NEXT: ValueError not enough values to unpack (expected 2, got 1)
# CHECK-NEXT: ValueError too many values to unpack (expected 2)
# CHECK-NEXT: TypeError cannot unpack non-iterable int object
# CHECK-NEXT: [exit 0]
