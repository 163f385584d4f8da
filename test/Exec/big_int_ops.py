# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = fact(50)
print(f, f % 1000000007, len(str(fact(200))), f // fact(48), f.bit_length())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 30414093201713378043612608166064768844377641568960512000000000000 318608048 375 2450 215
# CHECK-NEXT: [exit 0]
