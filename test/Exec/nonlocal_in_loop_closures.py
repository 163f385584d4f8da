# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def make():
    fs = []
    total = 0
    for i in range(3):
        def add(v=i):
            nonlocal total
            total += v
            return total
        fs.append(add)
    return fs
fs = make()
print([f() for f in fs], [f() for f in fs])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [0, 1, 3] [3, 4, 6]
# CHECK-NEXT: [exit 0]
