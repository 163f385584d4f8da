# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def build(depth):
    if depth == 0:
        return []
    return [build(depth - 1), {"d": depth}]
def count(x):
    if isinstance(x, list):
        return 1 + sum(count(y) for y in x)
    if isinstance(x, dict):
        return 1 + sum(count(v) for v in x.values())
    return 1
print(count(build(8)))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 25
# CHECK-NEXT: [exit 0]
