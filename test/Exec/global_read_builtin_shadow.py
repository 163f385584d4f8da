# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    return len([1, 2]), abs(-3)
len = lambda x: 42
print(f())
del len
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (42, 3)
# CHECK-NEXT: (2, 3)
# CHECK-NEXT: [exit 0]
