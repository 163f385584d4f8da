# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
recs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(recs, key=lambda r: r[1]), sorted(recs), min(recs, key=lambda r: r[0]))
import operator
print(sorted(recs, key=operator.itemgetter(1, 0)))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [('c', 1), ('a', 1), ('b', 2), ('a', 2)] [('a', 1), ('a', 2), ('b', 2), ('c', 1)] ('a', 2)
# CHECK-NEXT: [('a', 1), ('c', 1), ('a', 2), ('b', 2)]
# CHECK-NEXT: [exit 0]
