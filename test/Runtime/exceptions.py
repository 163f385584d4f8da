# Exceptions raised in compiled code: same type, message, traceback entries with exact
# line numbers, __context__/__cause__ chains, and an uncaught one ends the program with
# python3.11's traceback and exit status 1.
# RUN: %not %python %s > %t.plain 2>&1
# RUN: %not %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled


@compiled
def inner(d, k):
    return d[k]                      # line 19


@compiled
def middle(d, k):
    x = 1
    return inner(d, k) + x           # line 25


@compiled
def chained(v):
    try:
        return 1 // v                # line 31
    except ZeroDivisionError as e:
        raise ValueError("bad v") from e


@compiled
def context(v):
    try:
        [][v]
    except IndexError:
        return int("x" + str(v))     # line 41


def lines(tb):
    return [(f.name, f.lineno) for f in traceback.extract_tb(tb)]


try:
    middle({}, "key")
except KeyError as e:
    print("KeyError", e, lines(e.__traceback__))
# CHECK: KeyError 'key' [('<module>', 49), ('middle', 25), ('inner', 19)]

try:
    chained(0)
except ValueError as e:
    print("cause", type(e.__cause__).__name__, lines(e.__cause__.__traceback__))
# CHECK: cause ZeroDivisionError [('chained', 31)]

try:
    context(3)
except ValueError as e:
    print("context", type(e.__context__).__name__, e.__suppress_context__, lines(e.__traceback__))
# CHECK: context IndexError False [('<module>', 61), ('context', 41)]

sys.stdout.flush()
middle({1: 2}, 3)
# CHECK: Traceback (most recent call last):
# CHECK: File "{{.*}}exceptions.py", line 67, in <module>
# CHECK: File "{{.*}}exceptions.py", line 25, in middle
# CHECK: File "{{.*}}exceptions.py", line 19, in inner
# CHECK: KeyError: 3
