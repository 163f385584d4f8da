# A .pyasm module imported through the hook can MACRO_IMPORT pyllc.std: the search path
# of MACRO_IMPORT is sys.path after the module's own folder.
# RUN: %python %s 2>&1 | %FileCheck %s
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs", "pyasm"))
import pyllc  # noqa: E402,F401
import usestd  # noqa: E402

print(usestd.squares([1, 2, 3]))
# CHECK: [1, 4, 9]
