# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# Generators run compiled (no function is left to the interpreter): send, throw, close,
# return values in StopIteration, yield from chains, generator expressions, gi_frame's
# f_lineno and f_locals while suspended, gi_running, finally on close, and the moment a
# suspended generator is finalised when its last reference goes.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
# RUN: %not %pyllc --stats --run %s 2>&1 | %FileCheck %s --check-prefix=STATS
# STATS: functions compiled, 0 left to the interpreter
import sys


def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return "done at %d" % i


g = counter(5)
print(next(g), next(g), g.send(3), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop:", e.value)
print(list(counter(4)), sum(counter(10)))


def leaf(k):
    x = yield k
    y = yield k + 1
    return (x, y)


def middle(k):
    r = yield from leaf(k)
    s = yield from leaf(k * 10)
    return r, s


def top():
    res = yield from middle(1)
    yield ("top got", res)


t = top()
print(next(t), t.send("a"), t.send("b"), t.send("c"), t.send("d"))
print(list(x * x for x in range(6) if x % 2), max(len(w) for w in "ab abc a".split()))
print({k: v for k, v in zip("abc", (i * 2 for i in range(3)))})


def watched():
    a = 1
    yield sys._getframe().f_lineno
    b = a + 1
    yield b
    c = [a, b]
    yield c


w = watched()
print(w.gi_frame.f_lineno == w.gi_code.co_firstlineno, w.gi_running)
first = next(w)
print(first, w.gi_frame.f_lineno - w.gi_code.co_firstlineno, sorted(w.gi_frame.f_locals))
next(w)
print(w.gi_frame.f_lineno - w.gi_code.co_firstlineno, w.gi_frame.f_locals)
print(next(w), w.gi_suspended)
print(list(w), w.gi_frame)


def running():
    yield g2.gi_running


g2 = running()
print(next(g2), g2.gi_running)


def guarded(log):
    try:
        log.append("start")
        while True:
            try:
                v = yield len(log)
                log.append(v)
            except KeyError as e:
                log.append("caught %s" % e)
    finally:
        log.append("finally")


log = []
h = guarded(log)
print(next(h), h.send("x"), h.throw(KeyError("k")), h.send("y"))
h.close()
print(log, h.gi_frame)
try:
    h.send(1)
except StopIteration:
    print("closed generator stops")


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def holder():
    n = Noisy("held")
    try:
        yield 1
        yield 2
    finally:
        print("holder finally")


k = holder()
next(k)
print("before del")
del k
print("after del")


def bad(n):
    yield n
    yield 10 // n


def catcher():
    try:
        yield from bad(0)
    except ZeroDivisionError as e:
        yield "caught " + str(e)


print(list(catcher()))



def in_call(f, a):
    # the yield's value is an argument: NULL and f stay on the frame's stack meanwhile
    return f((yield a), (yield a + 1))


c = in_call(lambda x, y: (x, y), 1)
print(next(c), c.send("p"))
try:
    c.send("q")
except StopIteration as e:
    print("in_call returned", e.value)
b = bad(0)
next(b)
next(b)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 0 1 3 4
# CHECK-NEXT: stop: done at 5
# CHECK-NEXT: [0, 1, 2, 3] 45
# CHECK-NEXT: 1 2 10 11 ('top got', (('a', 'b'), ('c', 'd')))
# CHECK-NEXT: [1, 9, 25] 3
# CHECK-NEXT: {'a': 0, 'b': 2, 'c': 4}
# CHECK-NEXT: True False
# CHECK-NEXT: 60 2 ['a']
# CHECK-NEXT: 4 {'a': 1, 'b': 2}
# CHECK-NEXT: [1, 2] True
# CHECK-NEXT: [] None
# CHECK-NEXT: True False
# CHECK-NEXT: 1 2 3 4
# CHECK-NEXT: ['start', 'x', "caught 'k'", 'y', 'finally'] None
# CHECK-NEXT: closed generator stops
# CHECK-NEXT: before del
# CHECK-NEXT: holder finally
# CHECK-NEXT: del held
# CHECK-NEXT: after del
# CHECK-NEXT: [0, 'caught integer division or modulo by zero']
# CHECK-NEXT: 1 2
# CHECK-NEXT: in_call returned ('p', 'q')
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}generators_compiled.py", line 162, in <module>
# CHECK-NEXT:     next(b)
# CHECK-NEXT:   File "{{.*}}generators_compiled.py", line 135, in bad
# CHECK-NEXT:     yield 10 // n
# CHECK-NEXT:           ~~~^^~~
# CHECK-NEXT: ZeroDivisionError: integer division or modulo by zero
# CHECK-NEXT: [exit 1]
