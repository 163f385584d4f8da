# The .pyasm import hook's finder: installed by `import pyllc` (once) as a directory finder
# in sys.path_hooks before the standard one, finds NAME.pyasm on sys.path, .pyasm
# submodules of packages (nested too, and of namespace packages) and packages with an
# __init__.pyasm; in one directory Python's own files win (.py first).
# RUN: %python %s | %FileCheck %s
import importlib.util
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs", "pyasm"))
before = list(sys.path_hooks)
import pyllc  # noqa: E402


def ours(hooks):
    return [i for i, h in enumerate(hooks) if getattr(h, "_pyllc_pyasm", False)]


i = ours(sys.path_hooks)
print("hook", i == [len(before) - 1], sys.path_hooks[:i[0]] + sys.path_hooks[i[0] + 1:] == before)
# CHECK: hook True True
import pyllc  # noqa: E402,F811
importlib.reload(pyllc)
print("installed once", len(ours(sys.path_hooks)))
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
# CHECK-NEXT: asmpkg -> Inputs/pyasm/asmpkg/__init__.pyasm PyasmLoader package
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
