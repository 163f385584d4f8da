# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class C:
    pass
def get(o):
    return o.missing_attr
get(C())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}attribute_error_traceback.py", line 10, in <module>
# CHECK-NEXT:     get(C())
# CHECK-NEXT:   File "{{.*}}attribute_error_traceback.py", line 9, in get
# CHECK-NEXT:     return o.missing_attr
# CHECK-NEXT:            ^^^^^^^^^^^^^^
# CHECK-NEXT: AttributeError: 'C' object has no attribute 'missing_attr'
# CHECK-NEXT: [exit 1]
