# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
# `if a < b:` branches on the compare's answer without making a bool when both operands
# have a fast path; anything else (rich compares returning other objects, __bool__ with
# effects or raising, subclasses, nan) must behave as unfused, tracebacks included.
class Loud:
    def __init__(self, v, name):
        self.v, self.name = v, name

    def __bool__(self):
        print("bool of", self.name)
        return self.v

    def __del__(self):
        print("del", self.name)


class Cmp:
    def __lt__(self, o):
        return Loud(True, "lt-result")

    def __eq__(self, o):
        return Loud(False, "eq-result")


class Bad:
    def __bool__(self):
        raise ValueError("no truth")


class GivesBad:
    def __gt__(self, o):
        return Bad()


class MyInt(int):
    def __lt__(self, o):
        return "MyInt.__lt__"


def branch(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= b:
        out.append("le")
    if a == b:
        out.append("eq")
    if a != b:
        out.append("ne")
    if a > b:
        out.append("gt")
    if a >= b:
        out.append("ge")
    return out


nan = float("nan")
for a, b in [(1, 2), (2, 1), (3, 3), (-5, 5), (2**40, 1), (1, 2**40), (True, 1), (0, False),
             (1.5, 2), (2, 1.5), (nan, nan), (nan, 1), (-0.0, 0.0), (0, -0.0),
             (float("inf"), 2**30 - 1), ("a", "b"), ("ab", "ab"), ("", "x"),
             (MyInt(3), 4), ((1, 2), (1, 3)), ([1], [1])]:
    print(repr(a), repr(b), branch(a, b))


def objects():
    c = Cmp()
    if c < 1:
        print("then")
    if c == 1:
        print("then eq")
    else:
        print("else eq")
    while c < 0:
        print("in while")
        break


objects()


def chained(a, b, c):
    if a < b < c:
        return "ascending"
    return "not"


print(chained(1, 2, 3), chained(1, 3, 2), chained(1.0, 2, 2.5), chained("a", "b", "c"))


def counted(n):
    k = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            k += 1
        i += 1
    return k


print(counted(100))


def raises(x):
    if x > 0:
        return "positive"
    return "not"


print(raises(GivesBad()) if False else raises(5))
raises(GivesBad())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 1 2 ['lt', 'le', 'ne']
# CHECK-NEXT: 2 1 ['ne', 'gt', 'ge']
# CHECK-NEXT: 3 3 ['le', 'eq', 'ge']
# CHECK-NEXT: -5 5 ['lt', 'le', 'ne']
# CHECK-NEXT: 1099511627776 1 ['ne', 'gt', 'ge']
# CHECK-NEXT: 1 1099511627776 ['lt', 'le', 'ne']
# CHECK-NEXT: True 1 ['le', 'eq', 'ge']
# CHECK-NEXT: 0 False ['le', 'eq', 'ge']
# CHECK-NEXT: 1.5 2 ['lt', 'le', 'ne']
# CHECK-NEXT: 2 1.5 ['ne', 'gt', 'ge']
# CHECK-NEXT: nan nan ['ne']
# CHECK-NEXT: nan 1 ['ne']
# CHECK-NEXT: -0.0 0.0 ['le', 'eq', 'ge']
# CHECK-NEXT: 0 -0.0 ['le', 'eq', 'ge']
# CHECK-NEXT: inf 1073741823 ['ne', 'gt', 'ge']
# CHECK-NEXT: 'a' 'b' ['lt', 'le', 'ne']
# CHECK-NEXT: 'ab' 'ab' ['le', 'eq', 'ge']
# CHECK-NEXT: '' 'x' ['lt', 'le', 'ne']
# CHECK-NEXT: 3 4 ['lt', 'le', 'ne']
# CHECK-NEXT: (1, 2) (1, 3) ['lt', 'le', 'ne']
# CHECK-NEXT: [1] [1] ['le', 'eq', 'ge']
# CHECK-NEXT: bool of lt-result
# CHECK-NEXT: del lt-result
# CHECK-NEXT: then
# CHECK-NEXT: bool of eq-result
# CHECK-NEXT: del eq-result
# CHECK-NEXT: else eq
# CHECK-NEXT: bool of lt-result
# CHECK-NEXT: del lt-result
# CHECK-NEXT: in while
# CHECK-NEXT: ascending not ascending ascending
# CHECK-NEXT: 34
# CHECK-NEXT: positive
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}compare_branch_fused.py", line 114, in <module>
# CHECK-NEXT:     raises(GivesBad())
# CHECK-NEXT:   File "{{.*}}compare_branch_fused.py", line 108, in raises
# CHECK-NEXT:     if x > 0:
# CHECK-NEXT:        ^^^^^
# CHECK-NEXT:   File "{{.*}}compare_branch_fused.py", line 31, in __bool__
# CHECK-NEXT:     raise ValueError("no truth")
# CHECK-NEXT: ValueError: no truth
# CHECK-NEXT: [exit 1]
