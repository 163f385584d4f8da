# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(n):
    return sum(i * i for i in range(n)), max(x % 7 for x in range(n)), any(x > 5 for x in range(n))
print(f(10), list(x for x in "ab"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (285, 6, True) ['a', 'b']
# CHECK-NEXT: [exit 0]
