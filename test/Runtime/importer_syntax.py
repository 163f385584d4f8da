# Importing a bad .pyasm file raises SyntaxError with filename, lineno, offset and text, as
# a bad .py file does; the module is not left in sys.modules; uncaught, python3.11 prints
# it with the file, line and a caret, status 1.
# RUN: %python %s 2>&1 | %FileCheck %s
# RUN: %not %python %s uncaught 2>&1 | %FileCheck %s --check-prefix=UNCAUGHT
import importlib
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs", "pyasm_bad"))
import pyllc  # noqa: E402,F401

if sys.argv[1:] == ["uncaught"]:
    import bad_instr  # noqa: F401
# UNCAUGHT: File "{{.*}}bad_instr.pyasm", line 3
# UNCAUGHT-NEXT: FROBNICATE $ok
# UNCAUGHT-NEXT: ^
# UNCAUGHT-NEXT: SyntaxError: unknown instruction 'FROBNICATE'

for name in ("bad_instr", "bad_brace"):
    try:
        importlib.import_module(name)
    except SyntaxError as e:
        print(name, type(e).__name__, os.path.basename(e.filename), e.lineno, e.offset,
              repr(e.text), "|", e.msg)
    print(name, "in sys.modules:", name in sys.modules)
# CHECK: bad_instr SyntaxError bad_instr.pyasm 3 1 'FROBNICATE $ok' | unknown instruction 'FROBNICATE'
# CHECK-NEXT: bad_instr in sys.modules: False
# CHECK-NEXT: bad_brace SyntaxError bad_brace.pyasm {{[0-9]+}} {{[0-9]+}} {{.*}} | {{.*}}
# CHECK-NEXT: bad_brace in sys.modules: False
