# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def squares(n):
    for i in range(n):
        yield i * i
def consume(n):
    total = 0
    for s in squares(n):
        total += s
    return total
print(consume(100), sum(squares(10)))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 328350 285
# CHECK-NEXT: [exit 0]
