# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
g = count(3)
print(next(g), list(g))
def use():
    return [x * 10 for x in count(4)]
print(use())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 0 [1, 2]
# CHECK-NEXT: [0, 10, 20, 30]
# CHECK-NEXT: [exit 0]
