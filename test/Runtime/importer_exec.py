# The .pyasm import hook runs the file as the module body (pyasm front end + engine,
# every function compiled first: .pyasm has no bytecode): attributes, functions, packages
# (a directory is a namespace package first, as PYASM.md orders the finders: its
# __init__.pyasm is not run, its .pyasm modules are found; a .py package wins);
# tracebacks point at lines of the .pyasm file, a failing import shows the importer's
# frame then the .pyasm one (importlib's own frames trimmed, as for .py); a generator
# runs compiled like any function.
# RUN: %python %s 2>&1 | %FileCheck %s
# RUN: %not %python %s uncaught 2>&1 | %FileCheck %s --check-prefix=UNCAUGHT
import os
import sys
import traceback

here = os.path.join(os.path.dirname(__file__), "Inputs", "pyasm")
sys.path.insert(0, here)
import pyllc  # noqa: E402,F401

if sys.argv[1:] == ["uncaught"]:
    import body_raises  # noqa: F401
# UNCAUGHT: Traceback (most recent call last):
# UNCAUGHT-NEXT: File "{{.*}}importer_exec.py", line [[#@LINE-2]], in <module>
# UNCAUGHT-NEXT: import body_raises
# UNCAUGHT-NEXT: {{\^+}}
# UNCAUGHT-NEXT: File "{{.*}}body_raises.pyasm", line 4, in <module>
# UNCAUGHT-NEXT: LOAD $d["nope"] -> $y
# UNCAUGHT-NEXT: KeyError: 'nope'

import amod  # noqa: E402
print("amod", amod.answer, amod.twice(21), amod.twice.__name__, amod.__file__ == os.path.join(here, "amod.pyasm"))
# CHECK: amod 42 42 twice True
import apkg.top  # noqa: E402
import apkg.sub.leaf  # noqa: E402
import pypkg.inner  # noqa: E402
print(apkg.top.msg, apkg.sub.leaf.name, pypkg.inner.msg)
# CHECK-NEXT: top of a package leaf inner of a Python package
try:
    amod.fails({})
except KeyError:
    last = traceback.extract_tb(sys.exc_info()[2])[-1]
    print("traceback", os.path.basename(last.filename), last.lineno, last.name)
# CHECK-NEXT: traceback amod.pyasm 9 fails

import asmpkg.part  # noqa: E402
import both  # noqa: E402
print(hasattr(asmpkg, "msg"), "|", asmpkg.part.msg, "|", asmpkg.__file__,
      list(asmpkg.__path__) == [os.path.join(here, "asmpkg")], both.WHO)
# CHECK-NEXT: False | a part of asmpkg | None True both/__init__.py: a .py package wins over __init__.pyasm

import gen  # noqa: E402
g = gen.count(3)
print("generator:", next(g), list(g))
# CHECK-NEXT: generator: 3 []
try:
    import body_raises  # noqa: E402,F401
except KeyError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print("body", [(os.path.basename(f.filename), f.lineno) for f in tb])
print("body_raises" in sys.modules)
# CHECK-NEXT: body [('importer_exec.py', [[#@LINE-5]]), ('body_raises.pyasm', 4)]
# CHECK-NEXT: False
