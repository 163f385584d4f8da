"""Writes small .pyc files, good and bad, for the bytecode front end's tests.

    mkpyc.py KIND OUT [ARG]

Kinds: source (ARG: a .py file, compiled as exec), single (ARG: source text, compiled in
the interactive mode: PRINT_EXPR), manyconsts (a function with 300 constants:
EXTENDED_ARG), magic (ARG: a magic number: another Python's .pyc), short, crlf,
flags, garbage, notcode, and bytecode mutations of `def f(a): return a` named by
KIND: see MUTATIONS.
"""
import importlib.util
import marshal
import sys

MAGIC = importlib.util.MAGIC_NUMBER


def header(magic=MAGIC, flags=0):
    return magic + flags.to_bytes(4, "little") + bytes(8)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def pyc(code):
    return header() + marshal.dumps(code)


def base():
    src = "def f(a):\n    return a\n"
    mod = compile(src, "f.py", "exec")
    return mod, mod.co_consts[0]


def with_f(mod, f, **kw):
    f2 = f.replace(**kw)
    consts = tuple(f2 if c is f else c for c in mod.co_consts)
    return mod.replace(co_consts=consts)


def op(name, arg=0):
    import opcode
    return bytes([opcode.opmap[name], arg])


CACHE = op("CACHE")
# def f(a): return a  is  RESUME 0; LOAD_FAST 0; RETURN_VALUE
MUTATIONS = {
    # marshal writes unknown opcodes as CACHE: the NOP 0x77 marker is patched to 200 after
    "unknown-opcode": dict(co_code=op("RESUME") + op("NOP", 0x77) + op("LOAD_FAST")
                           + op("RETURN_VALUE")),
    "cache-as-instr": dict(co_code=op("RESUME") + CACHE + op("LOAD_FAST") + op("RETURN_VALUE")),
    "jump-out": dict(co_code=op("RESUME") + op("JUMP_FORWARD", 40) + op("LOAD_FAST")
                     + op("RETURN_VALUE")),
    "jump-into-cache": dict(co_code=op("RESUME") + op("JUMP_FORWARD", 2) + op("LOAD_FAST")
                            + op("BINARY_OP") + CACHE + op("RETURN_VALUE")),
    "const-range": dict(co_code=op("RESUME") + op("LOAD_CONST", 9) + op("RETURN_VALUE")),
    "local-range": dict(co_code=op("RESUME") + op("LOAD_FAST", 7) + op("RETURN_VALUE")),
    "name-range": dict(co_code=op("RESUME") + op("LOAD_GLOBAL", 10) + CACHE * 5
                       + op("RETURN_VALUE")),
    "underflow": dict(co_code=op("RESUME") + op("POP_TOP") + op("LOAD_FAST")
                      + op("RETURN_VALUE")),
    "fall-off-end": dict(co_code=op("RESUME") + op("LOAD_FAST") + op("POP_TOP")),
    "ext-arg-at-end": dict(co_code=op("RESUME") + op("LOAD_FAST") + op("RETURN_VALUE")
                           + op("EXTENDED_ARG", 1)),
    "cache-past-end": dict(co_code=op("RESUME") + op("LOAD_FAST") + op("LOAD_FAST")
                           + op("BINARY_OP") ),
    "depth-mismatch": dict(co_code=op("RESUME") + op("LOAD_FAST")
                           + op("POP_JUMP_FORWARD_IF_FALSE", 1) + op("LOAD_FAST")
                           + op("LOAD_FAST") + op("RETURN_VALUE")),
    "stacksize": dict(co_stacksize=0),
    "bad-exctable": dict(co_exceptiontable=bytes([0x80 | 1, 1, 60, 0])),
    "truncated-exctable": dict(co_exceptiontable=bytes([0x80 | 1, 0x41])),
    "swap-zero": dict(co_code=op("RESUME") + op("LOAD_FAST") + op("SWAP", 0)
                      + op("RETURN_VALUE")),
}


def main():
    kind, out = sys.argv[1], sys.argv[2]
    arg = sys.argv[3] if len(sys.argv) > 3 else None
    if kind == "source":
        with open(arg) as f:
            write(out, pyc(compile(f.read(), arg, "exec")))
    elif kind == "single":
        write(out, pyc(compile(arg, "<stdin>", "single")))
    elif kind == "manyconsts":
        body = " + ".join("%d.5" % i for i in range(300))
        write(out, pyc(compile("def many(a):\n    return a + " + body + "\n", "m.py", "exec")))
    elif kind == "magic":
        write(out, int(arg).to_bytes(2, "little") + b"\r\n" + bytes(12) + marshal.dumps(1))
    elif kind == "short":
        write(out, MAGIC[:3])
    elif kind == "crlf":
        write(out, MAGIC[:2] + b"\n\r" + bytes(12))
    elif kind == "flags":
        write(out, header(flags=4) + marshal.dumps(base()[0]))
    elif kind == "garbage":
        write(out, header() + b"\xe3\x00\x00\x00\x00garbage")
    elif kind == "notcode":
        write(out, header() + marshal.dumps((1, 2)))
    elif kind in MUTATIONS:
        mod, f = base()
        data = pyc(with_f(mod, f, **MUTATIONS[kind]))
        write(out, data.replace(op("NOP", 0x77), bytes([200, 0])))
    else:
        sys.exit("mkpyc: unknown kind " + kind)


main()
