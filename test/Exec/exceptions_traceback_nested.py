# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def a(x):
    return b(x) + 1
def b(x):
    return c(x) * 2
def c(x):
    return [1, 2][x]
print(a(1))
a(5)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 5
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}exceptions_traceback_nested.py", line 13, in <module>
# CHECK-NEXT:     a(5)
# CHECK-NEXT:   File "{{.*}}exceptions_traceback_nested.py", line 7, in a
# CHECK-NEXT:     return b(x) + 1
# CHECK-NEXT:            ^^^^
# CHECK-NEXT:   File "{{.*}}exceptions_traceback_nested.py", line 9, in b
# CHECK-NEXT:     return c(x) * 2
# CHECK-NEXT:            ^^^^
# CHECK-NEXT:   File "{{.*}}exceptions_traceback_nested.py", line 11, in c
# CHECK-NEXT:     return [1, 2][x]
# CHECK-NEXT:            ~~~~~~^^^
# CHECK-NEXT: IndexError: list index out of range
# CHECK-NEXT: [exit 1]
