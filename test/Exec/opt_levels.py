# The same program at every optimisation level: -O0 calls the helpers' native copies,
# -O1..-O3 inline their bitcode; all must print what python3.11 prints.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.o0 %pyllc -O0 --run %s
# RUN: %python %S/Inputs/run.py %t.o1 %pyllc -O1 --run %s
# RUN: %python %S/Inputs/run.py %t.o3 %pyllc -O3 --run %s
# RUN: diff %t.want %t.o0
# RUN: diff %t.want %t.o1
# RUN: diff %t.want %t.o3
# RUN: %FileCheck %s < %t.o0
class Acc:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
def work(n):
    a = Acc()
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        total += i * i - (i // 2)
        a.add(total % 11)
    fs = [f"{x:02d}" for x in a.items[:5]]
    d = {k: v for k, v in zip("abc", a.items)}
    try:
        a.items[1000]
    except IndexError as e:
        fs.append(str(e))
    return total, fs, d, 2 ** 70 + total, 1.5 * total
print(work(50))
def fail(x):
    return {"k": 1}[x]
fail("missing")

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: (26561, ['01', '04', '07', '08', '10', 'list index out of range'], {'a': 1, 'b': 4, 'c': 7}, 1180591620717411329985, 39841.5)
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}opt_levels.py", line 35, in <module>
# CHECK-NEXT:     fail("missing")
# CHECK-NEXT:   File "{{.*}}opt_levels.py", line 34, in fail
# CHECK-NEXT:     return {"k": 1}[x]
# CHECK-NEXT:            ~~~~~~~~^^^
# CHECK-NEXT: KeyError: 'missing'
# CHECK-NEXT: [exit 1]
