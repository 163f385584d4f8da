"""refcheck.py - exact reference counts, checked with a debug CPython (python3.11d).

Runs each program five times inside one python3.11d process, once plain and once with
every code object compiled by pyllc before its first run, and reads
sys.gettotalrefcount() after each run (the module dict cleared, gc run). A program leaks
(or over-releases) in compiled code when every steady-state change (runs 2 to 5) of the
compiled process is above (below) every one of the interpreter's: the interpreter is the
reference, so caches and interned objects the program itself creates cancel out.

Needs the debug build: scripts/test.sh makes it (build-dbg, PYLLC_PYTHON=python3.11d).
Usage: python3.11 scripts/refcheck.py BUILD_DIR PROGRAM.py...
(PYLLC_REFCHECK_OPT: the level, 2 by default; PYLLC_REFCHECK_JOBS: programs at once.)
Prints one line per program and a last line `N passed, N failed`."""
import concurrent.futures
import os
import subprocess
import sys

DEBUG_PYTHON = "/usr/bin/python3.11d"
RUNS = 5

# The child: runs a program RUNS times and prints the refcount after each run.
CHILD = r"""
import gc, io, sys, threading
mode, prog = sys.argv[1], sys.argv[2]
with open(prog, encoding="utf-8") as f:
    src = f.read()
code = compile(src, prog, "exec")
if mode == "jit":
    import pyllc
    pyllc.enable(threshold=0, opt=int(sys.argv[3]))
counts = []
real_out, real_err = sys.stdout, sys.stderr
for _ in range(RUNS):
    g = {"__name__": "__main__", "__file__": prog, "__builtins__": __builtins__}
    sys.stdout = sys.stderr = io.StringIO()
    try:
        exec(code, g)
    except BaseException as e:
        e = None
    finally:
        sys.stdout, sys.stderr = real_out, real_err
    for t in threading.enumerate():  # a program's threads finish before the count
        if t is not threading.main_thread():
            t.join()
    g.clear()
    del g
    gc.collect()
    counts.append(sys.gettotalrefcount())
if mode == "jit":
    pyllc.disable()
print("REFCHECK", " ".join(map(str, counts)), flush=True)
""".replace("RUNS", str(RUNS))


# Per program and mode. direct_call_recursion.py recurses a million frames deep in
# python3.11d: ~10 s a run when idle, five runs, and several times that under load.
TIMEOUT = int(os.environ.get("PYLLC_REFCHECK_TIMEOUT", "900"))


def deltas(build, prog, mode, opt):
    env = dict(os.environ, PYTHONPATH=os.path.join(os.path.abspath(build), "python"),
               PYTHONHASHSEED="0")
    prog = os.path.abspath(prog)
    cmd = [DEBUG_PYTHON, "-c", CHILD, mode, prog, str(opt)]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT,
                           cwd=os.path.dirname(os.path.abspath(prog)))
    except subprocess.TimeoutExpired:
        # One slow program (a loaded machine, a hang) fails alone; the others still run.
        return None, [f"{mode} runs took over {TIMEOUT} s (PYLLC_REFCHECK_TIMEOUT)"]
    lines = [l for l in p.stdout.splitlines() if l.startswith("REFCHECK ")]
    if not lines:
        return None, (p.stderr or p.stdout).strip().splitlines()[-1:] or ["no output"]
    counts = [int(x) for x in lines[-1].split()[1:]]
    # The steady state: the changes between the later runs (the first compiles, fills
    # caches and interns).
    return [b - a for a, b in zip(counts[1:], counts[2:])], None


def check(build, prog, opt):
    """One program: (passed, report line)."""
    name = os.path.relpath(prog)
    want, err = deltas(build, prog, "interp", opt)
    got, err2 = (None, None) if err else deltas(build, prog, "jit", opt)
    if err or err2:
        return False, f"FAIL: {name}: {(err or err2)[0]}"
    # CPython's own caches (the type attribute cache keeps a reference to the names it
    # holds, in slots that depend on type versions) move the count by a little, in either
    # mode and not every run. A leak or an over-release moves it every run.
    if min(got) > max(want) or max(got) < min(want):
        return False, (f"FAIL: {name}: steady-state refcount deltas {got} compiled, "
                       f"{want} interpreted")
    return True, f"PASS: {name} (deltas {got})"


def main():
    build, progs = sys.argv[1], sys.argv[2:]
    opt = int(os.environ.get("PYLLC_REFCHECK_OPT", "2"))
    jobs = int(os.environ.get("PYLLC_REFCHECK_JOBS", os.cpu_count() or 1))
    passed = failed = 0
    # Each program runs in its own python3.11d processes: threads only wait for them.
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for ok, line in pool.map(lambda p: check(build, p, opt), progs):
            print(line, flush=True)
            passed += ok
            failed += not ok
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
