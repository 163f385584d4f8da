#!/usr/bin/python3.11
"""Regenerates the CHECK lines of the .pyasm front end's lit tests from pyllc's output,
as LLVM's update_test_checks.py does: the CHECK lines of a file are dropped, the program
is compiled, and new ones are inserted, with values and blocks captured ([[V3:%[0-9]+]])
and line numbers relative ([[#@LINE-4]]), so that editing a test does not break others.

  --ir    after each top-level DEF/CLASS, the IR of its functions (CHECK-LABEL,
          CHECK-SAME, CHECK-NEXT); the module body's at the end unless --no-module
  --diag  after the lines they point at, the diagnostics: message, source line, caret

A regenerated test pins down what the compiler does now: review the diff.

usage: scripts/update_pyasm_checks.py (--ir [--no-module] | --diag) FILE.pyasm...
       (PYLLC=path/to/pyllc, default build/bin/pyllc)
"""
import os
import re
import subprocess
import sys

PYLLC = os.environ.get("PYLLC", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                               "..", "build", "bin", "pyllc"))


def source_lines(path):
    """The file without its CHECK lines."""
    lines = open(path).read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [l for l in lines if not re.match(r"\s*#\s*CHECK", l)]


def compile_source(path, body):
    """Runs pyllc -emit-ir on the CHECK-less text (next to the file, for MACRO_IMPORT)."""
    tmp = path + ".tmp.pyasm"
    with open(tmp, "w") as f:
        f.write("\n".join(body) + "\n")
    try:
        r = subprocess.run([PYLLC, os.path.abspath(tmp), "-emit-ir"], capture_output=True,
                           text=True)
    finally:
        os.unlink(tmp)
    return tmp, r


def strip_braces(line):
    return re.sub(r'"([^"\\]|\\.)*"', "", line.split("#")[0])


def top_level_ends(body):
    """Line -> last line of the top-level statement containing it."""
    ends, depth, start = {}, 0, 1
    for i, l in enumerate(body, 1):
        if depth == 0:
            start = i
        for c in strip_braces(l):
            depth += c == "{"
            depth -= c == "}"
        if depth <= 0:
            depth = 0
            for k in range(start, i + 1):
                ends[k] = i
    return ends


def gen_ir(path, no_module):
    body = source_lines(path)
    tmp, r = compile_source(path, body)
    if r.returncode:
        sys.exit("%s: pyllc failed:\n%s" % (path, r.stderr))
    funcs = []  # [name, firstline, lines]
    for l in r.stdout.split("\n"):
        m = re.match(r'func @("[^"]*"|\S+)\(.*firstline=(\d+)', l)
        if m:
            funcs.append([m.group(1), int(m.group(2)), [l]])
        elif funcs and l.strip():
            funcs[-1][2].append(l)
    ends = top_level_ends(body)
    place = {}
    for f in funcs:
        if f[0] == '"<module>"':
            if no_module:
                continue
            at = len(body)
        else:
            at = ends.get(f[1], len(body))
        place.setdefault(at, []).append(f)
    base = "{{.*}}" + os.path.basename(path)
    out, newno = [], {}

    def rel(n, here):
        return "[[#@LINE-%d]]" % (here - newno[n]) if n in newno else str(n)

    for n, line in enumerate(body, 1):
        out.append(line)
        newno[n] = len(out)
        for f in place.get(n, []):
            vals, blocks = {}, {}

            def val(m):
                v = m.group(1)
                if v in vals:
                    return "[[%s]]" % vals[v]
                vals[v] = "V" + v
                return "[[%s:%%[0-9]+]]" % vals[v]

            def blk(m):
                b = m.group(1)
                if b in blocks:
                    return "[[%s]]" % blocks[b]
                blocks[b] = "BB" + b
                return "[[%s:bb[0-9]+]]" % blocks[b]

            for i, il in enumerate(f[2]):
                t = il.strip().replace(os.path.abspath(tmp), "@@FILE@@")
                if i == 0:
                    head, rest = t.split("(", 1)
                    out.append("# CHECK-LABEL: " + head + "(")
                    here = len(out) + 1
                    rest = re.sub(r"firstline=(\d+)",
                                  lambda m: "firstline=" + rel(int(m.group(1)), here), rest)
                    out.append("# CHECK-SAME: " + rest.replace("@@FILE@@", base))
                    continue
                here = len(out) + 1
                t = re.sub(r"!line (\d+)", lambda m: "!line " + rel(int(m.group(1)), here), t)
                t = re.sub(r"%(\d+)", val, t)
                t = re.sub(r"\bbb(\d+)\b", blk, t)
                out.append("# CHECK-NEXT: " + t.replace("@@FILE@@", base))
    return "\n".join(out) + "\n"


def gen_diag(path):
    body = source_lines(path)
    tmp, r = compile_source(path, body)
    lines = r.stderr.split("\n")
    diags, i = [], 0
    while i < len(lines):
        m = re.match(r"^.*?:(\d+):(\d+): (error|note|warning): (.*)$", lines[i])
        if m:
            src = lines[i + 1] if i + 1 < len(lines) else ""
            caret = lines[i + 2] if i + 2 < len(lines) else ""
            diags.append((int(m.group(1)), int(m.group(2)), m.group(3),
                          m.group(4).replace(os.path.abspath(tmp), "@@FILE@@"), src, caret))
            i += 3
        else:
            if lines[i].strip():
                sys.exit("%s: unexpected output: %s" % (path, lines[i]))
            i += 1
    # an error and its notes go after the last line they mention
    groups = []
    for d in diags:
        if d[2] != "note" or not groups:
            groups.append([])
        groups[-1].append(d)
    place, last = {}, 0
    for g in groups:
        at = max(max(x[0] for x in g), last)
        last = at
        place.setdefault(at, []).extend(g)
    out, newno, first = [], {}, True
    for n, line in enumerate(body, 1):
        out.append(line)
        newno[n] = len(out)
        for d in place.get(n, []):
            here = len(out) + 1
            msg = d[3].replace("{{", "{{[{][{]}}").replace("@@FILE@@", "{{.*}}")
            msg = msg.replace(os.path.dirname(os.path.abspath(tmp)) + "/", "{{.*}}")
            msg = re.sub(r"at line (\d+)",
                         lambda m: "at line [[#@LINE-%d]]" % (here - newno[int(m.group(1))]),
                         msg)
            msg = re.sub(r"\(line (\d+)\)",
                         lambda m: "(line [[#@LINE-%d]])" % (here - newno[int(m.group(1))]),
                         msg)
            out.append("# %s: {{.*}}.pyasm:[[#@LINE-%d]]:%d: %s: %s"
                       % ("CHECK" if first else "CHECK-NEXT", here - newno[d[0]], d[1], d[2],
                          msg))
            first = False
            src = d[4].replace("[[", "{{\\[\\[}}")
            out.append("# CHECK-NEXT: {{^}}%s{{$}}" % src if src.strip()
                       else "# CHECK-NEXT: {{^$}}")
            out.append("# CHECK-NEXT: {{^}}%s{{$}}" % d[5])
    return "\n".join(out) + "\n"


def main(argv):
    files = [a for a in argv[1:] if not a.startswith("--")]
    if not files or ("--ir" in argv) == ("--diag" in argv):
        sys.exit(__doc__)
    for f in files:
        text = gen_ir(f, "--no-module" in argv) if "--ir" in argv else gen_diag(f)
        with open(f, "w") as out:
            out.write(text)


if __name__ == "__main__":
    main(sys.argv)
