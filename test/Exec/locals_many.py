# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b, c, d, e, f, g, h):
    i = a + b; j = c + d; k = e + f; l = g + h
    return i * j * k * l, (a, b, c, d, e, f, g, h)
print(f(1, 2, 3, 4, 5, 6, 7, 8))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (3465, (1, 2, 3, 4, 5, 6, 7, 8))
# CHECK-NEXT: [exit 0]
