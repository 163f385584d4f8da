# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class MyErr(Exception):
    pass
def f():
    try:
        {}["k"]
    except KeyError as e:
        raise MyErr("wrapped") from e
try:
    f()
except MyErr as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: MyErr('wrapped') KeyError('k') True
# CHECK-NEXT: [exit 0]
