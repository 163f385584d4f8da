# same.py A B: succeeds if files A and B are identical, else prints a unified diff and fails.
# (Used instead of lit's `diff`, an out-of-process builtin that leaves PYTHONPATH pointing at
# lit's own directory for the RUN lines after it: LLVM 19's TestRunner.py.)
import difflib
import sys

a, b = sys.argv[1:3]
with open(a, encoding="utf-8", errors="replace") as fa, \
        open(b, encoding="utf-8", errors="replace") as fb:
    la, lb = fa.readlines(), fb.readlines()
if la != lb:
    sys.stdout.writelines(difflib.unified_diff(la, lb, a, b))
    sys.exit(1)
