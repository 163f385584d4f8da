# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        return fn(*a, **k)
    return wrapper
def times(n):
    def deco(fn):
        return lambda *a: [fn(*a) for _ in range(n)]
    return deco
@trace
def add(a, b=0):
    return a + b
@times(2)
def hi(x):
    return "hi " + x
print(add(1, b=2), add.__name__, hi("bob"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: call add (1,) {'b': 2}
# CHECK-NEXT: 3 add ['hi bob', 'hi bob']
# CHECK-NEXT: [exit 0]
