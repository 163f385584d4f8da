# not.py - runs a command and succeeds only if it exits with status 1 (a clean error).
# A crash (signal) or any other status fails, so `%not %pyllc bad` catches segfaults.
import subprocess
import sys

rc = subprocess.call(sys.argv[1:])
sys.exit(0 if rc == 1 else 1)
