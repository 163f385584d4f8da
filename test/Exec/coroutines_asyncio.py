# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import asyncio
async def worker(name, n):
    total = 0
    for i in range(n):
        await asyncio.sleep(0)
        total += i
    return f"{name}:{total}"
async def main():
    return await asyncio.gather(worker("a", 3), worker("b", 5))
print(asyncio.run(main()))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ['a:3', 'b:10']
# CHECK-NEXT: [exit 0]
