# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def main():
    print("main running", __name__)
if __name__ == "__main__":
    main()
print(__file__.endswith(".py"), type(__builtins__).__name__)

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: main running __main__
# CHECK-NEXT: True module
# CHECK-NEXT: [exit 0]
