# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    return a + b
for a, b in [(1, "x"), ([1], (2,)), (None, 1)]:
    try:
        f(a, b)
    except TypeError as e:
        print(e)
f("s", 1)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: unsupported operand type(s) for +: 'int' and 'str'
# CHECK-NEXT: can only concatenate list (not "tuple") to list
# CHECK-NEXT: unsupported operand type(s) for +: 'NoneType' and 'int'
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}type_errors.py", line 13, in <module>
# CHECK-NEXT:     f("s", 1)
# CHECK-NEXT:   File "{{.*}}type_errors.py", line 7, in f
# CHECK-NEXT:     return a + b
# CHECK-NEXT:            ~~^~~
# CHECK-NEXT: TypeError: can only concatenate str (not "int") to str
# CHECK-NEXT: [exit 1]
