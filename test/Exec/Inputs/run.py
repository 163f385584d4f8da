# run.py OUT CMD... - runs CMD with stdout and stderr into one pipe (as `> OUT 2>&1`),
# writes what it printed to OUT followed by a line `[exit N]`, and always succeeds, so
# that a test can compare output *and* exit status of python3.11 and `pyllc --run`.
import subprocess
import sys

p = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
with open(sys.argv[1], "wb") as f:
    f.write(p.stdout)
    f.write(b"[exit %d]\n" % p.returncode)
