# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(x):
    return "{:>6}|{:<6}|{:^6}|{:+d}|{:,}".format(x, x, x, x, x * 1000)
print(f(42), "{0}{1}{0}".format("a", "b"), "{name}".format(name="n"), format(3.5, ".3e"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK:     42|42    |  42  |+42|42,000 aba n 3.500e+00
# CHECK-NEXT: [exit 0]
