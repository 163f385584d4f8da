"""A program run by runner.test with python3.11 and with -m pyllc: output must match."""
import os
import sys

print("argv", sys.argv)
print("path0", sys.path[0])
print("name", __name__, "file", __file__, "spec", __spec__, "loader", type(__loader__).__name__)
print("main is this module", sys.modules["__main__"].__dict__ is globals())
print("doc", __doc__.split(":")[0])


def boom(x):
    return {"k": 1}[x]


if "exit" in sys.argv:
    sys.exit(int(sys.argv[-1]))
if "msg" in sys.argv:
    sys.exit("exiting with a message")
if "raise" in sys.argv:
    sys.stdout.flush()
    boom("missing")
if "stdin" in sys.argv:
    print("read", sys.stdin.read().strip())
print("cwd-relative", os.path.basename(os.getcwd()))
