# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
try:
    e = ValueError("base")
    e.add_note("a note")
    raise e
except ValueError as err:
    print(err.__notes__, repr(err))
raise TypeError("with note")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ['a note'] ValueError('base')
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}exception_notes_and_repr.py", line 12, in <module>
# CHECK-NEXT:     raise TypeError("with note")
# CHECK-NEXT: TypeError: with note
# CHECK-NEXT: [exit 1]
