"""-m pkg.mod: run as __main__ through runpy, as python3.11 -m does."""
import sys

print("argv", sys.argv)
print("path0", sys.path[0])
print("name", __name__, "spec", __spec__.name, "package", __package__)
if "raise" in sys.argv:
    sys.stdout.flush()
    raise RuntimeError("from a module")
