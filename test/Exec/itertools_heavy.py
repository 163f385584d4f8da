# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import itertools as it
print(list(it.permutations("abc", 2))[:4], list(it.combinations(range(4), 2)))
print(list(it.product([0, 1], repeat=2)), list(it.accumulate([1, 2, 3])), list(it.chain("ab", "c")))
print([(k, len(list(g))) for k, g in it.groupby("aabbbc")])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c')] [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
# CHECK-NEXT: [(0, 0), (0, 1), (1, 0), (1, 1)] [1, 3, 6] ['a', 'b', 'c']
# CHECK-NEXT: [('a', 2), ('b', 3), ('c', 1)]
# CHECK-NEXT: [exit 0]
