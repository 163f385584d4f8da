# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(items):
    total = 0
    for i, v in enumerate(items):
        total += 100 // v
    return total
print(f([1, 2, 4]))
f([1, 2, 0, 4])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 175
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}exceptions_traceback_in_loop.py", line 12, in <module>
# CHECK-NEXT:     f([1, 2, 0, 4])
# CHECK-NEXT:   File "{{.*}}exceptions_traceback_in_loop.py", line 9, in f
# CHECK-NEXT:     total += 100 // v
# CHECK-NEXT:              ~~~~^^~~
# CHECK-NEXT: ZeroDivisionError: integer division or modulo by zero
# CHECK-NEXT: [exit 1]
