"""bench/run.py - pyllc against the plain interpreter, measured side by side in one run.

For each program in bench/programs: run `python3.11 PROG`, `pyllc PROG --run` (every
function compiled before the program starts) and `python3.11 -m pyllc PROG` (whole-program
mode, as users run programs: baseline code, then optimised code at the threshold)
alternately, N times each, check that all print the same, and report the median wall
time of each and the ratios (interpreter / pyllc: above 1 means faster).
Run with /usr/bin/python3.11 bench/run.py [-n N] [names...]."""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "bench", "programs")
PYTHON = "/usr/bin/python3.11"


def timed(cmd, env=None):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return time.perf_counter() - t0, p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=5, help="runs of each side")
    ap.add_argument("--pyllc", default=os.path.join(ROOT, "build", "bin", "pyllc"))
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = args.names or sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))
    # The package next to the pyllc binary: build/bin/pyllc -> build/python.
    pkg = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.pyllc))), "python")
    env = dict(os.environ, PYTHONPATH=pkg)
    print(f"{'program':12} {'python3.11 s':>13} {'pyllc --run s':>14} {'ratio':>6} "
          f"{'-m pyllc s':>11} {'ratio':>6}  note")
    worst = 0
    for name in names:
        prog = os.path.join(PROGRAMS, name + ".py")
        base, jit, whole = [], [], []
        note = ""
        for _ in range(args.n):
            tb, pb = timed([PYTHON, prog])
            tj, pj = timed([args.pyllc, prog, "--run"])
            tw, pw = timed([PYTHON, "-m", "pyllc", prog], env)
            base.append(tb)
            jit.append(tj)
            whole.append(tw)
            for p in (pj, pw):
                if p.returncode != pb.returncode or p.stdout != pb.stdout:
                    note = "OUTPUT DIFFERS"
                    worst = 1
        mb, mj, mw = (statistics.median(t) for t in (base, jit, whole))
        print(f"{name:12} {mb:13.3f} {mj:14.3f} {mb / mj:6.2f} {mw:11.3f} {mb / mw:6.2f}  {note}")
    return worst


if __name__ == "__main__":
    sys.exit(main())
