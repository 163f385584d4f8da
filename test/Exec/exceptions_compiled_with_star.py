# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# Compiled handlers of `with` (an __exit__ that swallows, one that re-raises, one that
# raises its own), except* (split groups, re-raised rest, raises in clauses: new group), finally
# re-raising after a return-less body, and RAISE_VARARGS' corner cases run compiled:
# raise of a class, `from None`, a non-exception, a class whose call fails, bare raise
# with nothing handled.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import sys
import traceback


class CM:
    def __init__(self, mode):
        self.mode = mode

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit", t and t.__name__, v, tb is not None and tb.tb_lineno)
        if self.mode == "own":
            raise KeyError("from exit")
        return self.mode == "swallow"


def lines(e):
    return [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)]


def withs(mode):
    try:
        with CM(mode):
            raise ValueError(mode)
        return "swallowed"
    except Exception as e:
        return repr(e), repr(e.__context__), lines(e)


def star(excs):
    out = []
    try:
        try:
            raise ExceptionGroup("eg", excs)
        except* ValueError as g:
            out.append(("V", [repr(e) for e in g.exceptions]))
        except* KeyError as g:
            out.append(("K", len(g.exceptions)))
            raise RuntimeError("in star")
    except BaseException as e:
        out.append(("rest", repr(e), [repr(x) for x in getattr(e, "exceptions", [])]))
    return out


def finally_reraise(v):
    log = []
    try:
        try:
            log.append("body")
            1 / v
        finally:
            log.append("finally " + str(sys.exc_info()[0]))
    except ZeroDivisionError as e:
        log.append(lines(e))
    return log


class BadInit(Exception):
    def __init__(self):
        raise OSError("init failed")


def raises(kind):
    try:
        if kind == 0:
            raise KeyError
        if kind == 1:
            try:
                1 / 0
            except ZeroDivisionError:
                raise ValueError("x") from None
        if kind == 2:
            raise 42
        if kind == 3:
            raise BadInit
        if kind == 4:
            raise
        if kind == 5:
            raise ValueError("v") from 7
    except BaseException as e:
        return (repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__,
                lines(e))


for mode in ("swallow", "propagate", "own"):
    print(withs(mode))
print(star([ValueError(1), KeyError(2), TypeError(3)]))
print(star([ValueError(1)]))
print(star([TypeError(3)]))
print(star([KeyError(2)]))  # one raise and nothing re-raised: a new group in 3.11
print(finally_reraise(1))
print(finally_reraise(0))
for k in range(6):
    print(raises(k))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: exit ValueError swallow 36
# CHECK-NEXT: swallowed
# CHECK-NEXT: exit ValueError propagate 36
# CHECK-NEXT: ("ValueError('propagate')", 'None', [('withs', 36)])
# CHECK-NEXT: exit ValueError own 36
# CHECK-NEXT: ("KeyError('from exit')", "ValueError('own')", [('withs', 35), ('__exit__', 25)])
# CHECK-NEXT: [('V', ['ValueError(1)']), ('K', 1), ('rest', "ExceptionGroup('', [RuntimeError('in star'), ExceptionGroup('eg', [TypeError(3)])])", ["RuntimeError('in star')", "ExceptionGroup('eg', [TypeError(3)])"])]
# CHECK-NEXT: [('V', ['ValueError(1)'])]
# CHECK-NEXT: [('rest', "ExceptionGroup('eg', [TypeError(3)])", ['TypeError(3)'])]
# CHECK-NEXT: [('K', 1), ('rest', "ExceptionGroup('', [RuntimeError('in star')])", ["RuntimeError('in star')"])]
# CHECK-NEXT: ['body', 'finally None']
# CHECK-NEXT: ['body', "finally <class 'ZeroDivisionError'>", [('finally_reraise', 62)]]
# CHECK-NEXT: ('KeyError()', 'None', 'None', False, [('raises', 78)])
# CHECK-NEXT: ("ValueError('x')", 'None', "ZeroDivisionError('division by zero')", True, [('raises', 83)])
# CHECK-NEXT: ("TypeError('exceptions must derive from BaseException')", 'None', 'None', False, [('raises', 85)])
# CHECK-NEXT: ("OSError('init failed')", 'None', 'None', False, [('raises', 87), ('__init__', 72)])
# CHECK-NEXT: ("RuntimeError('No active exception to reraise')", 'None', 'None', False, [('raises', 89)])
# CHECK-NEXT: ("TypeError('exception causes must derive from BaseException')", 'None', 'None', False, [('raises', 91)])
# CHECK-NEXT: [exit 0]
