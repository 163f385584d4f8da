# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    return undefined_thing
try:
    f()
except NameError as e:
    print(e)
f()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: name 'undefined_thing' is not defined
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}name_error.py", line 12, in <module>
# CHECK-NEXT:     f()
# CHECK-NEXT:   File "{{.*}}name_error.py", line 7, in f
# CHECK-NEXT:     return undefined_thing
# CHECK-NEXT:            ^^^^^^^^^^^^^^^
# CHECK-NEXT: NameError: name 'undefined_thing' is not defined
# CHECK-NEXT: [exit 1]
