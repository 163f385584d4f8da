# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(xs):
    return [10 // x for x in xs]
print(f([1, 2]))
f([1, 0])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [10, 5]
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}exception_in_comprehension.py", line 9, in <module>
# CHECK-NEXT:     f([1, 0])
# CHECK-NEXT:   File "{{.*}}exception_in_comprehension.py", line 7, in f
# CHECK-NEXT:     return [10 // x for x in xs]
# CHECK-NEXT:            ^^^^^^^^^^^^^^^^^^^^^
# CHECK-NEXT:   File "{{.*}}exception_in_comprehension.py", line 7, in <listcomp>
# CHECK-NEXT:     return [10 // x for x in xs]
# CHECK-NEXT:             ~~~^^~~
# CHECK-NEXT: ZeroDivisionError: integer division or modulo by zero
# CHECK-NEXT: [exit 1]
