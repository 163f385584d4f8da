# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
d = {}
for w in "the cat sat on the mat the end".split():
    d[w] = d.get(w, 0) + 1
for k, v in d.items():
    print(k, v)
print(sorted(d, key=d.get, reverse=True)[:2])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: the 3
# CHECK-NEXT: cat 1
# CHECK-NEXT: sat 1
# CHECK-NEXT: on 1
# CHECK-NEXT: mat 1
# CHECK-NEXT: end 1
# CHECK-NEXT: ['the', 'cat']
# CHECK-NEXT: [exit 0]
