# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    return x[1:], x[:2], x[::2], x[-2:], x[1:-1], x[::-2], x[slice(1, 3)]
print(f(list(range(7))), f("abcdefg"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ([1, 2, 3, 4, 5, 6], [0, 1], [0, 2, 4, 6], [5, 6], [1, 2, 3, 4, 5], [6, 4, 2, 0], [1, 2]) ('bcdefg', 'ab', 'aceg', 'fg', 'bcdef', 'geca', 'bc')
# CHECK-NEXT: [exit 0]
