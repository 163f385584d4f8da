# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    return a + b, a - b, a * b, a / b, a // b, a % b, a ** 2
print(f(1.5, 0.25), f(-3.0, 2.0), f(1e300, 1e-300))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}float_arith.py", line 8, in <module>
# CHECK-NEXT:     print(f(1.5, 0.25), f(-3.0, 2.0), f(1e300, 1e-300))
# CHECK-NEXT:                                       ^^^^^^^^^^^^^^^^
# CHECK-NEXT:   File "{{.*}}float_arith.py", line 7, in f
# CHECK-NEXT:     return a + b, a - b, a * b, a / b, a // b, a % b, a ** 2
# CHECK-NEXT:                                                       ~~^^~~
# CHECK-NEXT: OverflowError: (34, 'Numerical result out of range')
# CHECK-NEXT: [exit 1]
