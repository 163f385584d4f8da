# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    d = {"a": 1, "b": 2}
    d["c"] = 3
    d.setdefault("d", 4)
    del d["a"]
    return d, d.get("z", 0), list(d.keys()), list(d.values()), "b" in d, d.pop("b")
print(f(), dict(x=1), {**{"a": 1}, "b": 2})

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ({'c': 3, 'd': 4}, 0, ['b', 'c', 'd'], [2, 3, 4], True, 2) {'x': 1} {'a': 1, 'b': 2}
# CHECK-NEXT: [exit 0]
