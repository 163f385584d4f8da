# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# Calls between compiled functions of every shape: the simple ones (positional, defaults
# filled) are direct, the others (keywords, *args, **kwargs, keyword-only parameters,
# generators, changed __code__ or __defaults__) take vectorcall; results must not differ.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
# The simple calls are direct (counted by --stats).
# RUN: %pyllc --stats --run %s 2>&1 >/dev/null | %FileCheck %s --check-prefix=STATS
# STATS: pyllc: stats: calls of compiled functions: {{[1-9][0-9]*}} direct, {{[1-9][0-9]*}} through vectorcall
import sys


def pos(a, b):
    return a - b


def dflt(a, b=[1], c="c"):
    b = b + [a]
    return a, b, c


def posonly(a, /, b=2):
    return a * b


def kwonly(a, *, k=3):
    return a + k


def star(*a):
    return a


def stars(**k):
    return sorted(k.items())


def gen(n):
    yield from range(n)


def cellarg(x):
    def get():
        return x
    x += 1
    return get()


def outer(v):
    def inner(w, z=100):
        return v + w + z
    return inner(1), inner(2, 3), inner(w=4)


class K:
    def m(self, x, y=5):
        return type(self).__name__, x, y

    @staticmethod
    def s(x):
        return -x

    @classmethod
    def c(cls, x):
        return cls.__name__, x


def other(a, b):
    return "other", a, b


def calls():
    out = []
    for i in range(3):
        out.append(pos(i, 1))
        out.append(pos(b=i, a=2))
        out.append(dflt(i))
        out.append(dflt(i, [0]))
        out.append(dflt(i, c="C"))
        out.append(posonly(i))
        out.append(kwonly(i))
        out.append(kwonly(i, k=i))
        out.append(star(i, i))
        out.append(stars(a=i))
        out.append(list(gen(i)))
        out.append(cellarg(i))
        out.append(outer(i))
        k = K()
        out.append(k.m(i))
        out.append(k.m(i, y=i))
        out.append(K.m(k, i, i))
        out.append(k.s(i))
        out.append(k.c(i))
    return out


for r in calls():
    print(r)
dflt.__defaults__ = ([9], "D")
print(dflt(1))
pos.__code__ = other.__code__
print(pos(1, 2))
for bad in [(), (1, 2, 3, 4)]:
    try:
        dflt(*bad)
    except TypeError as e:
        print(e)
try:
    pos(1)
except TypeError as e:
    print(e)


def missing():
    return pos(1)


try:
    missing()
except TypeError as e:
    print(e)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: -1
# CHECK-NEXT: 2
# CHECK-NEXT: (0, [1, 0], 'c')
# CHECK-NEXT: (0, [0, 0], 'c')
# CHECK-NEXT: (0, [1, 0], 'C')
# CHECK-NEXT: 0
# CHECK-NEXT: 3
# CHECK-NEXT: 0
# CHECK-NEXT: (0, 0)
# CHECK-NEXT: [('a', 0)]
# CHECK-NEXT: []
# CHECK-NEXT: 1
# CHECK-NEXT: (101, 5, 104)
# CHECK-NEXT: ('K', 0, 5)
# CHECK-NEXT: ('K', 0, 0)
# CHECK-NEXT: ('K', 0, 0)
# CHECK-NEXT: 0
# CHECK-NEXT: ('K', 0)
# CHECK-NEXT: 0
# CHECK-NEXT: 1
# CHECK-NEXT: (1, [1, 1], 'c')
# CHECK-NEXT: (1, [0, 1], 'c')
# CHECK-NEXT: (1, [1, 1], 'C')
# CHECK-NEXT: 2
# CHECK-NEXT: 4
# CHECK-NEXT: 2
# CHECK-NEXT: (1, 1)
# CHECK-NEXT: [('a', 1)]
# CHECK-NEXT: [0]
# CHECK-NEXT: 2
# CHECK-NEXT: (102, 6, 105)
# CHECK-NEXT: ('K', 1, 5)
# CHECK-NEXT: ('K', 1, 1)
# CHECK-NEXT: ('K', 1, 1)
# CHECK-NEXT: -1
# CHECK-NEXT: ('K', 1)
# CHECK-NEXT: 1
# CHECK-NEXT: 0
# CHECK-NEXT: (2, [1, 2], 'c')
# CHECK-NEXT: (2, [0, 2], 'c')
# CHECK-NEXT: (2, [1, 2], 'C')
# CHECK-NEXT: 4
# CHECK-NEXT: 5
# CHECK-NEXT: 4
# CHECK-NEXT: (2, 2)
# CHECK-NEXT: [('a', 2)]
# CHECK-NEXT: [0, 1]
# CHECK-NEXT: 3
# CHECK-NEXT: (103, 7, 106)
# CHECK-NEXT: ('K', 2, 5)
# CHECK-NEXT: ('K', 2, 2)
# CHECK-NEXT: ('K', 2, 2)
# CHECK-NEXT: -2
# CHECK-NEXT: ('K', 2)
# CHECK-NEXT: (1, [9, 1], 'D')
# CHECK-NEXT: ('other', 1, 2)
# CHECK-NEXT: dflt() missing 1 required positional argument: 'a'
# CHECK-NEXT: dflt() takes from 1 to 3 positional arguments but 4 were given
# CHECK-NEXT: pos() missing 1 required positional argument: 'b'
# CHECK-NEXT: pos() missing 1 required positional argument: 'b'
# CHECK-NEXT: [exit 0]
