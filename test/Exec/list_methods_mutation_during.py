# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    xs = list(range(10))
    for x in xs[:]:
        if x % 3 == 0:
            xs.remove(x)
    xs[1:1] = [99]
    return xs, xs.count(99), sorted(xs, reverse=True)[:3]
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ([1, 99, 2, 4, 5, 7, 8], 1, [99, 8, 7])
# CHECK-NEXT: [exit 0]
