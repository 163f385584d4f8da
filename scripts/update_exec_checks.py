#!/usr/bin/python3.11
"""update_exec_checks.py TEST.py... - (re)writes the CHECK lines of execution tests.

Each test under test/Exec/ runs with python3.11 and with `pyllc --run`, and the two outputs
are diffed; the CHECK lines make the test fail as well when both are wrong the same way.
This script runs the program with /usr/bin/python3.11 (the oracle), and replaces the
trailing block of `# CHECK` lines with the output it printed and its exit status, the
paths of the test made into patterns. Read the result before committing it: the output
is only right if CPython is.
"""
import os
import re
import subprocess
import sys

MARK = "# ---- expected output (scripts/update_exec_checks.py) ----"


def pattern(line, path):
    out = []
    for piece in re.split(r"(0x[0-9a-f]+)", line):
        if re.fullmatch(r"0x[0-9a-f]+", piece):
            out.append("{{0x[0-9a-f]+}}")
            continue
        piece = piece.replace("{{", "{{[{][{]}}").replace("[[", "{{[[][[]}}")
        out.append(piece.replace(path, "{{.*}}" + os.path.basename(path)))
    return "".join(out)


def update(path):
    path = os.path.abspath(path)
    with open(path) as f:
        text = f.read()
    if MARK in text:
        text = text[: text.index(MARK)].rstrip("\n") + "\n"
    # The environment lit gives tests (test/lit.cfg.py): no PYTHONUNBUFFERED and the like,
    # which would change how stdout and stderr interleave; PYTHONPATH the build's package
    # (tests that `import pyllc`).
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1",
               PYTHONPATH=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                       "build", "python"))
    p = subprocess.run(["/usr/bin/python3.11", path], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, cwd=os.path.dirname(path), env=env)
    lines = p.stdout.decode().splitlines() + ["[exit %d]" % p.returncode]
    checks = [MARK]
    first = True
    for line in lines:
        if not line.strip():
            checks.append("# CHECK-EMPTY:" if not first else "# CHECK: {{^$}}")
        else:
            checks.append("# %s %s" % ("CHECK:" if first else "CHECK-NEXT:", pattern(line, path)))
        first = False
    with open(path, "w") as f:
        f.write(text + "\n" + "\n".join(checks) + "\n")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        update(arg)
