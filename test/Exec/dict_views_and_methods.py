# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
d = dict.fromkeys("abc", 0)
d.update({"b": 2}, c=3)
ks = d.keys()
d["z"] = 26
print(list(ks), list(d.values()), d.popitem(), d.copy() == d, sorted(d.items()))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ['a', 'b', 'c', 'z'] [0, 2, 3, 26] ('z', 26) True [('a', 0), ('b', 2), ('c', 3)]
# CHECK-NEXT: [exit 0]
