# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(xs):
    first, *middle, last = xs
    return first, middle, last
print(f([1, 2]), f(range(6)), f("hello"))
try:
    f([1])
except ValueError as e:
    print(e)
print([*range(3), *"ab"], (*[1], 2), {*[1, 1], 2})

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (1, [], 2) (0, [1, 2, 3, 4], 5) ('h', ['e', 'l', 'l'], 'o')
# CHECK-NEXT: not enough values to unpack (expected at least 2, got 1)
# CHECK-NEXT: [0, 1, 2, 'a', 'b'] (1, 2) {1, 2}
# CHECK-NEXT: [exit 0]
