# No leak: compiling and freeing 10,000 functions keeps memory flat. Each round makes a
# fresh function (new code object from exec), compiles it, calls it, drops it; resident
# memory after the second half grows by less than 8 MiB over the first half.
# RUN: %python %s | %FileCheck %s
import gc
import os

import pyllc

# Small and at -O0: the test is about what compiling leaves behind, and 10,000 compilations
# must stay affordable in CI.
SRC = "def f(a, b):\n    return a * b + 1\n"
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss():
    gc.collect()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def rounds(n):
    compiled = 0
    for k in range(n):
        ns = {}
        exec(compile(SRC, f"<leak {k % 7}>", "exec"), ns)
        f = ns["f"]
        pyllc.jit(f, opt=0)
        compiled += pyllc.is_compiled(f)
        assert f(10, k) == 10 * k + 1
        del f, ns
    return compiled


rounds(1000)  # warm-up: allocator pools, LLVM's one-time state
base = rss()
c1 = rounds(4500)
mid = rss()
c2 = rounds(4500)
end = rss()
growth = (end - mid) / 2**20
print(f"growth over the second 4500: {growth:.1f} MiB (first half {(mid - base) / 2**20:.1f})")
print("flat:", growth < 8)
# CHECK: flat: True
print("all compiled:", c1 + c2 == 9000)
# CHECK-NEXT: all compiled: True
