# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        return "div0"
    finally:
        print("finally", x)
print(f(2), f(0))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: finally 2
# CHECK-NEXT: finally 0
# CHECK-NEXT: 5 div0
# CHECK-NEXT: [exit 0]
