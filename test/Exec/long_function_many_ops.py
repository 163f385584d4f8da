# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / n
    lo, hi = min(xs), max(xs)
    mid = sorted(xs)[n // 2]
    hist = {}
    for x in xs:
        b = int((x - lo) / (hi - lo + 1e-9) * 4)
        hist[b] = hist.get(b, 0) + 1
    return round(mean, 3), round(var, 3), lo, hi, mid, sorted(hist.items())
print(stats([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (4.0, 5.091, 1, 9, 4, [(0, 5), (1, 4), (2, 1), (3, 1)])
# CHECK-NEXT: [exit 0]
