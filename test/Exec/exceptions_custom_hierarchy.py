# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class AppError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
class NotFound(AppError):
    pass
def lookup(k):
    if k != "ok":
        raise NotFound(404)
    return 1
for k in ["ok", "bad"]:
    try:
        print(lookup(k))
    except AppError as e:
        print(type(e).__name__, e.code, e)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: 1
# CHECK-NEXT: NotFound 404 code 404
# CHECK-NEXT: [exit 0]
