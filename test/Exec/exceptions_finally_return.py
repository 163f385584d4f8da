# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    try:
        return "try"
    finally:
        print("cleanup")
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("fin", i)
print(f()); g()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: cleanup
# CHECK-NEXT: try
# CHECK-NEXT: body 0
# CHECK-NEXT: fin 0
# CHECK-NEXT: fin 1
# CHECK-NEXT: body 2
# CHECK-NEXT: fin 2
# CHECK-NEXT: [exit 0]
