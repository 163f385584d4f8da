# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(words):
    return {w: len(w) for w in words}, {len(w) for w in words}
print(f(["a", "bb", "cc", "ddd"]))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ({'a': 1, 'bb': 2, 'cc': 2, 'ddd': 3}, {1, 2, 3})
# CHECK-NEXT: [exit 0]
