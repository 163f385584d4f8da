# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def f():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
f()

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}exceptions_context_chain.py", line 8, in f
# CHECK-NEXT:     1 / 0
# CHECK-NEXT:     ~~^~~
# CHECK-NEXT: ZeroDivisionError: division by zero
# CHECK-EMPTY:
# CHECK-NEXT: During handling of the above exception, another exception occurred:
# CHECK-EMPTY:
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}exceptions_context_chain.py", line 11, in <module>
# CHECK-NEXT:     f()
# CHECK-NEXT:   File "{{.*}}exceptions_context_chain.py", line 10, in f
# CHECK-NEXT:     raise KeyError("during handling")
# CHECK-NEXT: KeyError: 'during handling'
# CHECK-NEXT: [exit 1]
