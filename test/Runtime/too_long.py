# A code object longer than 16384 code units is left to the interpreter, with the reason
# in pyllc.stats()["fallbacks"]: compile time and code size grow with the length, and such
# code is nearly always generated and run once (test_fstring evals a 65,000-expression
# f-string). Whole-program mode and pyllc.jit() alike; the program's results are the same.
# RUN: %python %s | %FileCheck %s
import pyllc

pyllc.enable(threshold=0)
x = "X"
n = 4000  # FORMAT_VALUE and LOAD_NAME per expression, and strings: 20,000 code units
src = "f'" + "{x} " * n + "'"
print(eval(src) == "X " * n)
# CHECK: True
print(eval("f'{x}{x}'"))
# CHECK-NEXT: XX
fallbacks = pyllc.stats()["fallbacks"]
print([why for where, why in fallbacks.items() if where.startswith("<module> (<string>")])
# CHECK-NEXT: ['too long to compile ({{[0-9]+}} code units, the limit is 16384)']
pyllc.disable()

ns = {}
exec("def long(a):\n    return [" + "a, " * 9000 + "]\n", ns)
pyllc.jit(ns["long"])
print(pyllc.is_compiled(ns["long"]), len(ns["long"](1)))
# CHECK-NEXT: False 9000
