"""pyllc: an LLVM-based compiler for CPython 3.11 bytecode, inside the interpreter.

    import pyllc

    @pyllc.jit                  # compile now; every call runs native code
    def f(n): ...

    pyllc.enable(threshold=1000)  # whole-program mode: compile code once it is hot
    pyllc.stats()                 # what was compiled, what fell back and why
    pyllc.dump(f, "llvm")         # the text of one stage: "ir", "llvm" or "asm"

`import pyllc` also installs the .pyasm import hook (a finder last in sys.meta_path),
so that an `import NAME` no other finder resolves finds NAME.pyasm on sys.path. `python3.11 -m pyllc script.py` runs a program with whole-program mode on.
PYLLC_STATS=1 prints the statistics at exit (2: also one line per function as it is
compiled).

Nothing here changes what a program does: what pyllc cannot compile runs in the
interpreter, and pyllc.stats()["fallbacks"] says which code and why.
"""

import atexit as _atexit
import os as _os
import sys as _sys
import types as _types

from . import _pyllc
from ._importer import install as _install_importer
from ._stats import format_stats as _format_stats

__all__ = ["jit", "is_compiled", "enable", "disable", "stats", "dump", "asm",
           "DEFAULT_THRESHOLD", "DEFAULT_OPT"]

__version__ = _pyllc.version

#: Calls plus loop back-edges after which whole-program mode compiles a code object.
DEFAULT_THRESHOLD = 1000
#: Optimisation level when none is given (like the CLI's -O2).
DEFAULT_OPT = 2


def _check_opt(opt):
    if isinstance(opt, bool) or not isinstance(opt, int):
        raise TypeError(f"opt must be an int (0..3), not {type(opt).__name__}")
    if not 0 <= opt <= 3:
        raise ValueError(f"opt must be 0, 1, 2 or 3, not {opt}")


def _function_of(obj, who):
    """The Python function behind obj (a function, bound method, staticmethod or
    classmethod), or TypeError naming what was passed."""
    if isinstance(obj, _types.FunctionType):
        return obj
    if isinstance(obj, (_types.MethodType, staticmethod, classmethod)):
        inner = obj.__func__
        if isinstance(inner, _types.FunctionType):
            return inner
    raise TypeError(f"{who} expects a Python function, got {type(obj).__name__}"
                    + (" (only functions defined in Python can be compiled)"
                       if callable(obj) else ""))


def jit(func=None, *, opt=DEFAULT_OPT):
    """Compile `func` now; calls from anywhere (Python, C, methods, recursion) then run
    native code. Returns `func` itself, so that it works as a decorator, with or without
    arguments: ``@pyllc.jit``, ``@pyllc.jit(opt=3)``, ``pyllc.jit(f, opt=1)``.

    A function pyllc cannot compile keeps running in the interpreter; the reason is in
    ``pyllc.stats()["fallbacks"]`` and ``pyllc.is_compiled(func)`` is False."""
    _check_opt(opt)
    if func is None:
        return lambda f: jit(f, opt=opt)
    _pyllc.jit(_function_of(func, "pyllc.jit()"), opt)
    return func


def is_compiled(func):
    """True if calls of `func` run compiled code."""
    return _pyllc.is_compiled(_function_of(func, "pyllc.is_compiled()"))


def enable(threshold=DEFAULT_THRESHOLD, *, opt=DEFAULT_OPT):
    """Whole-program mode: a code object is compiled once its calls plus loop back-edges
    reach `threshold`; ``threshold=0`` compiles each code object before its first run."""
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise TypeError(f"threshold must be an int, not {type(threshold).__name__}")
    if threshold < 0:
        raise ValueError(f"threshold must be >= 0, not {threshold}")
    _check_opt(opt)
    _pyllc.enable(threshold, opt)


def disable():
    """Whole-program mode off: nothing new is compiled; compiled code stays in use."""
    _pyllc.disable()


def stats():
    """A dict of counters:
    compiled          int: code objects compiled
    fallbacks         {"qualname (file:line)": reason} of code left to the interpreter
    deopts            {reason: count} of compiled frames handed back to the interpreter
    calls             {"direct": n, "vectorcall": n}: calls of compiled functions from
                      compiled code, direct (frame pushed by pyllc) or through vectorcall
    compile_time_s    {"total": s, and one entry per stage}
    code_bytes        machine code emitted so far, in bytes
    jit_memory_bytes  memory the JIT holds now: the pages of the live compiled code and
                      its data (freed with the code objects)
    enabled, threshold  whole-program mode"""
    return _pyllc.stats()


_STAGES = ("ir", "llvm", "asm")


def dump(func, stage="ir", *, opt=DEFAULT_OPT):
    """The text of one compilation stage of a live function: "ir" (pyllc's SSA IR after
    its passes), "llvm" (LLVM IR) or "asm" (x86-64 assembly)."""
    f = _function_of(func, "pyllc.dump()")
    if stage not in _STAGES:
        raise ValueError(f"stage must be one of {', '.join(map(repr, _STAGES))}, "
                         f"not {stage!r}")
    _check_opt(opt)
    return _pyllc.dump(f, stage, opt)


# asm(text): .pyasm run in place inside a Python function, `$x` being its variable x.
# A builtin of the extension (rt_asm.c), so that it adds no frame to tracebacks.
asm = _pyllc.asm


def _print_stats_at_exit():
    try:
        text = _format_stats(stats())
    except Exception as e:  # the program's own exit status must not change
        text = f"pyllc: cannot print statistics: {e!r}\n"
    _sys.stderr.write(text)
    _sys.stderr.flush()


if _os.environ.get("PYLLC_STATS", "") not in ("", "0"):
    _atexit.register(_print_stats_at_exit)

_install_importer()
