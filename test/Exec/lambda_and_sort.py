# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
people = [("bob", 25), ("alice", 30), ("carol", 25)]
print(sorted(people, key=lambda p: (p[1], p[0])))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(lambda x: x % 2, range(6))))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [('bob', 25), ('carol', 25), ('alice', 30)]
# CHECK-NEXT: [2, 4, 6] [1, 3, 5]
# CHECK-NEXT: [exit 0]
