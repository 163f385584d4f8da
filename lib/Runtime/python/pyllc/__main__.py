"""python3.11 -m pyllc [options] (script.py | -m module | -c command) [args...]

Runs a program as python3.11 would (sys.argv, sys.path[0], __main__, exit status,
stdout, stderr and tracebacks are the interpreter's) with pyllc's whole-program mode on.

options (before the program):
  --threshold N   compile a code object once calls + loop back-edges reach N
                  (default: $PYLLC_THRESHOLD or pyllc.DEFAULT_THRESHOLD; 0 = before the
                  first run of each code object)
  -O0 .. -O3      optimisation level (default -O2)
  --no-jit        run without whole-program mode (the .pyasm import hook stays)
  -h, --help      this text
"""

import os
import runpy
import signal
import sys
import types

import pyllc

_THIS_FILE = __file__


def _usage_error(msg):
    sys.stderr.write(f"usage: {sys.executable} -m pyllc [options] "
                     f"(script.py | -m module | -c command) [args...]\n"
                     f"{sys.executable} -m pyllc: error: {msg}\n")
    sys.exit(2)


def _parse(argv):
    """-> (threshold, opt, jit, kind, target, args); kind is 'script', 'module' or 'command'."""
    env = os.environ.get("PYLLC_THRESHOLD")
    threshold = pyllc.DEFAULT_THRESHOLD
    if env is not None:
        try:
            threshold = int(env)
        except ValueError:
            _usage_error(f"PYLLC_THRESHOLD must be an integer, not {env!r}")
    opt, jit = pyllc.DEFAULT_OPT, True
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            sys.stdout.write(__doc__)
            sys.exit(0)
        elif a == "--threshold" or a.startswith("--threshold="):
            if a == "--threshold":
                i += 1
                if i == len(argv):
                    _usage_error("--threshold needs a value")
                value = argv[i]
            else:
                value = a.partition("=")[2]
            try:
                threshold = int(value)
            except ValueError:
                _usage_error(f"--threshold needs an integer, not {value!r}")
        elif a in ("-O0", "-O1", "-O2", "-O3"):
            opt = int(a[2])
        elif a == "--no-jit":
            jit = False
        elif a in ("-m", "-c"):
            if i + 1 == len(argv):
                _usage_error(f"{a} needs an argument")
            kind = "module" if a == "-m" else "command"
            return threshold, opt, jit, kind, argv[i + 1], argv[i + 2:]
        elif a == "--":
            i += 1
            break
        elif a.startswith("-") and a != "-":
            _usage_error(f"unknown option {a!r}")
        else:
            break
        i += 1
    if i == len(argv):
        _usage_error("no program given")
    if threshold < 0:
        _usage_error(f"--threshold must be >= 0, not {threshold}")
    return threshold, opt, jit, "script", argv[i], argv[i + 1:]


def _fresh_main():
    """A new, empty __main__ module in sys.modules, as the interpreter makes at startup.
    The code of `-m pyllc` itself keeps running in the old one."""
    main = types.ModuleType("__main__")
    main.__dict__["__builtins__"] = __builtins__ if isinstance(__builtins__, types.ModuleType) \
        else sys.modules["builtins"]
    sys.modules["__main__"] = main
    return main


def _run_script(path, args):
    sys.argv[:] = [path] + args
    if os.path.isdir(path) or _is_zip(path):
        # A directory or zip with __main__.py: sys.path[0] is the path itself.
        if not sys.flags.safe_path:
            sys.path[0] = path
        _fresh_main()
        runpy._run_module_as_main("__main__", alter_argv=False)
        return
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as e:
        sys.stderr.write(f"{sys.executable}: can't open file {os.path.abspath(path)!r}: "
                         f"[Errno {e.errno}] {e.strerror}\n")
        sys.exit(2)
    if not sys.flags.safe_path:
        sys.path[0] = os.path.dirname(os.path.realpath(path))
    path = os.path.abspath(path)  # python3.11 runs the script under its absolute name
    code = compile(source, path, "exec", dont_inherit=True)
    main = _fresh_main()
    import importlib.machinery
    g = main.__dict__
    g.update(__file__=path, __cached__=None,
             __loader__=importlib.machinery.SourceFileLoader("__main__", path))
    exec(code, g)
    # python3.11 removes these once the script has run (Python/pythonrun.c).
    g.pop("__file__", None)
    g.pop("__cached__", None)


def _is_zip(path):
    import zipfile
    try:
        return os.path.isfile(path) and zipfile.is_zipfile(path)
    except OSError:
        return False


def _run_module(name, args):
    sys.argv[:] = [name] + args
    _fresh_main()
    runpy._run_module_as_main(name, alter_argv=True)


def _run_command(command, args):
    sys.argv[:] = ["-c"] + args
    if not sys.flags.safe_path:
        sys.path[0] = ""
    main = _fresh_main()
    exec(compile(command, "<string>", "exec", dont_inherit=True), main.__dict__)


def _strip_own_frames(tb):
    """The traceback without this file's frames: what python3.11 would have shown."""
    while tb is not None and tb.tb_frame.f_code.co_filename == _THIS_FILE:
        tb = tb.tb_next
    return tb


def main(argv):
    threshold, opt, jit, kind, target, args = _parse(argv)
    if jit:
        pyllc.enable(threshold, opt=opt)
    run = {"script": _run_script, "module": _run_module, "command": _run_command}[kind]
    try:
        run(target, args)
    except SystemExit:
        raise
    except BaseException as e:
        tb = _strip_own_frames(e.__traceback__)
        e.__traceback__ = tb
        sys.last_type, sys.last_value, sys.last_traceback = type(e), e, tb
        try:  # python3.11 flushes stdout before it prints the traceback (flush_io)
            sys.stdout.flush()
        except Exception:
            pass
        sys.excepthook(type(e), e, tb)
        interrupted = isinstance(e, KeyboardInterrupt)
        del e, tb
    else:
        return 0
    if interrupted:
        # python3.11 exits through SIGINT after an unhandled KeyboardInterrupt, so that
        # the shell sees the signal (Modules/main.c, exit_sigint).
        import atexit
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
