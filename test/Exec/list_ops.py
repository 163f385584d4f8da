# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    xs = [3, 1, 2]
    xs.append(5); xs.extend([0, 9]); xs.insert(1, 7)
    xs.sort(); xs.reverse()
    ys = xs[:]
    ys[0] = -1
    del ys[1]
    return xs, ys, xs.index(5), xs.pop(), len(xs), xs[-1], xs[1:3]
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ([9, 7, 5, 3, 2, 1], [-1, 5, 3, 2, 1, 0], 2, 0, 6, 1, [7, 5])
# CHECK-NEXT: [exit 0]
