# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def table(n):
    rows = []
    for i in range(1, n + 1):
        row = []
        for j in range(1, n + 1):
            row.append(i * j)
        rows.append(row)
    return rows
for r in table(4):
    print(r)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [1, 2, 3, 4]
# CHECK-NEXT: [2, 4, 6, 8]
# CHECK-NEXT: [3, 6, 9, 12]
# CHECK-NEXT: [4, 8, 12, 16]
# CHECK-NEXT: [exit 0]
