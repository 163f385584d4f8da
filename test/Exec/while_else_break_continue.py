# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def find(xs, t):
    i = 0
    while i < len(xs):
        if xs[i] == t:
            break
        i += 1
    else:
        return -1
    return i
def odds(n):
    out = []
    for i in range(n):
        if i % 2 == 0:
            continue
        out.append(i)
    return out
print(find([1, 2, 3], 3), find([1, 2], 9), odds(10))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 2 -1 [1, 3, 5, 7, 9]
# CHECK-NEXT: [exit 0]
