# Ends on an uncaught KeyboardInterrupt (runner.test).
import atexit
atexit.register(print, "atexit ran")
print("before")
raise KeyboardInterrupt
