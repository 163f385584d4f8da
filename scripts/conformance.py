#!/usr/bin/env python3
"""Conformance: CPython's own test suite, plainly and compiled, module by module.

    scripts/conformance.py [--fast] [--jobs N] [--list FILE] [--pypkg DIR] [--opt N]
                           [--threshold N] [MODULE...]

Each module of scripts/conformance-modules.txt (or those named) runs twice with
/usr/bin/python3.11 -m test -v MODULE:
  plain     the interpreter alone;
  compiled  under `python3.11 -m pyllc --threshold 0`, so that every code object is
            compiled before its first run (what cannot be is counted as a fallback).
            `--threshold N` (N > 0) tests the tiers instead: baseline code, counting,
            and on-stack replacement into optimised code in the middle of loops.
The two runs must give the same result: the same module result in regrtest's summary
(OK, failed, skipped, environment changed, ...) and, test by test, the same outcome (ok,
FAIL, ERROR, skipped, expected failure, unexpected success). One line per module, then
`N passed, N failed` (a module passes when both runs agree). Exit status 0 when every
module agrees. `--fast` runs the first block of the list only (CI).

Compiling everything costs time (regrtest and unittest themselves are compiled too), so
`--batch N` runs N modules in one regrtest process per mode: the harness is compiled
once per batch, and each module's part of the output is compared on its own.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = "/usr/bin/python3.11"
TEST_LINE = re.compile(r"^(\w+) \(([\w.<>]+)\)(?:\n.*?)?(?: \.\.\. (.*))?$")
OUTCOME = re.compile(r"(?:^|\.\.\. )(ok|FAIL|ERROR|skipped\b.*|expected failure|"
                     r"unexpected success)$")
STAT = re.compile(r"^\s+(compiled|fallbacks|deopts):\s+(\d+)$", re.M)


def default_pypkg():
    """The first PYTHONPATH entry holding the pyllc package (lit sets it), else build/."""
    for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep):
        if entry and os.path.isfile(os.path.join(entry, "pyllc", "__init__.py")):
            return entry
    return os.path.join(ROOT, "build", "python")


def read_list(path, fast):
    mods = []
    for line in open(path, encoding="utf-8"):
        if fast and line.startswith("# --") and mods:
            break
        line = line.split("#", 1)[0].strip()
        if line:
            mods.append(line)
    return mods


def outcomes(text):
    """{test id: outcome} from unittest's verbose output."""
    result, pending = {}, None
    for line in text.splitlines():
        m = TEST_LINE.match(line)
        if m:
            test_id = f"{m.group(2)}.{m.group(1)}" if not m.group(2).endswith(m.group(1)) \
                else m.group(2)
            tail = m.group(3)
            if tail is None:
                pending = test_id
                continue
            o = OUTCOME.search(" ... " + tail)
            if o:
                result[test_id] = o.group(1).split()[0]
                pending = None
            else:
                pending = test_id  # output of the test itself came first
            continue
        if pending:
            o = OUTCOME.search(line)
            if o:
                result[pending] = o.group(1).split()[0]
                pending = None
    return result


SECTION = re.compile(r"^[0-9:]+ (?:load avg: [0-9.]+ )?\[\s*\d+/\d+(?:/\d+)?\] (test_\w+)", re.M)
SUMMARY_HEAD = re.compile(r"^(\d+ tests?|All \d+ tests?) (failed|skipped|altered the "
                          r"execution environment|ran no tests|failed again|"
                          r"skipped \(resource denied\)|interrupted)[^:]*:$")


def split_modules(text, modules):
    """{module: its part of regrtest's output}."""
    parts = {m: "" for m in modules}
    marks = [(mo.start(), mo.group(1)) for mo in SECTION.finditer(text)]
    for i, (start, name) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        if name in parts:
            parts[name] += text[start:end]
    return parts


def summary(text, modules):
    """{module: its result in regrtest's closing summary} ("OK" when not listed)."""
    result = {m: "OK" for m in modules}
    category = None
    for line in text.splitlines():
        m = SUMMARY_HEAD.match(line.strip())
        if m:
            category = m.group(2)
            continue
        if category and line.startswith("    "):
            for name in line.split():
                if name in result:
                    result[name] = category
            continue
        category = None
    return result


def run(module, compiled, pypkg, timeout, opt=0, threshold=0):
    cmd = [PYTHON]
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the plain run sees no pyllc
    if compiled:
        cmd += ["-m", "pyllc", "--threshold", str(threshold), f"-O{opt}"]
        env["PYTHONPATH"] = pypkg
        env["PYLLC_STATS"] = "1"
    batch = module.split()
    cmd += ["-m", "test", "-v"] + batch
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, errors="replace", timeout=timeout)
        status, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        status = "timeout"
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else ""
        err = ""
    seconds = time.monotonic() - start
    stats = dict((k, int(v)) for k, v in STAT.findall(err))
    parts = split_modules(out, batch) if len(batch) > 1 else {batch[0]: out}
    results = summary(out, batch) if len(batch) > 1 else {batch[0]: status}
    if status == "timeout":
        # The modules that finished keep their test outcomes ("finished" result); the one
        # that was running and those after it did not finish.
        seen = [mo.group(1) for mo in SECTION.finditer(out)]
        done = set(seen[:-1])
        results = {m: "finished" if m in done else "timeout" for m in batch}
    return {m: {"status": results[m], "tests": outcomes(parts[m]), "seconds": seconds,
                "stats": stats, "out": parts[m], "err": err} for m in batch}


def compare(batch, pypkg, timeout, logdir, opt, threshold):
    """Runs one batch of modules both ways; a list of (module, plain, jit, problems)."""
    name = " ".join(batch)
    plain_all = run(name, False, pypkg, timeout)
    jit_all = run(name, True, pypkg, timeout, opt, threshold)
    out = []
    for module in batch:
        plain, jit = plain_all[module], jit_all[module]
        problems = []
        if jit["status"] == "finished" and plain["status"] == "OK":
            pass  # its batch timed out later: the tests below decide
        elif plain["status"] != jit["status"]:
            problems.append(f"result {plain['status']} vs {jit['status']}")
        a, b = plain["tests"], jit["tests"]
        diff = sorted(t for t in set(a) | set(b) if a.get(t) != b.get(t))
        for t in diff[:10]:
            problems.append(f"{t}: {a.get(t, 'missing')} vs {b.get(t, 'missing')}")
        if len(diff) > 10:
            problems.append(f"... and {len(diff) - 10} more")
        if logdir:
            for mode, r in (("plain", plain), ("compiled", jit)):
                with open(os.path.join(logdir, f"{module}.{mode}.log"), "w") as f:
                    f.write(r["out"] + "\n--- stderr ---\n" + r["err"])
        out.append((module, plain, jit, problems))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("modules", nargs="*")
    ap.add_argument("--fast", action="store_true", help="the CI subset (first block)")
    ap.add_argument("--list", default=os.path.join(ROOT, "scripts", "conformance-modules.txt"))
    ap.add_argument("--pypkg", default=default_pypkg(),
                    help="the directory holding the built pyllc package "
                         "(default: from PYTHONPATH, else build/python)")
    ap.add_argument("--jobs", "-j", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=900, help="seconds per run")
    ap.add_argument("--logdir", help="keep both outputs of every module here")
    ap.add_argument("--batch", type=int, default=1, help="modules per regrtest process")
    ap.add_argument("--opt", type=int, default=0, choices=range(4),
                    help="optimisation level of the compiled run (default 0)")
    ap.add_argument("--threshold", type=int, default=0,
                    help="whole-program threshold of the compiled run (default 0: "
                         "everything compiled before it runs)")
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(args.pypkg, "pyllc", "__init__.py")):
        sys.exit(f"conformance: no pyllc package in {args.pypkg} (build it, or --pypkg)")
    mods = args.modules or read_list(args.list, args.fast)
    if args.logdir:
        os.makedirs(args.logdir, exist_ok=True)
    same = differ = unfinished = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        batches = [mods[i:i + max(1, args.batch)]
                   for i in range(0, len(mods), max(1, args.batch))]
        futures = [pool.submit(compare, b, args.pypkg, args.timeout, args.logdir, args.opt,
                               args.threshold)
                   for b in batches]
        results = (r for fut in futures for r in fut.result())
        for module, plain, jit, problems in results:
            st = jit["stats"]
            info = (f"{len(plain['tests'])} tests, result {plain['status']}, "
                    f"{plain['seconds']:.1f}s plain / {jit['seconds']:.1f}s compiled; "
                    f"compiled {st.get('compiled', '?')}, fallbacks {st.get('fallbacks', '?')}"
                    f", deopts {st.get('deopts', '?')}")
            if jit["status"] == "timeout":
                unfinished += 1
                print(f"TIMEOUT   {module}: {info}")
            elif problems:
                differ += 1
                print(f"DIFFERENT {module}: {info}")
                for p in problems:
                    print(f"    {p}")
            else:
                same += 1
                print(f"same      {module}: {info}")
            sys.stdout.flush()
    print(f"conformance: {len(mods)} modules, {same} same, {differ} different"
          + (f", {unfinished} not finished (timeout)" if unfinished else ""))
    print(f"{same} passed, {differ + unfinished} failed")
    return 0 if differ == 0 and unfinished == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
