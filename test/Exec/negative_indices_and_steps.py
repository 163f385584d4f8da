# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(xs):
    return xs[-1], xs[-len(xs)], xs[::-1][0], xs[-3:-1], xs[5:1:-2]
print(f(list(range(10))), f("abcdefghij"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (9, 0, 9, [7, 8], [5, 3]) ('j', 'a', 'j', 'hi', 'fd')
# CHECK-NEXT: [exit 0]
