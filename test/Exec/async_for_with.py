# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import asyncio
class Ticker:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
class ACM:
    async def __aenter__(self):
        print("aenter"); return "res"
    async def __aexit__(self, *a):
        print("aexit")
async def main():
    async with ACM() as r:
        print(r, [x async for x in Ticker(3)])
asyncio.run(main())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: aenter
# CHECK-NEXT: res [2, 1, 0]
# CHECK-NEXT: aexit
# CHECK-NEXT: [exit 0]
