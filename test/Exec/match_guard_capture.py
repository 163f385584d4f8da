# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as d]: return "going " + d
        case ["take", item] if item != "rock": return "took " + item
        case ["take", _]: return "too heavy"
        case [verb, *_]: return "unknown " + verb
print([f(c) for c in ["go north", "take key", "take rock", "dance now"]])

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ['going north', 'took key', 'too heavy', 'unknown dance']
# CHECK-NEXT: [exit 0]
