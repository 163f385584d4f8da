# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def ratio(a, b):
    r = a / b
    return r
print(ratio(1, 4))
ratio(1, 0)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 0.25
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}zero_division_traceback.py", line 10, in <module>
# CHECK-NEXT:     ratio(1, 0)
# CHECK-NEXT:   File "{{.*}}zero_division_traceback.py", line 7, in ratio
# CHECK-NEXT:     r = a / b
# CHECK-NEXT:         ~~^~~
# CHECK-NEXT: ZeroDivisionError: division by zero
# CHECK-NEXT: [exit 1]
