# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# Exception handlers run compiled: try/except in loops, sys.exc_info() inside and after
# handlers, `as` variables cleared, nested try, raise inside a handler (__context__),
# raise from (__cause__), bare raise, finally with return/break/continue, traceback line
# numbers of chained exceptions, exceptions from compiled callees.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
import traceback


def callee(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 3 == 1:
        return {}[i]
    return i


def loop(n):
    caught = []
    total = 0
    for i in range(n):
        try:
            total += callee(i)
        except ValueError as e:
            caught.append(("V", e.args[0], sys.exc_info()[0].__name__))
        except KeyError as e:
            caught.append(("K", e.args[0]))
        else:
            caught.append(("ok", i))
    return total, caught, sys.exc_info()


def lines(e):
    return [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)]


def in_handler():
    try:
        [][1]
    except IndexError:
        try:
            int("x")
        except ValueError as e:
            return e


def chained():
    try:
        try:
            1 / 0
        except ZeroDivisionError as z:
            raise KeyError("k") from z
    except KeyError as k:
        return k


def bare(v):
    try:
        try:
            raise TypeError(v)
        except TypeError:
            raise
    except TypeError as t:
        return t


def finally_flow():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


def finally_return():
    try:
        raise RuntimeError("lost")
    finally:
        return "finally wins"


def nested(v):
    try:
        try:
            return 10 // v
        finally:
            print("inner finally", sys.exc_info()[0])
    except ZeroDivisionError:
        print("outer", sys.exc_info()[0].__name__)
        return -1


def reraise_uncaught_in_handler():
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("in handler")


print(loop(7))
e = in_handler()
print(repr(e), repr(e.__context__), lines(e), lines(e.__context__))
k = chained()
print(repr(k), repr(k.__cause__), k.__suppress_context__, lines(k), lines(k.__cause__))
t = bare(5)
print(repr(t), lines(t))
print(finally_flow(), finally_return())
print(nested(2), nested(0))
print(sys.exc_info())
try:
    reraise_uncaught_in_handler()
except ValueError as v:
    print(repr(v), repr(v.__context__), lines(v), lines(v.__context__))
reraise_uncaught_in_handler()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (7, [('V', 0, 'ValueError'), ('K', 1), ('ok', 2), ('V', 3, 'ValueError'), ('K', 4), ('ok', 5), ('V', 6, 'ValueError')], (None, None, None))
# CHECK-NEXT: ValueError("invalid literal for int() with base 10: 'x'") IndexError('list index out of range') [('in_handler', 46)] [('in_handler', 43)]
# CHECK-NEXT: KeyError('k') ZeroDivisionError('division by zero') True [('chained', 56)] [('chained', 54)]
# CHECK-NEXT: TypeError(5) [('bare', 64)]
# CHECK-NEXT: [0, 'f0', 'f1', 2, 'f2', 'f3'] finally wins
# CHECK-NEXT: inner finally None
# CHECK-NEXT: inner finally <class 'ZeroDivisionError'>
# CHECK-NEXT: outer ZeroDivisionError
# CHECK-NEXT: 5 -1
# CHECK-NEXT: (None, None, None)
# CHECK-NEXT: ValueError('in handler') KeyError('missing') [('<module>', 121), ('reraise_uncaught_in_handler', 107)] [('reraise_uncaught_in_handler', 105)]
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}exceptions_compiled_handlers.py", line 105, in reraise_uncaught_in_handler
# CHECK-NEXT:     {}["missing"]
# CHECK-NEXT:     ~~^^^^^^^^^^^
# CHECK-NEXT: KeyError: 'missing'
# CHECK-EMPTY:
# CHECK-NEXT: During handling of the above exception, another exception occurred:
# CHECK-EMPTY:
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}exceptions_compiled_handlers.py", line 124, in <module>
# CHECK-NEXT:     reraise_uncaught_in_handler()
# CHECK-NEXT:   File "{{.*}}exceptions_compiled_handlers.py", line 107, in reraise_uncaught_in_handler
# CHECK-NEXT:     raise ValueError("in handler")
# CHECK-NEXT: ValueError: in handler
# CHECK-NEXT: [exit 1]
