# Whole-program mode compiles generators, coroutines and async generators like any
# other code: pyllc.stats() lists none of them as a fallback. throw() and close() are run
# by the interpreter and counted (deopts "throw"); the next resumption is compiled again,
# also when a throw() into a delegate that returns moves the frame to its SEND's target.
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


def inner():
    try:
        yield 1
    except KeyError:
        return "inner done"


def outer():
    r = yield from inner()
    yield ("outer got", r)
    yield "end"


async def main():
    return await coro(), [x async for x in agen()]


g = gen()
print(next(g), g.throw(ValueError), next(g), next(g))
# CHECK: 1 caught 1 1
g.close()
o = outer()
print(next(o), o.throw(KeyError), next(o))
# CHECK-NEXT: 1 ('outer got', 'inner done') end
print(asyncio.run(main()))
# CHECK-NEXT: (2, [3])
pyllc.disable()
s = pyllc.stats()
mine = [k for k in s["fallbacks"] if __file__ in k]
print("fallbacks here:", mine)
# CHECK-NEXT: fallbacks here: []
print("compiled:", all(pyllc.is_compiled(f) for f in (gen, coro, agen, main, inner, outer)))
# CHECK-NEXT: compiled: True
print("throws counted:", s["deopts"].get("throw", 0) >= 3)
# CHECK-NEXT: throws counted: True
print("resumed outside compiled code:", s["deopts"].get("resume", 0))
# CHECK-NEXT: resumed outside compiled code: 0
