# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
# pyllc.asm("...") code spliced into a compiled function (pyllc --run) gives what the
# runtime path of the interpreter (python3.11) gives: variables, loops, exceptions out of
# the code with its values released, handlers around the call, ~builtins, macros.
import sys
import pyllc


def hist(values, buckets, width):
    counts, last, k = [0] * buckets, buckets - 1, 0
    for v in values:
        pyllc.asm("""
            OP $v // $width -> $k
            IF OP ($k > $last) { LOAD $last -> $k }
            STORE $counts[$k] (OP ($counts[$k] + 1))
        """)
    return counts


print("hist", hist([(i * 37) % 100 for i in range(200)], 4, 20))


def loop(n):
    i, acc = 0, []
    pyllc.asm("""
        WHILE OP ($i < $n) {
            CALL $acc.append(OP ($i * $i)) -> \\
            OP $i + 1 -> $i
        }
    """)
    return acc


print("loop", loop(6))


def builtins_and_cells(xs):
    total, x = 0, None

    def get():
        return total
    pyllc.asm("""
        FOREACH $x IN ~sorted($xs) {
            OP $total + ~len(~str($x)) -> $total
        }
    """)
    return get()


print("cells", builtins_and_cells([5, 300, 41]))


class Boom:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __add__(self, other):
        raise ValueError("boom " + self.name)


def raises_with_temps(a):
    b = 1
    pyllc.asm('LOAD ~str("t") -> \\; CALL ~print("x", OP (@Boom("tmp") + OP ($a + $b)))')
    return b


try:
    raises_with_temps(1)
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("ValueError", e, lines)


def caught(x):
    out = []
    for i in range(3):
        try:
            pyllc.asm("OP $x // OP ($i - 1) -> $x")
            out.append(x)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out


print("caught", caught(12))


def raise_stmt(n):
    try:
        pyllc.asm("RAISE ~KeyError($n)")
    except KeyError as e:
        return "raised", e.args, sys.exc_info()[0].__name__


print("raise", raise_stmt(7))


def unbound():
    x = 0
    pyllc.asm("LOAD $y -> $x")
    y = 1
    return x


try:
    unbound()
except UnboundLocalError as e:
    print("unbound", e)


def macros(xs):
    out, t, x = 0, 0, None
    pyllc.asm("""
        MACRO twice(v) { MACRO_RETURN OP (&v * 2) }
        FOREACH $x IN $xs { CALL MACRO twice($x) -> $t; OP $out + $t -> $out }
    """)
    return out


print("macros", macros([1, 2, 3]))


def private(xs):
    out, x = 0, None
    pyllc.asm("""
        MACRO add(!v) { OP $:out + &v -> $:out }
        FOREACH $x IN $xs { CALL MACRO add($x) -> \\ }
    """)
    return out


print("private", private([4, 5]))


def stack_in_loop(rows):
    res = []
    for r in rows:
        for c in r:
            pyllc.asm("""
                IF OP ($c > 2) 'big' { CALL $res.append(OP ($c * 10)) -> \\ }
                ELSE { CALL $res.append($c) -> \\ }
            """)
    return res


print("nested", stack_in_loop([[1, 3], [2, 5]]))


def not_asm():
    class Fake:
        @staticmethod
        def asm(text):
            return "fake " + text
    pyllc = Fake()
    return pyllc.asm("LOAD 1 -> $pyllc")


print("fake", not_asm())


def rebound(x):
    y = 0
    pyllc.asm("OP $x + 1 -> $y")
    return y


real = pyllc.asm
print("rebound", rebound(1), end=" ")
pyllc.asm = lambda text: print("replaced", text, end=" ")
print(rebound(1))
pyllc.asm = real
print("back", rebound(5))


def spin(n):
    x = 0
    try:
        # forever with n None: the loop's back-edge check raises, releasing the iterator
        pyllc.asm("FOREACH $x IN ~itertools.islice(~itertools.count(), $n) { }")
    except KeyboardInterrupt:
        return "interrupted", x > 0
    return x


def stop(signum, frame):
    raise KeyboardInterrupt


import signal
print("spin", spin(3), end=" ")
signal.signal(signal.SIGALRM, stop)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(spin(None))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: hist [40, 40, 40, 80]
# CHECK-NEXT: loop [0, 1, 4, 9, 16, 25]
# CHECK-NEXT: cells 6
# CHECK-NEXT: ValueError boom tmp [75, 70, 65]
# CHECK-NEXT: del tmp
# CHECK-NEXT: caught [-12, 'integer division or modulo by zero', -12]
# CHECK-NEXT: raise ('raised', (7,), 'KeyError')
# CHECK-NEXT: unbound cannot access local variable 'y' where it is not associated with a value
# CHECK-NEXT: macros 12
# CHECK-NEXT: private 9
# CHECK-NEXT: nested [1, 30, 2, 50]
# CHECK-NEXT: fake fake LOAD 1 -> $pyllc
# CHECK-NEXT: rebound 2 replaced OP $x + 1 -> $y 0
# CHECK-NEXT: back 6
# CHECK-NEXT: spin 2 ('interrupted', True)
# CHECK-NEXT: [exit 0]
