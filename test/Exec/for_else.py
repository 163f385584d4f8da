# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def prime(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
for n in range(2, 10):
    prime(n)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 2 is prime
# CHECK-NEXT: 3 is prime
# CHECK-NEXT: 4 = 2 * 2
# CHECK-NEXT: 5 is prime
# CHECK-NEXT: 6 = 2 * 3
# CHECK-NEXT: 7 is prime
# CHECK-NEXT: 8 = 2 * 4
# CHECK-NEXT: 9 = 3 * 3
# CHECK-NEXT: [exit 0]
