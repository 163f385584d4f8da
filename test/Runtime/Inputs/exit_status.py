# exit_status.py STATUS CMD...: runs CMD, succeeds only if it exits with STATUS (a negative
# STATUS: killed by that signal). Output passes through.
import subprocess
import sys

rc = subprocess.call(sys.argv[2:])
sys.exit(0 if rc == int(sys.argv[1]) else 1)
