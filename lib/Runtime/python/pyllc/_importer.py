"""The .pyasm import hook: NAME.pyasm files and packages with an __init__.pyasm are
modules, found where Python finds NAME.py, and run by pyllc's front end and engine.

The hook is the standard directory finder (importlib.machinery.FileFinder) with one more
suffix, .pyasm, after Python's own (extension modules, .py, .pyc): in one directory a .py
file or package wins over a .pyasm one, and otherwise sys.path order decides, as for any
module. A finder placed in sys.meta_path could not do this: the path finder before it
turns a directory holding only __init__.pyasm into a namespace package.

A bad file raises SyntaxError with filename, line and offset, as a bad .py file does."""

import importlib.abc
import importlib.machinery as _mach
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
        return os.path.basename(self.path) == "__init__" + SUFFIX

    # A builtin (not bound to the loader): no frame of pyllc's in tracebacks, as for .py.
    exec_module = _pyllc.exec_module

    def __repr__(self):
        return f"<pyllc.PyasmLoader {self.name!r} from {self.path!r}>"


def _loaders():
    """FileFinder's (loader, suffixes) pairs: Python's own first, then .pyasm."""
    return [(_mach.ExtensionFileLoader, _mach.EXTENSION_SUFFIXES),
            (_mach.SourceFileLoader, _mach.SOURCE_SUFFIXES),
            (_mach.SourcelessFileLoader, _mach.BYTECODE_SUFFIXES),
            (PyasmLoader, [SUFFIX])]


def _is_ours(hook):
    return getattr(hook, "_pyllc_pyasm", False)


def install():
    """Puts the .pyasm directory finder in sys.path_hooks (once), before the standard
    one, and forgets the directory finders made so far (they do not know .pyasm)."""
    if any(_is_ours(h) for h in sys.path_hooks):
        return
    hook = _mach.FileFinder.path_hook(*_loaders())
    hook._pyllc_pyasm = True
    std = [i for i, h in enumerate(sys.path_hooks)
           if getattr(h, "__qualname__", "").startswith("FileFinder.path_hook")]
    sys.path_hooks.insert(std[0] if std else len(sys.path_hooks), hook)
    for entry, finder in list(sys.path_importer_cache.items()):
        if isinstance(finder, _mach.FileFinder):
            del sys.path_importer_cache[entry]
