# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    try:
        raise ValueError
    except ValueError as e:
        pass
    return "e" in locals()
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: False
# CHECK-NEXT: [exit 0]
