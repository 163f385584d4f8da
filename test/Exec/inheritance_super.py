# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name + " jr")
print(Dog("rex").speak(), Puppy("rex").speak(), Puppy.__mro__[1].__name__)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: rex makes a sound (woof) rex jr makes a sound (woof) Dog
# CHECK-NEXT: [exit 0]
