# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    with 42:
        pass
f()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}with_not_a_cm.py", line 9, in <module>
# CHECK-NEXT:     f()
# CHECK-NEXT:   File "{{.*}}with_not_a_cm.py", line 7, in f
# CHECK-NEXT:     with 42:
# CHECK-NEXT: TypeError: 'int' object does not support the context manager protocol
# CHECK-NEXT: [exit 1]
