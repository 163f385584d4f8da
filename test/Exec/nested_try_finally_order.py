# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    try:
        try:
            print("inner try")
            raise KeyError(1)
        finally:
            print("inner finally")
    except KeyError:
        print("outer except")
    finally:
        print("outer finally")
    return "end"
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: inner try
# CHECK-NEXT: inner finally
# CHECK-NEXT: outer except
# CHECK-NEXT: outer finally
# CHECK-NEXT: end
# CHECK-NEXT: [exit 0]
