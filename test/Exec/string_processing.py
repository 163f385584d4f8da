# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def words(text):
    out = {}
    for w in text.lower().replace(",", " ").replace(".", " ").split():
        out[w] = out.get(w, 0) + 1
    return sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))
print(words("The cat, the dog. The end, cat."))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: [('the', 3), ('cat', 2), ('dog', 1), ('end', 1)]
# CHECK-NEXT: [exit 0]
