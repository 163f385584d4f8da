# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
assert False

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 3
# CHECK-NEXT: AssertionError: x must be positive, got -1
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}assert_stmt.py", line 14, in <module>
# CHECK-NEXT:     assert False
# CHECK-NEXT: AssertionError
# CHECK-NEXT: [exit 1]
