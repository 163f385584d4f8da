# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(a, b):
    return a + b, a * b, a / b, abs(a), a.conjugate(), a.real, b.imag
print(f(1 + 2j, 3 - 1j), complex(1, 1) ** 2)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ((4+1j), (5+5j), (0.1+0.7000000000000001j), 2.23606797749979, (1-2j), 1.0, -1.0) 2j
# CHECK-NEXT: [exit 0]
