# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def outer():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return inner()
print(outer())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: NameError cannot access free variable 'v' where it is not associated with a value in enclosing scope
# CHECK-NEXT: 1
# CHECK-NEXT: [exit 0]
