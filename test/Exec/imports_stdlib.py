# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import math, os.path
from collections import Counter, OrderedDict, defaultdict
from functools import reduce, partial
import itertools as it
def f():
    c = Counter("mississippi")
    d = defaultdict(list); d["a"].append(1)
    return (math.sqrt(16), os.path.join("a", "b"), c.most_common(2), dict(d),
            reduce(lambda a, b: a * b, range(1, 6)), partial(pow, 2)(5),
            list(it.islice(it.count(3), 3)))
print(f())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (4.0, 'a/b', [('i', 4), ('s', 4)], {'a': [1]}, 120, 32, [3, 4, 5])
# CHECK-NEXT: [exit 0]
