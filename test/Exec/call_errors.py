# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    return a + b
for args in [(1,), (1, 2, 3)]:
    try:
        f(*args)
    except TypeError as e:
        print(e)
try:
    f(1, 2, z=3)
except TypeError as e:
    print(e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(e)
try:
    f(*5)
except TypeError as e:
    print(e)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: f() missing 1 required positional argument: 'b'
# CHECK-NEXT: f() takes 2 positional arguments but 3 were given
# CHECK-NEXT: f() got an unexpected keyword argument 'z'
# CHECK-NEXT: __main__.f() got multiple values for keyword argument 'a'
# CHECK-NEXT: __main__.f() argument after * must be an iterable, not int
# CHECK-NEXT: [exit 0]
