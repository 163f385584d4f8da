"""Where the text of a pyllc.asm("...") call is in its Python file, so that errors in the
.pyasm code are reported at their own line and column of that file (pyllc.asm itself is
in C, lib/Runtime/module/rt_asm.c: it adds no frame to tracebacks)."""

import dis
import linecache


def _text_start(line, col0):
    """1-based column of the first character inside the string literal that starts at
    0-based UTF-8 offset col0 of the source line (after its prefix and quotes)."""
    raw = line.encode("utf-8")
    k = col0
    while k < len(raw) and chr(raw[k]) in "rRuUbBfF":
        k += 1
    quote = raw[k:k + 3]
    k += 3 if quote in (b'"""', b"'''") else 1
    return k + 1


def position(code, lasti, text):
    """(line, column, the file's source or None) of `text` passed to the call at
    instruction offset `lasti` of `code`; the call's line and column 1 when the code
    object has no position for the string."""
    line, col = None, 1
    for ins in dis.get_instructions(code):
        if ins.offset > lasti:
            break
        if ins.opname == "LOAD_CONST" and ins.argval == text and ins.positions:
            line, col0 = ins.positions.lineno, ins.positions.col_offset
            src = linecache.getline(code.co_filename, line) if line else ""
            col = _text_start(src, col0) if src and col0 is not None else 1
    if line is None:
        for start, end, lineno in code.co_lines():
            if start <= lasti < end and lineno:
                line = lineno
        line = line or code.co_firstlineno
    lines = linecache.getlines(code.co_filename)
    return line, col, "".join(lines) if lines else None
