# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import inspect
def g():
    return [(f.function, f.lineno) for f in inspect.stack()[:3]]
def h():
    return g()
print(h())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [('g', 8), ('h', 10), ('<module>', 11)]
# CHECK-NEXT: [exit 0]
