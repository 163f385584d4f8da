"""bench/asm_inline.py - the cost of one pyllc.asm("...") call, side by side in one run.

The same statement, `t = t + i`, five ways, each a loop of N iterations timed by itself
(best of R runs), the time per iteration printed:
  python        plain Python, interpreted
  python, jit   plain Python, compiled by pyllc.jit
  asm, interp   pyllc.asm("OP $t + $i -> $t") in an interpreted function: the run-time
                path (the caller's locals through a dict and back)
  asm, call     the same in a compiled function, the call kept (pyllc.asm reached through
                another name): what a compiled function did before the code was spliced
  asm, spliced  the same in a compiled function: the .pyasm code is part of its IR
Run with PYTHONPATH=build/python /usr/bin/python3.11 bench/asm_inline.py [N] [R]."""
import sys
import time

import pyllc

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
R = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def python(n):
    t = 0
    for i in range(n):
        t = t + i
    return t


def asm(n):
    t = 0
    for i in range(n):
        pyllc.asm("OP $t + $i -> $t")
    return t


def asm_call(n):
    run = pyllc.asm  # not `asm(...)`: the front end does not recognise the call
    t = 0
    for i in range(n):
        run("OP $t + $i -> $t")
    return t


def best(f):
    f(10)  # compiled, and the pyllc.asm code compiled, before timing
    times = []
    for _ in range(R):
        t0 = time.perf_counter()
        r = f(N)
        times.append(time.perf_counter() - t0)
        assert r == N * (N - 1) // 2, r
    return min(times) / N * 1e6


def copy(f, jit):
    """f with a code object of its own (pyllc.jit attaches the compiled code to it)."""
    g = type(f)(f.__code__.replace(), f.__globals__, f.__name__)
    return pyllc.jit(g) if jit else g


rows = [("python", copy(python, False)), ("python, jit", copy(python, True)),
        ("asm, interp", copy(asm, False)), ("asm, call", copy(asm_call, True)),
        ("asm, spliced", copy(asm, True))]
print(f"{'way':14} {'us/iteration':>13}  compiled")
for name, f in rows:
    print(f"{name:14} {best(f):13.3f}  {pyllc.is_compiled(f)}")
