# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(n):
    return [i * j for i in range(n) for j in range(i) if (i + j) % 3 == 0]
print(f(6), [c.upper() for c in "abc"], [[0] * 2 for _ in range(2)])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [2, 0, 8, 5, 20] ['A', 'B', 'C'] {{[[][[]}}0, 0], [0, 0]]
# CHECK-NEXT: [exit 0]
