# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import asyncio
async def boom():
    await asyncio.sleep(0)
    raise RuntimeError("async boom")
async def main():
    try:
        await boom()
    except RuntimeError as e:
        print("caught", e)
asyncio.run(main())

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: caught async boom
# CHECK-NEXT: [exit 0]
