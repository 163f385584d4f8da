# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
def f():
    global y
    y = 2
    del y
f()
print("y" in globals())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: name 'x' is not defined
# CHECK-NEXT: False
# CHECK-NEXT: [exit 0]
