"""The .pyasm import hook, as PYASM.md specifies it: a finder placed LAST in
sys.meta_path, so that an import no other finder resolves looks for NAME.pyasm on
sys.path (or in the package's __path__), and a loader that runs the file as the module's
body with pyllc's front end and engine.

Python's own modules always win: a NAME.py anywhere on sys.path, and a directory NAME,
which the path finder before this one makes a namespace package (so an __init__.pyasm is
not looked for; .pyasm modules inside such a directory are found through its __path__).
A bad file raises SyntaxError with filename, line and offset, as a bad .py file does."""

import importlib.abc
import importlib.util
import os
import sys

from . import _pyllc

SUFFIX = ".pyasm"


class PyasmLoader(importlib.abc.Loader):
    """Runs one .pyasm file as a module body."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def create_module(self, spec):
        return None  # the default module object

    def get_filename(self, fullname=None):
        return self.path

    def get_source(self, fullname=None):
        with open(self.path, encoding="utf-8") as f:
            return f.read()

    def is_package(self, fullname=None):
        return False

    # A builtin (not bound to the loader): no frame of pyllc's in tracebacks, as for .py.
    exec_module = _pyllc.exec_module

    def __repr__(self):
        return f"<pyllc.PyasmLoader {self.name!r} from {self.path!r}>"


class PyasmFinder(importlib.abc.MetaPathFinder):
    """Finds NAME.pyasm on sys.path or in a package's __path__."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        tail = fullname.rpartition(".")[2]
        for entry in (sys.path if path is None else path):
            if not isinstance(entry, str):
                continue
            file = os.path.join(entry or os.getcwd(), tail + SUFFIX)
            if os.path.isfile(file):
                return importlib.util.spec_from_file_location(
                    fullname, file, loader=PyasmLoader(fullname, file))
        return None

    @classmethod
    def invalidate_caches(cls):
        pass


def install():
    """Puts the finder last in sys.meta_path (once)."""
    if PyasmFinder not in sys.meta_path:
        sys.meta_path.append(PyasmFinder)
