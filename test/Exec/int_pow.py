# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def p(a, b):
    return a ** b
print(p(2, 10), p(3, 40), p(2, -1), p(-8, 2), pow(3, 4, 5))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 1024 12157665459056928801 0.5 64 1
# CHECK-NEXT: [exit 0]
