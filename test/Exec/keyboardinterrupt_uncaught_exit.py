# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
raise KeyboardInterrupt

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}keyboardinterrupt_uncaught_exit.py", line 6, in <module>
# CHECK-NEXT:     raise KeyboardInterrupt
# CHECK-NEXT: KeyboardInterrupt
# CHECK-NEXT: [exit -2]
