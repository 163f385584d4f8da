# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# load_name's inline cache (the keys of an exact dict f_locals and the index of the
# name's entry) gives what the interpreter's lookup gives after anything that moves or
# removes the entry: globals added until the dict resizes, a name deleted and bound
# again, a global shadowing a builtin and removed, class bodies run again with a fresh
# namespace, exec() with separate locals, a namespace that is not an exact dict.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
total = 0
seen = []
for i in range(60):
    total += i
    if i == 10:
        for k in range(200):  # the globals' keys are resized: new keys object
            globals()["g%d" % k] = k
    if i == 20:
        del total  # the entry is cleared; the next store makes a new one
        total = 1000
    if i == 30:
        len = lambda s: -1  # a global shadows the builtin at the same site
    if i == 40:
        del len
    seen.append(len("ab"))
print(total, g199, seen[29:32], seen[39:42])

y = 1
for j in range(4):
    if j == 2:
        del y
    try:
        print("y", y)
    except NameError as e:
        print(e)
    if j == 2:
        y = j


def make(n):
    class K:  # each run is a new namespace dict: the cache refills
        b = n
        c = b + 1
        del b
        b = c * 2
    return K


print([(K.b, K.c) for K in map(make, range(4))])

code = compile("r = base + z\nz = r\n", "<exec>", "exec")
base = 100
outs = []
for step in range(3):
    loc = {"z": step}
    exec(code, globals(), loc)  # base from the globals, z from the locals
    outs.append(loc["r"])
    base += 1
print(outs)


class Spaces(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Counting()


class Counting(dict):
    gets = 0

    def __getitem__(self, k):
        Counting.gets += 1
        return dict.__getitem__(self, k)


class Odd(metaclass=Spaces):
    a = 1
    for q in range(3):
        a = a + q
print(Odd.a, Counting.gets > 0)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 2560 199 [2, -1, -1] [-1, 2, 2]
# CHECK-NEXT: y 1
# CHECK-NEXT: y 1
# CHECK-NEXT: name 'y' is not defined
# CHECK-NEXT: y 2
# CHECK-NEXT: [(2, 1), (4, 2), (6, 3), (8, 4)]
# CHECK-NEXT: [100, 102, 104]
# CHECK-NEXT: 4 True
# CHECK-NEXT: [exit 0]
