#!/usr/bin/python3.11
"""stdlib_compile.py [--pyllc BIN] [-O LEVEL...] [-j N] [--every N] - compiles every stdlib module
/usr/lib/python3.11/*.py with `pyllc FILE -c -o OBJ --stats` and reports, per -O level,
how many files compiled to an object file, how many functions were compiled or left to
the interpreter (with the reasons), and the median and mean compile time per function
(lowering + LLVM optimisation + code generation, each function compiled alone).

Exit status 0 when every file compiled, 1 otherwise (the failures are listed).
"""
import argparse
import collections
import concurrent.futures
import glob
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

STAT = re.compile(r"pyllc: stats: (.*?):(\d+) (\S+): front [\d.]+ ms, passes [\d.]+ ms, "
                  r"lower ([\d.]+) ms, llvm-opt ([\d.]+) ms, codegen ([\d.]+) ms, "
                  r"object (\d+) bytes")
SKIP = re.compile(r"pyllc: stats: (.*?):(\d+) (\S+): not compiled \((.*)\)")


def compile_one(pyllc, path, level, outdir):
    obj = os.path.join(outdir, os.path.basename(path) + ".O%d.o" % level)
    t0 = time.monotonic()
    p = subprocess.run([pyllc, path, "-c", "-o", obj, "-O%d" % level, "--stats"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    wall = time.monotonic() - t0
    err = p.stderr.decode(errors="replace")
    ok = p.returncode == 0 and os.path.exists(obj) and os.path.getsize(obj) > 0
    if os.path.exists(obj):
        os.remove(obj)
    funcs = [(float(m[3]), float(m[4]), float(m[5]), int(m[6])) for m in STAT.findall(err)]
    skips = [m[3] for m in SKIP.findall(err)]
    first_error = next((l for l in err.splitlines() if "error" in l), err.strip()[-300:])
    return path, ok, wall, funcs, skips, first_error, p.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyllc", default=os.path.join(os.path.dirname(__file__), "..", "build",
                                                   "bin", "pyllc"))
    ap.add_argument("-O", dest="levels", type=int, action="append")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--every", type=int, default=1,
                    help="only every Nth file (a sample for before/after comparisons)")
    args = ap.parse_args()
    files = sorted(glob.glob("/usr/lib/python3.11/*.py"))
    files = files[:: max(args.every, 1)]
    if args.limit:
        files = files[: args.limit]
    failed_any = False
    with tempfile.TemporaryDirectory() as outdir:
        for level in args.levels or [0, 2]:
            results = []
            with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
                futs = [ex.submit(compile_one, args.pyllc, f, level, outdir) for f in files]
                for fut in concurrent.futures.as_completed(futs):
                    results.append(fut.result())
            results.sort()
            ok = [r for r in results if r[1]]
            bad = [r for r in results if not r[1]]
            funcs = [f for r in results for f in r[3]]
            skips = collections.Counter(s for r in results for s in r[4])
            totals = [sum(f[:3]) for f in funcs]
            print("-O%d: %d/%d files compiled to objects, %d functions compiled, %d left to "
                  "the interpreter" % (level, len(ok), len(results), len(funcs),
                                       sum(skips.values())))
            if totals:
                print("  per function: median %.2f ms, mean %.2f ms, p90 %.2f ms, max %.1f ms"
                      % (statistics.median(totals), statistics.mean(totals),
                         sorted(totals)[int(len(totals) * 0.9)], max(totals)))
                for i, name in enumerate(("lowering", "LLVM optimisation", "code generation")):
                    print("    %-18s median %.3f ms" % (name, statistics.median(f[i] for f in funcs)))
                print("  object code: median %d bytes per function, %d bytes in all"
                      % (statistics.median(f[3] for f in funcs), sum(f[3] for f in funcs)))
            for reason, n in skips.most_common(10):
                print("  not compiled: %5d  %s" % (n, reason))
            for r in bad:
                failed_any = True
                print("  FAILED %s (status %d): %s" % (r[0], r[6], r[5]))
    return 1 if failed_any else 0


if __name__ == "__main__":
    sys.exit(main())
