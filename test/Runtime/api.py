# The pyllc module's interface: names, decorator forms, argument checking with clear
# errors, the shape of stats(), dump() stages, asm() argument check.
# RUN: %python %s 2>&1 | %FileCheck %s
import types

import pyllc

for name in ("jit", "is_compiled", "enable", "disable", "stats", "dump", "asm"):
    assert callable(getattr(pyllc, name)), name
print("version", pyllc.__version__)
# CHECK: version {{[0-9]+\.[0-9]+\.[0-9]+}}


def f(x):
    return x + 1


# pyllc.jit returns the function itself, in all three forms.
assert pyllc.jit(f) is f
assert pyllc.jit(f, opt=0) is f
deco = pyllc.jit(opt=3)
assert isinstance(deco, types.FunctionType) and deco(f) is f


@pyllc.jit
def g(x):
    return x * 2


print("decorated", g.__name__, g(21), type(pyllc.is_compiled(g)).__name__)
# CHECK-NEXT: decorated g 42 bool


class C:
    @staticmethod
    def s():
        return "s"

    def m(self):
        return "m"


assert isinstance(pyllc.jit(C.__dict__["s"]), staticmethod)
assert pyllc.jit(C().m)() == "m"


def error(call):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("no error")


error(lambda: pyllc.jit(len))
# CHECK-NEXT: TypeError: pyllc.jit() expects a Python function, got builtin_function_or_method (only functions defined in Python can be compiled)
error(lambda: pyllc.jit(42))
# CHECK-NEXT: TypeError: pyllc.jit() expects a Python function, got int
error(lambda: pyllc.jit(f, opt=4))
# CHECK-NEXT: ValueError: opt must be 0, 1, 2 or 3, not 4
error(lambda: pyllc.jit(f, opt="2"))
# CHECK-NEXT: TypeError: opt must be an int (0..3), not str
error(lambda: pyllc.jit(f, 2))
# CHECK-NEXT: TypeError: jit() takes from 0 to 1 positional arguments but 2 were given
error(lambda: pyllc.is_compiled("f"))
# CHECK-NEXT: TypeError: pyllc.is_compiled() expects a Python function, got str
error(lambda: pyllc.enable(threshold=-1))
# CHECK-NEXT: ValueError: threshold must be >= 0, not -1
error(lambda: pyllc.enable(threshold=1.5))
# CHECK-NEXT: TypeError: threshold must be an int, not float
error(lambda: pyllc.dump(f, "bitcode"))
# CHECK-NEXT: ValueError: stage must be one of 'ir', 'llvm', 'asm', not 'bitcode'
error(lambda: pyllc.dump(print, "ir"))
# CHECK-NEXT: TypeError: pyllc.dump() expects a Python function, got builtin_function_or_method
error(lambda: pyllc.asm(42))
# CHECK-NEXT: TypeError: pyllc.asm() takes the .pyasm code as a str, not int
error(lambda: pyllc._pyllc.jit(f, 9))
# CHECK-NEXT: ValueError: opt must be 0, 1, 2 or 3, not 9
error(lambda: pyllc._pyllc.enable(-3, 2))
# CHECK-NEXT: ValueError: threshold must be >= 0, not -3

s = pyllc.stats()
for key, typ in (("compiled", int), ("fallbacks", dict), ("deopts", dict),
                 ("compile_time_s", dict), ("code_bytes", int), ("jit_memory_bytes", int)):
    assert isinstance(s[key], typ), (key, s[key])
assert isinstance(s["compile_time_s"]["total"], float)
assert len(s["compile_time_s"]) > 1, "a time per stage"
assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in s["fallbacks"].items())
assert all(isinstance(v, int) for v in s["deopts"].values())
# Every function handed to jit() is compiled or has a fallback reason under its key.
for fn in (f, g):
    key = f"{fn.__code__.co_qualname} ({fn.__code__.co_filename}:{fn.__code__.co_firstlineno})"
    assert pyllc.is_compiled(fn) or key in s["fallbacks"], (key, s["fallbacks"])
print("stats ok", s["enabled"], s["threshold"])
# CHECK-NEXT: stats ok False None
pyllc.enable(threshold=7)
print("enabled", pyllc.stats()["enabled"], pyllc.stats()["threshold"])
# CHECK-NEXT: enabled True 7
pyllc.disable()
print("disabled", pyllc.stats()["enabled"])
# CHECK-NEXT: disabled False
