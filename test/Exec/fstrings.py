# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(name, x):
    return f"{name}: {x:>8.3f} {x!r} {name!s:^7} {x:e} {{lit}} {len(name)=}"
print(f("pi", 3.14159265), f"{'nested ' + 'expr'}", f"{10:#x}|{255:08b}")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: pi:    3.142 3.14159265   pi    3.141593e+00 {lit} len(name)=2 nested expr {{0x[0-9a-f]+}}|11111111
# CHECK-NEXT: [exit 0]
