# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class A: pass
class B(A): pass
def f(x):
    return isinstance(x, A), isinstance(x, (int, str)), type(x).__name__
print(f(B()), f(3), f("s"), issubclass(B, A), issubclass(bool, int))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (True, False, 'B') (False, True, 'int') (False, True, 'str') True True
# CHECK-NEXT: [exit 0]
