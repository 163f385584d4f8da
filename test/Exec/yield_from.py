# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def inner():
    yield 1
    yield 2
    return "r"
def outer():
    r = yield from inner()
    yield r
print(list(outer()))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [1, 2, 'r']
# CHECK-NEXT: [exit 0]
