# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
# for-loops over range iterators are stepped inline (FOR_ITER_RANGE's fields): steps of
# every sign, values past the small-int cache and past one digit, long ranges (another
# iterator type), an iterator shared with next() and resumed after the loop.
def collect(r):
    out = []
    for i in r:
        out.append(i)
    return out


print(collect(range(5)), collect(range(3, -4, -2)), collect(range(0)), collect(range(5, 1)))
print(collect(range(250, 262, 5)), collect(range(2**30 - 2, 2**30 + 2)))
print(collect(range(2**62, 2**62 + 3)), collect(range(-(2**63), -(2**63) + 2)))
print(collect(range(2**64, 2**64 + 2)), collect(range(2**63 - 2, 2**63 + 1)))


def shared():
    it = iter(range(10))
    first = next(it)
    seen = []
    for i in it:
        seen.append(i)
        if i == 4:
            break
    return first, seen, next(it), list(it), next(it, "done")


print(shared())


def total(n):
    s = 0
    for i in range(n):
        s += i
    return s


print(total(100_000), total(-3))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [0, 1, 2, 3, 4] [3, 1, -1, -3] [] []
# CHECK-NEXT: [250, 255, 260] [1073741822, 1073741823, 1073741824, 1073741825]
# CHECK-NEXT: [4611686018427387904, 4611686018427387905, 4611686018427387906] [-9223372036854775808, -9223372036854775807]
# CHECK-NEXT: [18446744073709551616, 18446744073709551617] [9223372036854775806, 9223372036854775807, 9223372036854775808]
# CHECK-NEXT: (0, [1, 2, 3, 4], 5, [6, 7, 8, 9], 'done')
# CHECK-NEXT: 4999950000 0
# CHECK-NEXT: [exit 0]
