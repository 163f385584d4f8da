# lit configuration of pyllc's test suite. Paths come from lit.site.cfg.py (CMake).
import os
import platform

import lit.formats

config.name = "pyllc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ir", ".py", ".pyasm", ".test", ".c"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.pyllc_obj_root, "test")

bindir = config.pyllc_bin_dir
config.substitutions.append(("%pyllc-opt", os.path.join(bindir, "pyllc-opt")))
config.substitutions.append(("%pyllc", os.path.join(bindir, "pyllc")))
config.substitutions.append(("%python", config.pyllc_python))
config.substitutions.append(
    ("%FileCheck", config.filecheck + " --enable-var-scope --dump-input=fail"))
config.substitutions.append(("%not", config.pyllc_python + " " +
                             os.path.join(config.test_source_root, "Inputs", "not.py")))
config.substitutions.append(("%srcroot", config.pyllc_src_root))

config.environment["PYTHONPATH"] = config.pyllc_pypkg_dir
config.environment["PYTHONHASHSEED"] = "0"
config.environment["PYTHONDONTWRITEBYTECODE"] = "1"
for var in ("HOME", "TMPDIR", "LANG", "LC_ALL"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# Sanitizer builds: LeakSanitizer cannot tell CPython's deliberate leaks at exit from ours.
config.environment["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=1"
config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"

if config.pyllc_py_version.startswith("3.11"):
    config.available_features.add("cpython-3.11")
if config.pyllc_asserts:
    config.available_features.add("asserts")
if platform.machine() in ("x86_64", "AMD64"):
    config.available_features.add("x86_64")
if config.pyllc_sanitize:
    config.available_features.add("sanitize")
    # The extension module is instrumented but python3.11 is not: the sanitizer runtimes
    # must be loaded first, or the module refuses to load.
    import subprocess
    libs = [subprocess.run([config.pyllc_c_compiler, "-print-file-name=" + lib],
                           capture_output=True, text=True).stdout.strip()
            for lib in ("libasan.so", "libubsan.so")]
    config.environment["LD_PRELOAD"] = " ".join(l for l in libs if os.path.isabs(l))
