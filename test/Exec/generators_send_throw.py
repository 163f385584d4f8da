# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def acc():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError:
            v = -100
        total += v
g = acc(); next(g)
print(g.send(5), g.send(10), g.throw(ValueError), g.send(1))
g.close()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 5 15 -85 -84
# CHECK-NEXT: [exit 0]
