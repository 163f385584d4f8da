# Whole-program mode compiles generators, coroutines and async generators like any
# other code: pyllc.stats() lists none of them as a fallback. throw() and close() are run
# by the interpreter and counted (deopts "throw"); the next resumption is compiled again.
# RUN: %python %s | %FileCheck %s
import asyncio

import pyllc

pyllc.enable(threshold=0)


def gen():
    while True:
        try:
            yield 1
        except ValueError:
            yield "caught"


async def coro():
    await asyncio.sleep(0)
    return 2


async def agen():
    yield 3


async def main():
    return await coro(), [x async for x in agen()]


g = gen()
print(next(g), g.throw(ValueError), next(g), next(g))
# CHECK: 1 caught 1 1
g.close()
print(asyncio.run(main()))
# CHECK-NEXT: (2, [3])
pyllc.disable()
s = pyllc.stats()
mine = [k for k in s["fallbacks"] if __file__ in k]
print("fallbacks here:", mine)
# CHECK-NEXT: fallbacks here: []
print("compiled:", all(pyllc.is_compiled(f) for f in (gen, coro, agen, main)))
# CHECK-NEXT: compiled: True
print("throws counted:", s["deopts"].get("throw", 0) >= 2)
# CHECK-NEXT: throws counted: True
