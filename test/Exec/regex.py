# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
import re
def f(text):
    return re.findall(r"\d+", text), re.sub(r"(\w+)@(\w+)", r"\2 at \1", text)
print(f("mail bob@host 12 and 345"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (['12', '345'], 'mail host at bob 12 and 345')
# CHECK-NEXT: [exit 0]
