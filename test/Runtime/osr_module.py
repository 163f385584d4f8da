# A program whose work is a loop at the top level of its script: `python3.11 -m pyllc`
# runs the script's body (and the class bodies and exec() code of __main__, which also
# run once) as baseline code, so the loop switches to optimised code mid-loop (stats:
# osr_entries), with the same names (LOAD_NAME/STORE_NAME), results and tracebacks as
# python3.11. Imported module bodies stay interpreted (too costly to compile for once).
# RUN: %python %s > %t.plain 2>&1
# RUN: %python -m pyllc --threshold 1000 %s > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python -m pyllc --threshold 1000 %s --check | %FileCheck %s --check-prefix=OSR
# An exception that leaves the script from the optimised loop: python3.11's traceback.
# RUN: %not %python %s raise > %t.plain2 2>&1
# RUN: %not %python -m pyllc --threshold 1000 %s raise > %t.jit2 2>&1
# RUN: %python %S/Inputs/same.py %t.plain2 %t.jit2
# RUN: %FileCheck %s --check-prefix=RAISE < %t.jit2
import sys
import traceback

WANT_STATS = "--check" in sys.argv
osr_seen = []


def osr_count():
    return sys.modules["pyllc"].stats()["osr_entries"] if "pyllc" in sys.modules else 0


before = osr_count()
total = 0
for i in range(20000):
    total += i * 3 - (i & 7)
    if i == 19999:
        osr_seen.append(osr_count() > before)
j = 0
while j < 30000:  # POP_JUMP_BACKWARD_IF_TRUE, after the switch
    j += 7
print(total, j, i)
# CHECK: 599900000 30002 19999

# A global deleted and re-bound in the loop, and a builtin shadowed then unshadowed.
for k in range(3000):
    tmp = k
    del tmp
    if k == 10:
        len = lambda s: -1
    if k == 20:
        del len
print(len("abc"), "tmp" in globals(), sys._getframe().f_lineno)
# CHECK-NEXT: 3 False [[#@LINE-1]]


class Table:
    # A class body runs once too: its names go to the class namespace.
    before = osr_count()
    rows = []
    acc = 0
    for n in range(5000):
        acc += n
    rows.append(acc)
    del n
    osr_seen.append(osr_count() > before)


print(Table.rows, sorted(k for k in vars(Table) if not k.startswith("__")))
# CHECK-NEXT: [12497500] ['acc', 'before', 'rows']


class Names(dict):
    # exec() with a mapping that is not a dict as locals: PyObject_GetItem/SetItem.
    def __getitem__(self, k):
        return dict.__getitem__(self, k)


ns = Names(limit=4000)
before = osr_count()
exec("s = 0\nfor q in range(limit):\n    s += q & 5\n", globals(), ns)
osr_seen.append(osr_count() > before)
print(ns["s"], ns["q"], "s" in globals())
# CHECK-NEXT: 10000 3999 False

# A NameError raised in the optimised loop, caught at the top level.
try:
    for m in range(4000):
        if m == 3000:
            undefined_name
except NameError:
    traceback.print_exc(file=sys.stdout)
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}osr_module.py", line [[#@LINE-4]], in <module>
# CHECK-NEXT:     undefined_name
# CHECK-NEXT: NameError: name 'undefined_name' is not defined
print("done", m)
# CHECK-NEXT: done 3000

if WANT_STATS:
    # The script body, the class body and the exec() code each switched mid-loop.
    print("osr:", osr_seen)
# OSR: osr: [True, True, True]

if "raise" in sys.argv:
    d = {}
    for r in range(5000):
        d[r % 10] = r
    d[r]
# RAISE: done 3000
# RAISE-NEXT: Traceback (most recent call last):
# RAISE-NEXT:   File "{{.*}}osr_module.py", line [[#@LINE-3]], in <module>
# RAISE-NEXT:     d[r]
# RAISE-NEXT:     ~^^^
# RAISE-NEXT: KeyError: 4999
