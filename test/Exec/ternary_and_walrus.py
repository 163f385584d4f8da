# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(xs):
    out = []
    for x in xs:
        if (y := x * x) > 10:
            out.append(y)
    return out, "big" if len(out) > 1 else "small"
print(f([1, 2, 4, 5]))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ([16, 25], 'big')
# CHECK-NEXT: [exit 0]
