# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def grow(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x
print(grow(10), grow(60), grow(100) % 1000007)
print(2**62 + 2**62, -(2**63) - 1, (2**100) // 7)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 73806 52988947844020254392868041471 330350
# CHECK-NEXT: 9223372036854775808 -9223372036854775809 181092942889747057356671886482
# CHECK-NEXT: [exit 0]
