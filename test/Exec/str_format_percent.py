# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(n, s):
    return "%d items of %s (%.2f%%) %r" % (n, s, n / 3 * 100, s)
print(f(3, "x"), "%5s|%-5s|%05d" % ("a", "b", 42))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 3 items of x (100.00%) 'x'     a|b    |00042
# CHECK-NEXT: [exit 0]
