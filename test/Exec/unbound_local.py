# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(flag):
    if flag:
        x = 1
    return x
print(f(True))
try:
    f(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def g():
    y = 1
    del y
    return y
try:
    g()
except UnboundLocalError as e:
    print(e)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 1
# CHECK-NEXT: UnboundLocalError: cannot access local variable 'x' where it is not associated with a value
# CHECK-NEXT: cannot access local variable 'y' where it is not associated with a value
# CHECK-NEXT: [exit 0]
