"""Shared by the execution tests of test/Runtime: each test program runs twice, plainly and
with `--jit`, and the two outputs must be the same (diff); a third run adds
`--expect-compiled` and fails unless every function marked with @compiled really runs
compiled code (or, for @compiled_or_fallback, fell back with a reason in pyllc.stats()).
With --expect-compiled the exit status says only that: 0 if all are compiled, else 1,
whatever the program's own status (a test may end on an uncaught exception).

    --jit            compile the marked functions with pyllc.jit()
    --enable         whole-program mode instead: pyllc.enable(threshold=0)
    --expect-compiled  at exit, check that the marked functions are compiled
"""
import atexit
import os
import sys

JIT = "--jit" in sys.argv
ENABLE = "--enable" in sys.argv
EXPECT = "--expect-compiled" in sys.argv
for flag in ("--jit", "--enable", "--expect-compiled"):
    while flag in sys.argv:
        sys.argv.remove(flag)

if JIT or ENABLE or EXPECT:
    import pyllc
if ENABLE:
    pyllc.enable(threshold=0)

_marked = []  # (function, fallback allowed)


def compiled(f):
    """Marks f: compiled with --jit, checked with --expect-compiled."""
    _marked.append((f, False))
    if JIT:
        pyllc.jit(f)
    return f


def compiled_or_fallback(f):
    """As compiled(), but a counted fallback (with its reason in stats) also passes:
    for generators and coroutines."""
    _marked.append((f, True))
    if JIT:
        pyllc.jit(f)
    return f


def _key(f):
    co = f.__code__
    return f"{co.co_qualname} ({co.co_filename}:{co.co_firstlineno})"


def _check():
    fallbacks = pyllc.stats()["fallbacks"]
    bad = []
    for f, may_fall_back in _marked:
        if pyllc.is_compiled(f):
            continue
        if may_fall_back and fallbacks.get(_key(f)):
            continue
        bad.append(f"{f.__qualname__}: {fallbacks.get(_key(f), 'not compiled, no reason')}")
    if bad:
        sys.stdout.flush()
        sys.stderr.write("jitcheck: not compiled:\n  " + "\n  ".join(bad) + "\n")
        sys.stderr.flush()
        os._exit(1)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if EXPECT:
    atexit.register(_check)
