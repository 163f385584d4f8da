# The .pyasm import hook runs the file as the module body (pyasm front end + engine):
# attributes, functions, packages; a bad file is a SyntaxError with filename, line and
# offset; tracebacks point at lines of the .pyasm file.
# RUN: %python %s 2>&1 | %FileCheck %s
# XFAIL: *
# (XFAIL until pyasm_compile and the engine's module execution are in the build.)
import os
import sys
import traceback

here = os.path.join(os.path.dirname(__file__), "Inputs", "pyasm")
sys.path.insert(0, here)
import pyllc  # noqa: E402,F401

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
