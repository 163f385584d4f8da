# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            s = 0
            for k in range(m):
                s += a[i][k] * b[k][j]
            c[i][j] = s
    return c
a = [[1, 2], [3, 4]]
print(matmul(a, a), matmul([[1.5, 0.5]], [[2.0], [4.0]]))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: {{[[][[]}}7, 10], [15, 22]] {{[[][[]}}5.0]]
# CHECK-NEXT: [exit 0]
