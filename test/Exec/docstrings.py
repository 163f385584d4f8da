# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    """The doc."""
    return f.__doc__
class K:
    """Class doc."""
print(f(), K.__doc__, f.__name__, f.__qualname__)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: The doc. Class doc. f f
# CHECK-NEXT: [exit 0]
