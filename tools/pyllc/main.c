/* pyllc - the command-line compiler.
 *
 *   pyllc FILE.{py,pyc,pyasm} [-emit-ir|-emit-llvm|-S|-c [-o F]|--run [args...]] [-O0..3]
 *
 * The driver: parse flags, start the embedded CPython (the .py front end compiles with it,
 * --run executes in it), run the front end chosen by the file's extension, verify the IR,
 * run pyllc's passes for the -O level, then print IR or hand the module to the lowering.
 * Every user error is a diagnostic and exit status 1; only this file calls exit(). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <libgen.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pyllc/diag.h"
#include "pyllc/frontend.h"
#include "pyllc/ir.h"
#include "pyllc/ir_passes.h"
#include "pyllc/lower.h"
#include "pyllc/support.h"

typedef enum Action { ACT_NONE, ACT_EMIT_IR, ACT_EMIT_LLVM, ACT_ASM, ACT_OBJ, ACT_RUN } Action;
typedef enum InputKind { IN_PY, IN_PYC, IN_PYASM } InputKind;

typedef struct Options {
  Action action;
  const char *input;
  const char *output;   /* -o */
  const char *passes;   /* --passes=..., overrides the -O pipeline for pyllc's IR passes */
  LowerOptions lower;
  bool no_verify;
  int run_argc;         /* --run: the program's sys.argv (input first) */
  char **run_argv;
} Options;

static const char usage[] =
    "usage: pyllc FILE.{py,pyc,pyasm} [action] [options] [--run [args...]]\n"
    "\n"
    "Compiles CPython 3.11 bytecode or Python assembly to machine code with LLVM.\n"
    "\n"
    "actions:\n"
    "  -emit-ir          print pyllc's SSA IR of every function\n"
    "  -emit-llvm        print the LLVM IR\n"
    "  -S                print x86-64 assembly\n"
    "  -c                write an object file (FILE.o, or -o)\n"
    "  --run [args...]   compile every function, then run the program with sys.argv =\n"
    "                    [FILE, args...]; output and exit status are python3.11's\n"
    "options:\n"
    "  -o FILE           output file ('-' for stdout)\n"
    "  -O0 -O1 -O2 -O3   optimisation level (default -O2; -emit-ir defaults to -O0)\n"
    "  --function NAME   only this function (by name or qualname)\n"
    "  --passes=A,B      run these pyllc IR passes instead of the -O pipeline\n"
    "  --verify-each     run the IR verifier after every pass\n"
    "  --no-verify       do not verify the front end's IR\n"
    "  --stats           print compile times per function and stage to stderr\n"
    "  --help, --version\n";

static void print_version(void) {
  printf("pyllc %s\n", PYLLC_VERSION);
  printf("  LLVM %s\n", PYLLC_LLVM_VERSION);
  printf("  CPython %s (built against %s)\n", PY_VERSION, PYLLC_PY_VERSION);
}

static bool has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Parses argv into *o; reports problems to d. Returns false on a usage error. */
static bool parse_args(PyllcDiag *d, int argc, char **argv, Options *o) {
  bool explicit_opt = false;
  o->lower.opt_level = 2;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(usage, stdout);
      exit(0);
    } else if (!strcmp(a, "--version")) {
      print_version();
      exit(0);
    } else if (!strcmp(a, "-emit-ir") || !strcmp(a, "--emit-ir")) {
      o->action = ACT_EMIT_IR;
    } else if (!strcmp(a, "-emit-llvm") || !strcmp(a, "--emit-llvm")) {
      o->action = ACT_EMIT_LLVM;
    } else if (!strcmp(a, "-S")) {
      o->action = ACT_ASM;
    } else if (!strcmp(a, "-c")) {
      o->action = ACT_OBJ;
    } else if (!strcmp(a, "-o")) {
      if (++i == argc) {
        pyllc_error(d, NULL, 0, 0, "-o needs a file name");
        return false;
      }
      o->output = argv[i];
    } else if (a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3]) {
      o->lower.opt_level = a[2] - '0';
      explicit_opt = true;
    } else if (!strcmp(a, "--function")) {
      if (++i == argc) {
        pyllc_error(d, NULL, 0, 0, "--function needs a name");
        return false;
      }
      o->lower.only_func = argv[i];
    } else if (!strncmp(a, "--passes=", 9)) {
      o->passes = a + 9;
    } else if (!strcmp(a, "--verify-each")) {
      o->lower.verify_each = true;
    } else if (!strcmp(a, "--no-verify")) {
      o->no_verify = true;
    } else if (!strcmp(a, "--stats")) {
      o->lower.stats = true;
    } else if (!strcmp(a, "--run")) {
      o->action = ACT_RUN;
      /* Everything after the input file belongs to the program. */
      if (!o->input) {
        if (++i == argc) {
          pyllc_error(d, NULL, 0, 0, "--run needs an input file");
          return false;
        }
        o->input = argv[i];
      }
      o->run_argc = argc - i;
      o->run_argv = argv + i;
      o->run_argv[0] = (char *)o->input;
      break;
    } else if (a[0] == '-' && a[1] != '\0') {
      pyllc_error(d, NULL, 0, 0, "unknown option '%s' (see --help)", a);
      return false;
    } else if (!o->input) {
      o->input = a;
    } else {
      pyllc_error(d, NULL, 0, 0, "more than one input file ('%s' and '%s')", o->input, a);
      return false;
    }
  }
  if (!o->input) {
    pyllc_error(d, NULL, 0, 0, "no input file (see --help)");
    return false;
  }
  if (o->action == ACT_NONE) {
    pyllc_error(d, NULL, 0, 0,
                "nothing to do: give -emit-ir, -emit-llvm, -S, -c or --run (see --help)");
    return false;
  }
  if (o->action == ACT_EMIT_IR && !explicit_opt) o->lower.opt_level = 0;
  return true;
}

static bool input_kind(PyllcDiag *d, const char *path, InputKind *k) {
  if (has_suffix(path, ".py")) *k = IN_PY;
  else if (has_suffix(path, ".pyc")) *k = IN_PYC;
  else if (has_suffix(path, ".pyasm")) *k = IN_PYASM;
  else {
    pyllc_error(d, path, 0, 0, "unknown kind of input: expected a .py, .pyc or .pyasm file");
    return false;
  }
  return true;
}

/* Starts the embedded CPython like `python3.11 FILE args...` would: Debian's stdlib, the
 * site module, sys.argv, and sys.path[0] = the script's folder. */
static bool start_python(PyllcDiag *d, const Options *o) {
  PyConfig config;
  PyConfig_InitPythonConfig(&config);
  config.parse_argv = 0;
  PyStatus st = PyConfig_SetBytesString(&config, &config.program_name, "/usr/bin/python3.11");
  if (!PyStatus_Exception(st) && o->run_argc > 0)
    st = PyConfig_SetBytesArgv(&config, o->run_argc, o->run_argv);
  if (!PyStatus_Exception(st)) st = Py_InitializeFromConfig(&config);
  PyConfig_Clear(&config);
  if (PyStatus_Exception(st)) {
    pyllc_error(d, NULL, 0, 0, "cannot start CPython: %s", st.err_msg ? st.err_msg : "?");
    return false;
  }
  if (o->action == ACT_RUN) {
    char *copy = strdup(o->input);
    char *real = copy ? realpath(dirname(copy), NULL) : NULL;
    PyObject *path = PySys_GetObject("path"); /* borrowed */
    PyObject *dir = real ? PyUnicode_DecodeFSDefault(real) : NULL;
    if (path && dir) PyList_Insert(path, 0, dir);
    Py_XDECREF(dir);
    free(real);
    free(copy);
    PyErr_Clear();
  }
  return true;
}

static int emit_ir(PyllcDiag *d, IrModule *m, const Options *o) {
  FILE *out = stdout;
  if (o->output && strcmp(o->output, "-") != 0) {
    out = fopen(o->output, "w");
    if (!out) {
      pyllc_error(d, o->output, 0, 0, "cannot write: %s", strerror(errno));
      return 1;
    }
  }
  if (o->lower.only_func) {
    IrFunc *fn = ir_find_func(m, o->lower.only_func);
    if (!fn) {
      pyllc_error(d, o->input, 0, 0, "no function named '%s'", o->lower.only_func);
      if (out != stdout) fclose(out);
      return 1;
    }
    ir_print_func(out, fn);
  } else {
    ir_print_module(out, m);
  }
  if (out != stdout && fclose(out) != 0) {
    pyllc_error(d, o->output, 0, 0, "cannot write: %s", strerror(errno));
    return 1;
  }
  return 0;
}

/* The output file of -c when no -o is given: FILE.o beside the input's name. */
static char *default_object_name(const char *input) {
  const char *base = strrchr(input, '/');
  base = base ? base + 1 : input;
  const char *dot = strrchr(base, '.');
  size_t n = dot ? (size_t)(dot - base) : strlen(base);
  char *s = malloc(n + 3);
  if (!s) PYLLC_DIE("out of memory");
  memcpy(s, base, n);
  memcpy(s + n, ".o", 3);
  return s;
}

/* A .pyasm file, MACRO_IMPORT searching the build's Python package folder (for
 * `pyllc.std`) and the embedded interpreter's sys.path after the file's own folder;
 * @!name and ~m.!name resolved by the embedded interpreter. */
static IrModule *compile_pyasm(PyllcDiag *d, const char *file, const char *text, size_t len) {
  size_t ndirs;
  char **dirs = pyasm_sys_path_dirs(PYLLC_PYTHON_DIR, &ndirs);
  /* @!name: __main__'s globals before the program runs; ~m.!name: imported now */
  PyObject *main_mod = PyImport_AddModule("__main__"); /* borrowed */
  PyasmOptions po = {.import_dirs = (const char *const *)dirs, .nimport_dirs = ndirs,
                     .resolve = pyasm_python_resolve,
                     .resolve_data = main_mod ? PyModule_GetDict(main_mod) : NULL};
  PyErr_Clear();
  IrModule *m = pyasm_compile_ex(d, file, text, len, &po);
  pyasm_free_dirs(dirs, ndirs);
  return m;
}

static int compile(PyllcDiag *d, Options *o) {
  InputKind kind;
  if (!input_kind(d, o->input, &kind)) return 1;
  size_t len = 0;
  char *text = pyllc_read_file(o->input, &len);
  if (!text) {
    pyllc_error(d, o->input, 0, 0, "cannot read: %s", strerror(errno));
    return 1;
  }
  pyllc_diag_add_source(d, o->input, text, len);
  /* python3.11 compiles a script under its absolute name (cwd + "/" + the name as given,
   * not normalised): tracebacks and __file__ show it, so --run does the same. */
  char *run_name = NULL;
  if (o->action == ACT_RUN && o->input[0] != '/') {
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd)) {
      run_name = malloc(strlen(cwd) + strlen(o->input) + 2);
      if (!run_name) PYLLC_DIE("out of memory");
      sprintf(run_name, "%s/%s", cwd, o->input);
      pyllc_diag_add_source(d, run_name, text, len);
    }
  }
  const char *fe_name = run_name ? run_name : o->input;
  if (!start_python(d, o)) {
    free(text);
    free(run_name);
    return 1;
  }

  int rc = 1;
  PyObject *code = NULL;
  IrModule *m = NULL;
  double t0 = pyllc_now();
  switch (kind) {
  case IN_PY: m = fe_module_from_source(d, fe_name, text, len, &code); break;
  case IN_PYC:
    m = fe_module_from_pyc(d, o->input, (const unsigned char *)text, len, &code);
    break;
  case IN_PYASM:
    m = compile_pyasm(d, o->input, text, len);
    if (m && o->action == ACT_RUN) code = pyasm_code_objects(d, m);
    break;
  }
  if (o->lower.stats)
    fprintf(stderr, "pyllc: front end: %.3f ms\n", (pyllc_now() - t0) * 1e3);
  if (!m || pyllc_diag_errors(d)) goto done;

  if (!o->no_verify && ir_verify_module(d, m) != 0) {
    pyllc_error(d, o->input, 0, 0, "the front end produced invalid IR (a pyllc bug)");
    goto done;
  }
  t0 = pyllc_now();
  const char *pipeline = o->passes ? o->passes : ir_default_pipeline(o->lower.opt_level);
  if (pipeline && *pipeline &&
      ir_run_passes(d, m, pipeline, o->lower.verify_each, NULL) != 0)
    goto done;
  if (o->lower.stats)
    fprintf(stderr, "pyllc: pyllc passes: %.3f ms\n", (pyllc_now() - t0) * 1e3);

  switch (o->action) {
  case ACT_EMIT_IR: rc = emit_ir(d, m, o); break;
  case ACT_EMIT_LLVM: rc = lower_emit_module(d, m, &o->lower, LOWER_EMIT_LLVM, o->output); break;
  case ACT_ASM: rc = lower_emit_module(d, m, &o->lower, LOWER_EMIT_ASM, o->output); break;
  case ACT_OBJ: {
    char *name = o->output ? NULL : default_object_name(o->input);
    rc = lower_emit_module(d, m, &o->lower, LOWER_EMIT_OBJ, o->output ? o->output : name);
    free(name);
    break;
  }
  case ACT_RUN:
    if (!code) {
      pyllc_error(d, o->input, 0, 0, "--run of this kind of input is not supported yet");
      break;
    }
    rc = lower_run_main(d, m, &o->lower, code, o->run_argc, o->run_argv);
    break;
  case ACT_NONE: break;
  }
  if (rc != 0 && o->action != ACT_RUN && pyllc_diag_errors(d) == 0) rc = 1;
done:
  Py_XDECREF(code);
  if (m) ir_free_module(m);
  if (pyllc_diag_errors(d) && rc == 0) rc = 1;
  /* --run's program may exit with any status; compile errors are always 1. */
  if (Py_IsInitialized() && Py_FinalizeEx() < 0 && rc == 0) rc = 120;
  if (rc == -SIGINT) {
    /* An uncaught KeyboardInterrupt: die by SIGINT as python3.11 does. */
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
    rc = 130;
  }
  free(text);
  free(run_name);
  return rc;
}

int main(int argc, char **argv) {
  PyllcDiag *d = pyllc_diag_new(stderr);
  pyllc_diag_set_limit(d, 20);
  Options o = {0};
  int rc = parse_args(d, argc, argv, &o) ? compile(d, &o) : 1;
  pyllc_diag_free(d);
  return rc;
}
