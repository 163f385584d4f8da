# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(n):
    return f(n + 1) + 1
f(0)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}recursion_error_traceback.py", line 8, in <module>
# CHECK-NEXT:     f(0)
# CHECK-NEXT:   File "{{.*}}recursion_error_traceback.py", line 7, in f
# CHECK-NEXT:     return f(n + 1) + 1
# CHECK-NEXT:            ^^^^^^^^
# CHECK-NEXT:   File "{{.*}}recursion_error_traceback.py", line 7, in f
# CHECK-NEXT:     return f(n + 1) + 1
# CHECK-NEXT:            ^^^^^^^^
# CHECK-NEXT:   File "{{.*}}recursion_error_traceback.py", line 7, in f
# CHECK-NEXT:     return f(n + 1) + 1
# CHECK-NEXT:            ^^^^^^^^
# CHECK-NEXT:   [Previous line repeated 996 more times]
# CHECK-NEXT: RecursionError: maximum recursion depth exceeded
# CHECK-NEXT: [exit 1]
