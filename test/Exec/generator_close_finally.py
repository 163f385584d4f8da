# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def g():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
it = g()
print(next(it))
it.close()
print("closed")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 1
# CHECK-NEXT: gen cleanup
# CHECK-NEXT: closed
# CHECK-NEXT: [exit 0]
