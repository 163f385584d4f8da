# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
from dataclasses import dataclass, field
@dataclass(order=True)
class Item:
    price: float
    name: str = "x"
    tags: list = field(default_factory=list)
a = Item(3.0, "a"); b = Item(2.0)
print(a, sorted([a, b])[0], a == Item(3.0, "a"))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: Item(price=3.0, name='a', tags=[]) Item(price=2.0, name='x', tags=[]) True
# CHECK-NEXT: [exit 0]
