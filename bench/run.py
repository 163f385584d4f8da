"""bench/run.py - pyllc against the plain interpreter, measured side by side in one run.

For each program in bench/programs: run `python3.11 PROG` and `pyllc PROG --run`
alternately, N times each, check that both print the same, and report the best and
median wall time of each and the ratio (interpreter / pyllc: above 1 means faster).
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


def timed(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    return time.perf_counter() - t0, p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=5, help="runs of each side")
    ap.add_argument("--pyllc", default=os.path.join(ROOT, "build", "bin", "pyllc"))
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = args.names or sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))
    print(f"{'program':12} {'python3.11 s':>13} {'pyllc s':>9} {'ratio':>7}  note")
    worst = 0
    for name in names:
        prog = os.path.join(PROGRAMS, name + ".py")
        base, jit = [], []
        note = ""
        for _ in range(args.n):
            tb, pb = timed([PYTHON, prog])
            tj, pj = timed([args.pyllc, prog, "--run"])
            base.append(tb)
            jit.append(tj)
            if pj.returncode != pb.returncode or pj.stdout != pb.stdout:
                note = "OUTPUT DIFFERS"
                worst = 1
        mb, mj = statistics.median(base), statistics.median(jit)
        print(f"{name:12} {mb:13.3f} {mj:9.3f} {mb / mj:7.2f}  {note}")
    return worst


if __name__ == "__main__":
    sys.exit(main())
