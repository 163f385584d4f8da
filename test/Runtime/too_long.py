# A code object longer than 16384 code units is left to the interpreter, with the reason
# in pyllc.stats()["fallbacks"]: compile time and code size grow with the length, and such
# code is nearly always generated and run once (test_fstring evals a 65,000-expression
# f-string). Whole-program mode and pyllc.jit() alike; the program's results are the same.
# A later code object of the same function (same "qualname (file:line)") that compiles
# takes the entry out of the table.
# RUN: %python %s | %FileCheck %s
import pyllc


def string_fallbacks():
    fallbacks = pyllc.stats()["fallbacks"]
    return [why for where, why in fallbacks.items() if where.startswith("<module> (<string>")]


pyllc.enable(threshold=0)
x = "X"
n = 4000  # FORMAT_VALUE and LOAD_NAME per expression, and strings: 20,000 code units
src = "f'" + "{x} " * n + "'"
print(eval(src) == "X " * n)
# CHECK: True
print(string_fallbacks())
# CHECK-NEXT: ['too long to compile ({{[0-9]+}} code units, the limit is 16384)']
print(eval("f'{x}{x}'"), string_fallbacks())
# CHECK-NEXT: XX []
pyllc.disable()

ns, short = {}, {}
exec("def long(a):\n    return [" + "a, " * 9000 + "]\n", ns)
pyllc.jit(ns["long"])
print(pyllc.is_compiled(ns["long"]), len(ns["long"](1)))
# CHECK-NEXT: False 9000
print(list(pyllc.stats()["fallbacks"].values()))
# CHECK-NEXT: ['too long to compile ({{[0-9]+}} code units, the limit is 16384)']
exec("def long(a):\n    return [a]\n", short)
pyllc.jit(short["long"])
print(pyllc.is_compiled(short["long"]), pyllc.stats()["fallbacks"])
# CHECK-NEXT: True {}
