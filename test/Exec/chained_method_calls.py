# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(s):
    return s.strip().lower().replace(" ", "_").split("_")
print(f("  Hello Big World  "))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ['hello', 'big', 'world']
# CHECK-NEXT: [exit 0]
