"""Writes code objects in bytecode_fuzz.c's flat form: a seed corpus for the fuzzer.

    python3.11 fuzz/make_corpus.py OUT_DIR FILE.py|FILE.pyc...

Every code object of each file (nested ones included) becomes one file. The code units
are the unquickened bytecode (co_code), as in a .pyc.
"""
import marshal
import os
import struct
import sys
import types


def flat(co):
    # localsplus kinds as CPython 3.11 lays them out: locals (cells among the arguments
    # flagged both), the other cells, the free variables.
    kinds = bytearray()
    cells = set(co.co_cellvars)
    for name in co.co_varnames:
        kinds.append(0x20 | (0x40 if name in cells else 0))
    for name in co.co_cellvars:
        if name not in co.co_varnames:
            kinds.append(0x40)
    for _ in co.co_freevars:
        kinds.append(0x80)
    nlocals = len(kinds)
    hdr = struct.pack("<6H", len(co.co_consts), len(co.co_names), nlocals,
                      co.co_stacksize, len(co.co_exceptiontable), len(co.co_linetable))
    return hdr + bytes(kinds) + co.co_exceptiontable + co.co_linetable + co.co_code


def walk(co):
    yield co
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            yield from walk(c)


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".pyc"):
        return marshal.loads(data[16:])
    return compile(data, path, "exec")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    n = 0
    for path in sys.argv[2:]:
        try:
            mod = load(path)
        except (SyntaxError, ValueError, EOFError):
            continue
        for co in walk(mod):
            with open(os.path.join(out, "seed%05d" % n), "wb") as f:
                f.write(flat(co))
            n += 1
    print("make_corpus: %d code objects" % n)


main()
