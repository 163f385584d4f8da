# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Table:
    squares = {}
    for i in range(4):
        squares[i] = i * i
    cubes = [i ** 3 for i in range(4)]
print(Table.squares, Table.cubes, Table.i)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: {0: 0, 1: 1, 2: 4, 3: 9} [0, 1, 8, 27] 3
# CHECK-NEXT: [exit 0]
