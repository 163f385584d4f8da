"""The .pyasm import hook: a finder placed LAST in sys.meta_path, so that an import that
no other finder resolves looks for NAME.pyasm on sys.path (or in the package's __path__),
and a loader that runs the file as the module's body with pyllc's front end and engine.

A bad file raises SyntaxError with filename, line and offset, as a bad .py file does.
Packages are Python packages (or namespace packages) holding .pyasm modules: a directory
on sys.path is already a namespace package for the finders before this one, so an
__init__.pyasm could never be reached and is not looked for."""

import importlib.abc
import importlib.machinery
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

    def exec_module(self, module):
        text = self.get_source()
        _pyllc.exec_pyasm(self.path, text, module.__dict__, 2)

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
                spec = importlib.machinery.ModuleSpec(
                    fullname, PyasmLoader(fullname, file), origin=file)
                spec.has_location = True
                return spec
        return None

    @classmethod
    def invalidate_caches(cls):
        pass


def install():
    """Puts the finder last in sys.meta_path (once)."""
    if not any(f is PyasmFinder for f in sys.meta_path):
        sys.meta_path.append(PyasmFinder)
