"""Checks that the bytecode front end's tests exercise every opcode of CPython 3.11.

    opcode_coverage.py TEST_DIR

Compiles every .py test of TEST_DIR (those that compile) and collects the opcodes of all
their code objects; opcodes that only .pyc files can carry are looked up by name in the
.test files that make those files. Prints the missing ones, or that none is missing.
"""
import dis
import opcode
import os
import sys
import types

# Opcodes the .py tests cannot produce, and the test that covers each.
ELSEWHERE = {
    "CACHE": "pyc-errors.test",        # a CACHE unit where an instruction should be
    "PRINT_EXPR": "pyc.test",          # interactive-mode code
}


def walk(co, seen):
    if 144 in co.co_code[::2]:
        seen.add("EXTENDED_ARG")
    for ins in dis.get_instructions(co):
        seen.add(ins.opname)
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, seen)


def main():
    root = sys.argv[1]
    seen = set()
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        if name.endswith(".py"):
            try:
                with open(path) as f:
                    walk(compile(f.read(), path, "exec"), seen)
            except SyntaxError:
                pass
    for op, test in ELSEWHERE.items():
        with open(os.path.join(root, test)) as f:
            if op in f.read():
                seen.add(op)
    missing = sorted(set(opcode.opmap) - seen)
    print("opcodes: %d of %d covered" % (len(opcode.opmap) - len(missing), len(opcode.opmap)))
    print("missing: " + (" ".join(missing) if missing else "none"))


main()
