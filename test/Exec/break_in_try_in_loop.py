# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f")
    return out
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [0, 'f', 1, 'f', 2, 'f', 'f']
# CHECK-NEXT: [exit 0]
