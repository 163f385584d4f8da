# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
def f():
    return [x for x in Countdown(4)]
print(f(), list(zip(Countdown(3), "abc")))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [3, 2, 1, 0] [(2, 'a'), (1, 'b'), (0, 'c')]
# CHECK-NEXT: [exit 0]
