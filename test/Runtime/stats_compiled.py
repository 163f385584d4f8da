# pyllc.stats() after compiling: the counters move (compiled, compile time per stage,
# code bytes, JIT memory) and a compiled function has no fallback entry.
# RUN: %python %s | %FileCheck %s
import pyllc


def f(a, b):
    return a * b + 1


before = pyllc.stats()
pyllc.jit(f)
after = pyllc.stats()
print("compiled +1:", after["compiled"] == before["compiled"] + 1, pyllc.is_compiled(f))
# CHECK: compiled +1: True True
t = after["compile_time_s"]
print("time:", t["total"] > 0, all(v >= 0 for v in t.values()), len(t) > 1)
# CHECK-NEXT: time: True True True
print("bytes:", after["code_bytes"] > before["code_bytes"], after["jit_memory_bytes"] > 0)
# CHECK-NEXT: bytes: True True
print("no fallback:", not any(k.startswith("f (") for k in after["fallbacks"]))
# CHECK-NEXT: no fallback: True
print(f(6, 7))
# CHECK-NEXT: 43

# jit_memory_bytes is what the JIT holds now (the pages of each live function's code and
# data): it goes back down when compiled functions are freed; code_bytes only grows.
import gc  # noqa: E402

held = pyllc.stats()["jit_memory_bytes"]
fs = []
for k in range(20):
    ns = {}
    exec(f"def g(a):\n    return a + {k}\n", ns)
    pyllc.jit(ns["g"], opt=0)
    fs.append(ns["g"])
more = pyllc.stats()
print("20 more:", more["jit_memory_bytes"] >= held + 20 * 4096)
# CHECK-NEXT: 20 more: True
del fs, ns
gc.collect()
less = pyllc.stats()
print("freed:", less["jit_memory_bytes"] == held, less["code_bytes"] == more["code_bytes"])
# CHECK-NEXT: freed: True True
print("stages:", sorted(less["compile_time_s"]))
# CHECK-NEXT: stages: ['codegen', 'frontend', 'llvm_opt', 'lower', 'passes', 'total']
t = less["compile_time_s"]
print("total is the sum:", abs(t["total"] - sum(v for k, v in t.items() if k != "total")) < 1e-6)
# CHECK-NEXT: total is the sum: True
