# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# Coroutines and async generators run compiled (no function is left to the
# interpreter): asyncio.run, gather, chains of awaits, exceptions through awaits with
# their tracebacks, custom awaitables (__await__), async with, async for over an async
# generator and over a class with __anext__, aclose/athrow/asend, and the TypeErrors of
# objects that are not awaitable or async-iterable.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
# RUN: %not %pyllc --stats --run %s 2>&1 | %FileCheck %s --check-prefix=STATS
# STATS: functions compiled, 0 left to the interpreter
import asyncio


async def leaf(x):
    await asyncio.sleep(0)
    return x * 2


async def chain(x):
    a = await leaf(x)
    b = await leaf(a)
    return a + b


async def failing(n):
    await asyncio.sleep(0)
    return 1 // n


class Ticket:
    def __await__(self):
        got = yield from asyncio.sleep(0).__await__()
        return "ticket"


class Manager:
    async def __aenter__(self):
        print("enter")
        return self

    async def __aexit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return True


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def ticks(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            got = yield i
            if got:
                print("asend got", got)
    finally:
        print("ticks finally")


async def main():
    print(await chain(1), await asyncio.gather(chain(2), leaf(5), chain(3)))
    try:
        await failing(0)
    except ZeroDivisionError as e:
        print("caught", e)
    print(await Ticket())
    async with Manager() as m:
        print("inside", type(m).__name__)
        raise ValueError("swallowed")
    print([i async for i in ticks(3)], [j async for j in Countdown(3)])
    async for i in ticks(5):
        if i == 1:
            break
    agen = ticks(4)
    print(await agen.__anext__(), await agen.asend("hello"))
    try:
        await agen.athrow(KeyError("k"))
    except KeyError as e:
        print("athrow raised", e)
    agen2 = ticks(4)
    await agen2.__anext__()
    await agen2.aclose()
    for bad in (lambda: 5, lambda: Countdown):
        try:
            await bad()
        except TypeError as e:
            print("TypeError:", e)
    try:
        async for _ in 5:
            pass
    except TypeError as e:
        print("TypeError:", e)
    results = await asyncio.gather(failing(1), failing(0), return_exceptions=True)
    print(results)
    await failing(0)


asyncio.run(main())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 6 [12, 10, 18]
# CHECK-NEXT: caught integer division or modulo by zero
# CHECK-NEXT: ticket
# CHECK-NEXT: enter
# CHECK-NEXT: inside Manager
# CHECK-NEXT: exit ValueError
# CHECK-NEXT: ticks finally
# CHECK-NEXT: [0, 1, 2] [2, 1, 0]
# CHECK-NEXT: asend got hello
# CHECK-NEXT: ticks finally
# CHECK-NEXT: 0 1
# CHECK-NEXT: ticks finally
# CHECK-NEXT: athrow raised 'k'
# CHECK-NEXT: ticks finally
# CHECK-NEXT: TypeError: object int can't be used in 'await' expression
# CHECK-NEXT: TypeError: object type can't be used in 'await' expression
# CHECK-NEXT: TypeError: 'async for' requires an object with __aiter__ method, got int
# CHECK-NEXT: [1, ZeroDivisionError('integer division or modulo by zero')]
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}coroutines_compiled.py", line 111, in <module>
# CHECK-NEXT:     asyncio.run(main())
# CHECK-NEXT:   File "/usr/lib/python3.11/asyncio/runners.py", line 190, in run
# CHECK-NEXT:     return runner.run(main)
# CHECK-NEXT:            ^^^^^^^^^^^^^^^^
# CHECK-NEXT:   File "/usr/lib/python3.11/asyncio/runners.py", line 118, in run
# CHECK-NEXT:     return self._loop.run_until_complete(task)
# CHECK-NEXT:            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
# CHECK-NEXT:   File "/usr/lib/python3.11/asyncio/base_events.py", line 653, in run_until_complete
# CHECK-NEXT:     return future.result()
# CHECK-NEXT:            ^^^^^^^^^^^^^^^
# CHECK-NEXT:   File "{{.*}}coroutines_compiled.py", line 108, in main
# CHECK-NEXT:     await failing(0)
# CHECK-NEXT:   File "{{.*}}coroutines_compiled.py", line 29, in failing
# CHECK-NEXT:     return 1 // n
# CHECK-NEXT:            ~~^^~~
# CHECK-NEXT: ZeroDivisionError: integer division or modulo by zero
# CHECK-NEXT: [exit 1]
