# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# Unwinding to a compiled handler releases the stack values above the handler's depth at
# the interpreter's moment (before the handler runs), hands the handler the exception
# with the interpreter's references, and `except ... as e` frees the exception when the
# handler ends: __del__ and weakref callbacks print in python3.11's order, and refcounts
# after many caught exceptions are unchanged.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
import weakref


class Loud:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Boom(Exception):
    def __del__(self):
        print("Boom freed")


def fail(*args):
    raise Boom()


def temporaries_released():
    try:
        fail(Loud(1), Loud(2), fail())
    except Boom:
        print("handler")
    print("after")


def exception_freed():
    try:
        fail()
    except Boom as e:
        print("handling", type(e).__name__)
    print("after handler")


class Weak(KeyError):
    pass


def weakref_at_end_of_handler():
    log = []
    try:
        raise Weak("k")
    except KeyError as e:
        r = weakref.ref(e, lambda _: log.append("callback"))
        log.append("in handler")
    log.append("after")
    return log, r() is None


def refcounts(o, n):
    for i in range(n):
        try:
            [o, o, o][3]
        except IndexError as e:
            pass
        try:
            {o: o}[i]
        except KeyError:
            pass
    return sys.getrefcount(o)


temporaries_released()
exception_freed()
print(weakref_at_end_of_handler())
o = object()
print(refcounts(o, 10000) - refcounts(o, 1))
e_ref = sys.getrefcount(KeyError)
refcounts(o, 100)
print(sys.getrefcount(KeyError) - e_ref)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: del 2
# CHECK-NEXT: del 1
# CHECK-NEXT: handler
# CHECK-NEXT: Boom freed
# CHECK-NEXT: after
# CHECK-NEXT: handling Boom
# CHECK-NEXT: Boom freed
# CHECK-NEXT: after handler
# CHECK-NEXT: (['in handler', 'callback', 'after'], True)
# CHECK-NEXT: 0
# CHECK-NEXT: 0
# CHECK-NEXT: [exit 0]
