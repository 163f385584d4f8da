# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import traceback
def f():
    raise ValueError("tb")
try:
    f()
except ValueError:
    tb = traceback.format_exc().splitlines()
    print(tb[0]); print(tb[-1]); print(len(tb))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT: ValueError: tb
# CHECK-NEXT: 6
# CHECK-NEXT: [exit 0]
