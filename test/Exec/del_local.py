# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    a = [1, 2]
    b = a
    del a
    return b, "a" in locals()
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ([1, 2], False)
# CHECK-NEXT: [exit 0]
