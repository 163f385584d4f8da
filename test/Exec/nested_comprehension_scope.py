# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
x = 10
def f():
    y = 2
    return [x * y + i for i in range(3)]
print(f(), [[j for j in range(i)] for i in range(4)])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [20, 21, 22] {{[[][[]}}], [0], [0, 1], [0, 1, 2]]
# CHECK-NEXT: [exit 0]
