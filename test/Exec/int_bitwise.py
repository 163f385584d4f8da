# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    return a & b, a | b, a ^ b, a << 3, a >> 1, ~a
print(f(12, 10), f(-1, 255), f(2**40, 2**40 - 1))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (8, 14, 6, 96, 6, -13) (255, -1, -256, -8, -1, 0) (0, 2199023255551, 2199023255551, 8796093022208, 549755813888, -1099511627777)
# CHECK-NEXT: [exit 0]
