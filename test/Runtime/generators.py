# Generators, coroutines and async generators are compiled by pyllc.jit (not fallbacks).
# next/send/throw/close, yield from, return values (StopIteration.value), generator
# expressions, async def driven by asyncio, async generators.
# RUN: %python %s > %t.plain 2>&1
# RUN: %python %s --jit > %t.jit 2>&1
# RUN: %python %S/Inputs/same.py %t.plain %t.jit
# RUN: %FileCheck %s < %t.jit
# RUN: %python %s --jit --expect-compiled > /dev/null 2>&1
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from jitcheck import compiled  # noqa: E402
import asyncio  # noqa: E402


@compiled
def gen(n):
    total = 0
    for i in range(n):
        got = yield i
        if got:
            total += got
    return total


@compiled
def delegating():
    r = yield from gen(3)
    yield ("inner returned", r)


@compiled
def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield f"handled {e}"
    finally:
        print("generator finally")


@compiled
async def coro(x):
    await asyncio.sleep(0)
    return x * 2


@compiled
async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


@compiled
def consume():
    return sum(x * x for x in range(10)), [y for y in gen(4)]


g = gen(5)
print(next(g), g.send(10), g.send(20))
try:
    for _ in range(5):
        g.send(1)
except StopIteration as e:
    print("returned", e.value)
print(list(delegating()))
h = guarded()
print(next(h), h.throw(ValueError("v")))
h.close()
print(consume())


async def main():
    print(await coro(21), [i async for i in agen(3)])


asyncio.run(main())
# CHECK: 0 1 2
# CHECK-NEXT: returned 33
# CHECK-NEXT: [0, 1, 2, ('inner returned', 0)]
# CHECK-NEXT: 1 handled v
# CHECK-NEXT: generator finally
# CHECK-NEXT: (285, [0, 1, 2, 3])
# CHECK-NEXT: 42 [0, 1, 2]
