# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno
def caller():
    x = 1
    return where()
print(caller())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ('caller', 12)
# CHECK-NEXT: [exit 0]
