# The .pyasm import hook's finder: installed by `import pyllc` (once) last in
# sys.meta_path, as PYASM.md specifies, finds NAME.pyasm on sys.path and .pyasm
# submodules of packages (nested too, and of namespace packages); Python's own modules
# and namespace packages win (a directory holding __init__.pyasm is a namespace package).
# RUN: %python %s | %FileCheck %s
import importlib.util
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs", "pyasm"))
before = list(sys.meta_path)
import pyllc  # noqa: E402
from pyllc._importer import PyasmFinder  # noqa: E402

print("last", sys.meta_path[-1] is PyasmFinder, sys.meta_path[:-1] == before)
# CHECK: last True True
import pyllc  # noqa: E402,F811
importlib.reload(pyllc)
print("installed once", sys.meta_path.count(PyasmFinder))
# CHECK-NEXT: installed once 1


def show(name):
    spec = importlib.util.find_spec(name)
    if spec is None:
        print(name, "-> not found")
        return
    origin = os.path.relpath(spec.origin, os.path.dirname(__file__)) if spec.origin else None
    print(name, "->", origin, type(spec.loader).__name__,
          "package" if spec.submodule_search_locations is not None else "module")


show("amod")
# CHECK-NEXT: amod -> Inputs/pyasm/amod.pyasm PyasmLoader module
show("apkg.top")
# CHECK-NEXT: apkg.top -> Inputs/pyasm/apkg/top.pyasm PyasmLoader module
show("apkg.sub.leaf")
# CHECK-NEXT: apkg.sub.leaf -> Inputs/pyasm/apkg/sub/leaf.pyasm PyasmLoader module
show("pypkg.inner")
# CHECK-NEXT: pypkg.inner -> Inputs/pyasm/pypkg/inner.pyasm PyasmLoader module
show("asmpkg")
# CHECK-NEXT: asmpkg -> None NoneType package
show("asmpkg.part")
# CHECK-NEXT: asmpkg.part -> Inputs/pyasm/asmpkg/part.pyasm PyasmLoader module
show("both")
# CHECK-NEXT: both -> Inputs/pyasm/both/__init__.py SourceFileLoader package
show("nspkg.nsmod")
# CHECK-NEXT: nspkg.nsmod -> Inputs/pyasm/nspkg/nsmod.pyasm PyasmLoader module
show("shadow")
# CHECK-NEXT: shadow -> Inputs/pyasm/shadow.py SourceFileLoader module
show("no_such_pyasm_module")
# CHECK-NEXT: no_such_pyasm_module -> not found
try:
    import no_such_pyasm_module  # noqa: F401
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
# CHECK-NEXT: ModuleNotFoundError: No module named 'no_such_pyasm_module'
import shadow  # noqa: E402
print(shadow.WHO)
# CHECK-NEXT: shadow.py: a .py file wins over shadow.pyasm
