/* rt_glue.c - the `_pyllc` extension's binding to the front ends, passes, lowering and
 * execution engine (rt_glue.h).
 *
 * The layers of pyllc land one at a time. The extension links the whole of each static
 * library (--whole-archive, CMake) but refers to the layers' entry points weakly, so that
 * a build without, say, the bytecode front end still loads: the missing entry point is
 * NULL at run time and the feature answers with a clear error or a counted fallback
 * instead of an ImportError for the whole package. */
#include "rt_glue.h"

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

#pragma weak fe_func_from_code
#pragma weak fe_func_from_code_ex
#pragma weak pyasm_compile
#pragma weak pyasm_compile_ex
#pragma weak pyasm_compile_inline
#pragma weak pyasm_python_resolve
#pragma weak pyasm_sys_path_dirs
#pragma weak pyasm_free_dirs
#pragma weak pyasm_code_objects
#pragma weak ir_verify_module
#pragma weak ir_new_module
#pragma weak ir_free_module
#pragma weak ir_print_func
#pragma weak ir_run_passes
#pragma weak ir_default_pipeline


RtParts rt_glue_parts(void) {
  RtParts p = {0};
  p.bytecode_frontend = fe_func_from_code_ex != NULL && ir_new_module != NULL;
  p.pyasm_frontend = pyasm_compile != NULL;
  p.lowering = true; /* lower_emit_module: linked (lib/Lower landed) */
  p.engine = true; /* lower_rt_* (lib/Lower/engine.c) */
  return p;
}

/* ---- diagnostics -> Python exceptions ---------------------------------------------- */

/* Collects the diagnostics of one compilation: the first error's position for a
 * SyntaxError, and the text of all of them for other exceptions. */
typedef struct DiagCollector {
  char *text;   /* malloc'd "file:line:col: error: msg\n..." */
  size_t len;
  bool have_first;
  PyllcDiagInfo first; /* strings below are copies */
  char *first_file, *first_msg, *first_line;
} DiagCollector;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void collect_diag(void *ctx, const PyllcDiagInfo *info) {
  DiagCollector *c = ctx;
  static const char *const sev[] = {"error", "warning", "note"};
  char buf[1024];
  int n;
  if (info->file && info->line > 0)
    n = snprintf(buf, sizeof buf, "%s:%d:%d: %s: %s\n", info->file, info->line, info->col,
                 sev[info->severity], info->message);
  else
    n = snprintf(buf, sizeof buf, "%s: %s\n", sev[info->severity], info->message);
  if (n < 0) return;
  if ((size_t)n >= sizeof buf) n = sizeof buf - 1;
  char *grown = realloc(c->text, c->len + (size_t)n + 1);
  if (!grown) return;
  c->text = grown;
  memcpy(c->text + c->len, buf, (size_t)n + 1);
  c->len += (size_t)n;
  if (!c->have_first && info->severity == PYLLC_ERROR) {
    c->have_first = true;
    c->first = *info;
    c->first_file = dup_or_null(info->file);
    c->first_msg = dup_or_null(info->message);
    c->first_line = dup_or_null(info->source_line);
  }
}

static void collector_free(DiagCollector *c) {
  free(c->text);
  free(c->first_file);
  free(c->first_msg);
  free(c->first_line);
}

static PyllcDiag *new_collecting_diag(DiagCollector *c) {
  memset(c, 0, sizeof *c);
  PyllcDiag *d = pyllc_diag_new(NULL);
  pyllc_diag_set_sink(d, collect_diag, c);
  return d;
}

/* Raises RuntimeError("<what>:\n<diagnostics>"). */
static void raise_from_diags(const DiagCollector *c, const char *what) {
  PyErr_Format(PyExc_RuntimeError, "%s:\n%s", what, c->text ? c->text : "(no message)");
}

/* Raises SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)). */
static void raise_syntax_error(const DiagCollector *c, PyObject *filename) {
  if (!c->have_first) {
    raise_from_diags(c, "invalid .pyasm file");
    return;
  }
  PyObject *text = c->first_line ? PyUnicode_DecodeUTF8(c->first_line,
                                                        (Py_ssize_t)strlen(c->first_line),
                                                        "replace")
                                 : Py_NewRef(Py_None);
  if (!text) return;
  PyObject *args = Py_BuildValue("(s(OiiO))", c->first_msg ? c->first_msg : "invalid syntax",
                                 filename, c->first.line, c->first.col, text);
  Py_DECREF(text);
  if (!args) return;
  PyObject *exc = PyObject_Call(PyExc_SyntaxError, args, NULL);
  Py_DECREF(args);
  if (!exc) return;
  PyErr_SetObject(PyExc_SyntaxError, exc);
  Py_DECREF(exc);
}

/* ---- compilation of live functions -------------------------------------------------- */

/* Seconds in pyllc's IR passes, part of what the engine counts as its front end's time:
 * pyllc.stats() shows them apart. */
static double t_passes;

static int timed_passes(PyllcDiag *d, IrModule *m, int opt) {
  double t0 = pyllc_now();
  int rc = ir_run_passes(d, m, ir_default_pipeline(opt), false, NULL);
  t_passes += pyllc_now() - t0;
  return rc;
}

/* Code objects longer than this (in code units) are left to the interpreter. Compile
 * time and machine code grow with the length (about 0.5 KB of code and 1-3 ms of -O0 code
 * generation per instruction: every operation that may fail has its exit), and such code
 * is nearly always generated and run once: test_fstring evals a 65,000-expression f-string
 * whose module body took 90 s to compile into 35 MB. Of the 73,000 code objects of the
 * stdlib and its tests one is longer (lib2to3 test data); the longest function has 9,607. */
enum { MAX_CODE_UNITS = 16384 };

/* The engine's front-end callback: code object -> IR after the passes of `opt`. */
static IrFunc *front_end(PyObject *code, int opt, bool osr_entries, IrModule **m_out,
                         char **why) {
  Py_ssize_t units = Py_SIZE(code);
  if (units > MAX_CODE_UNITS) {
    char buf[96];
    snprintf(buf, sizeof buf, "too long to compile (%zd code units, the limit is %d)", units,
             (int)MAX_CODE_UNITS);
    *why = strdup(buf);
    return NULL;
  }
  DiagCollector c;
  PyllcDiag *d = new_collecting_diag(&c);
  const char *fname = PyUnicode_AsUTF8(((PyCodeObject *)code)->co_filename);
  IrModule *m = ir_new_module(fname ? fname : "?");
  PyErr_Clear();
  IrFunc *fn = fe_func_from_code_ex(d, m, code, osr_entries);
  if (fn && !pyllc_diag_errors(d) && timed_passes(d, m, opt) == 0) {
    *m_out = m;
  } else {
    /* The first error's message is the reason; its position is pyllc's, not the user's. */
    *why = strdup(c.first_msg ? c.first_msg : "the front end refused it");
    ir_free_module(m);
    fn = NULL;
  }
  PyErr_Clear();
  pyllc_diag_free(d);
  collector_free(&c);
  return fn;
}

static int ensure_engine(void) {
  RtParts parts = rt_glue_parts();
  if (!parts.bytecode_frontend || !ir_run_passes) {
    PyErr_SetString(PyExc_RuntimeError, "pyllc: this build has no bytecode front end");
    return -1;
  }
  return lower_rt_init(front_end);
}

static PyObject *fallback_key(PyObject *code) {
  PyCodeObject *co = (PyCodeObject *)code;
  return PyUnicode_FromFormat("%U (%U:%d)", co->co_qualname, co->co_filename,
                              co->co_firstlineno);
}

int rt_glue_compile(PyObject *func, int opt, PyObject **reason) {
  *reason = NULL;
  if (ensure_engine() < 0) return -1;
  PyObject *code = PyFunction_GET_CODE(func);
  int rc = lower_rt_compile(code, opt);
  if (rc != 0) return rc;
  PyObject *stats = lower_rt_stats();
  PyObject *key = fallback_key(code);
  if (stats && key) {
    PyObject *why = PyDict_GetItem(PyDict_GetItemString(stats, "fallbacks"), key);
    *reason = why ? Py_NewRef(why) : PyUnicode_FromString("not compiled (no reason given)");
  }
  Py_XDECREF(stats);
  Py_XDECREF(key);
  return *reason ? 0 : -1;
}

int rt_glue_is_compiled(PyObject *func) {
  return lower_rt_is_compiled(PyFunction_GET_CODE(func));
}

int rt_glue_enable(long threshold, int opt) {
  if (ensure_engine() < 0) return -1;
  lower_rt_set_threshold(threshold, opt);
  return 0;
}

int rt_glue_disable(void) {
  lower_rt_set_threshold(-1, 2);
  return 0;
}

/* The engine's counters, with the IR passes' time split from the front end's. */
PyObject *rt_glue_engine_stats(void) {
  PyObject *st = lower_rt_stats();
  PyObject *times = st ? PyDict_GetItemString(st, "compile_time_s") : NULL; /* borrowed */
  PyObject *front = times ? PyDict_GetItemString(times, "frontend") : NULL;
  if (!front) return st;
  double f = PyFloat_AsDouble(front) - t_passes;
  PyObject *fv = PyFloat_FromDouble(f > 0 ? f : 0.0), *pv = PyFloat_FromDouble(t_passes);
  if (!fv || !pv || PyDict_SetItemString(times, "frontend", fv) < 0 ||
      PyDict_SetItemString(times, "passes", pv) < 0)
    Py_CLEAR(st);
  Py_XDECREF(fv);
  Py_XDECREF(pv);
  return st;
}

/* ---- dump ----------------------------------------------------------------------------- */

/* Reads what `fill` wrote to a temporary file back as a str. */
static PyObject *read_back(FILE *f) {
  fflush(f);
  long n = ftell(f);
  if (n < 0) return PyErr_SetFromErrno(PyExc_OSError);
  char *buf = malloc((size_t)n + 1);
  if (!buf) return PyErr_NoMemory();
  rewind(f);
  size_t got = fread(buf, 1, (size_t)n, f);
  PyObject *s = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)got, "replace");
  free(buf);
  return s;
}

PyObject *rt_glue_dump(PyObject *func, const char *stage, int opt) {
  RtParts parts = rt_glue_parts();
  bool want_llvm = strcmp(stage, "ir") != 0;
  if (!parts.bytecode_frontend || !ir_print_func || !ir_run_passes ||
      (want_llvm && !parts.lowering)) {
    PyErr_Format(PyExc_NotImplementedError, "pyllc.dump(..., '%s'): this build has no %s yet",
                 stage,
                 !parts.bytecode_frontend ? "bytecode front end (lib/Frontend/bytecode)"
                 : want_llvm              ? "lowering (lib/Lower)"
                                          : "IR printer and passes (lib/IR)");
    return NULL;
  }
  PyObject *code = PyFunction_GetCode(func);
  if (!code) return NULL;
  PyObject *filename = ((PyCodeObject *)code)->co_filename;
  const char *fname = PyUnicode_AsUTF8(filename);
  if (!fname) return NULL;

  DiagCollector c;
  PyllcDiag *d = new_collecting_diag(&c);
  IrModule *m = ir_new_module(fname);
  PyObject *result = NULL;
  FILE *out = NULL;
  char path[] = "/tmp/pyllc-dump-XXXXXX";
  int fd = -1;

  IrFunc *fn = fe_func_from_code(d, m, code);
  if (!fn || pyllc_diag_errors(d)) {
    if (!PyErr_Occurred()) raise_from_diags(&c, "pyllc.dump: the front end refused it");
    goto done;
  }
  if (ir_run_passes(d, m, ir_default_pipeline(opt), false, NULL)) {
    raise_from_diags(&c, "pyllc.dump: the IR passes failed");
    goto done;
  }
  if (!want_llvm) {
    out = tmpfile();
    if (!out) {
      PyErr_SetFromErrno(PyExc_OSError);
      goto done;
    }
    ir_print_func(out, fn);
    result = read_back(out);
    goto done;
  }
  fd = mkstemp(path);
  if (fd < 0) {
    PyErr_SetFromErrno(PyExc_OSError);
    goto done;
  }
  LowerOptions lo = {.opt_level = opt, .only_func = fn->qualname ? fn->qualname : fn->name};
  LowerEmitKind kind = strcmp(stage, "llvm") == 0 ? LOWER_EMIT_LLVM : LOWER_EMIT_ASM;
  if (lower_emit_module(d, m, &lo, kind, path)) {
    raise_from_diags(&c, "pyllc.dump: lowering failed");
    goto done;
  }
  out = fdopen(fd, "r");
  if (!out) {
    PyErr_SetFromErrno(PyExc_OSError);
    goto done;
  }
  fd = -1;
  fseek(out, 0, SEEK_END);
  result = read_back(out);
done:
  if (out) fclose(out);
  if (fd >= 0) close(fd);
  if (want_llvm) unlink(path);
  ir_free_module(m);
  pyllc_diag_free(d);
  collector_free(&c);
  return result;
}

/* ---- .pyasm modules -------------------------------------------------------------------- */

/* A .pyasm function's code object raises its co_consts[0] (pyasm_code_objects) when the
 * engine did not compile it: make that exception say why, from the engine's fallbacks. */
static void explain_uncompiled(PyObject *code) {
  PyCodeObject *co = (PyCodeObject *)code;
  PyObject *stats = lower_rt_stats();
  PyObject *key = fallback_key(code);
  PyObject *fallbacks = stats ? PyDict_GetItemString(stats, "fallbacks") : NULL;
  PyObject *why = fallbacks && key ? PyDict_GetItemWithError(fallbacks, key) : NULL;
  PyObject *msg = PyUnicode_FromFormat(
      "pyllc: %U (%U:%d) was not compiled (%S), and a .pyasm function has no bytecode to "
      "interpret", co->co_qualname, co->co_filename, co->co_firstlineno, why ? why : Py_None);
  PyObject *exc = msg ? PyObject_CallOneArg(PyExc_NotImplementedError, msg) : NULL;
  Py_XDECREF(msg);
  /* The tuple is the new code object's own (nothing else has seen it yet). */
  if (exc && PyTuple_GET_SIZE(co->co_consts) > 0 && Py_REFCNT(co->co_consts) == 1 &&
      PyExceptionInstance_Check(PyTuple_GET_ITEM(co->co_consts, 0)))
    PyTuple_SetItem(co->co_consts, 0, Py_NewRef(exc));
  Py_XDECREF(exc);
  Py_XDECREF(key);
  Py_XDECREF(stats);
  PyErr_Clear();
}

/* .pyasm has no bytecode to fall back to: the module's functions are compiled before
 * the body runs (the code objects from pyasm_code_objects only carry line tables, for
 * tracebacks that point at the .pyasm file). Same order as `pyllc FILE.pyasm --run`:
 * front end, code objects, verifier, passes, engine. */
/* The options of a .pyasm compilation here: MACRO_IMPORT searches sys.path after the
 * file's folder (so that `MACRO_IMPORT pyllc.std` finds this package), and @!name is
 * the value in `globals` now. *dirs must be freed with pyasm_free_dirs. */
static PyasmOptions pyasm_options(PyObject *globals, char ***dirs, size_t *ndirs) {
  *dirs = pyasm_sys_path_dirs(NULL, ndirs);
  PyasmOptions po = {.import_dirs = (const char *const *)*dirs, .nimport_dirs = *ndirs,
                     .resolve = pyasm_python_resolve, .resolve_data = globals};
  return po;
}

static IrModule *compile_pyasm(PyllcDiag *d, const char *file, const char *src, size_t len,
                               PyObject *globals) {
  if (!pyasm_compile_ex || !pyasm_sys_path_dirs || !pyasm_python_resolve)
    return pyasm_compile(d, file, src, len);
  char **dirs;
  size_t ndirs;
  PyasmOptions po = pyasm_options(globals, &dirs, &ndirs);
  IrModule *m = pyasm_compile_ex(d, file, src, len, &po);
  pyasm_free_dirs(dirs, ndirs);
  return m;
}

/* Code objects for a compiled .pyasm module, then the verifier and the passes: a new
 * reference to the body's code object, or NULL with an exception ("<what>:" and the
 * diagnostics when none is set yet). */
static PyObject *prepare_pyasm_module(PyllcDiag *d, const DiagCollector *c, IrModule *m,
                                      int opt, const char *what) {
  PyObject *body = pyasm_code_objects(d, m);
  if (body && ir_verify_module(d, m) == 0 &&
      ir_run_passes(d, m, ir_default_pipeline(opt), false, NULL) == 0)
    return body;
  Py_XDECREF(body);
  if (!PyErr_Occurred()) raise_from_diags(c, what);
  return NULL;
}

int rt_glue_exec_pyasm(PyObject *filename, PyObject *text, PyObject *globals, int opt) {
  if (!pyasm_compile || !pyasm_code_objects) {
    PyErr_Format(PyExc_ImportError,
                 "cannot import %U: this build of pyllc has no .pyasm front end yet",
                 filename);
    return -1;
  }
  if (ensure_engine() < 0) return -1;
  const char *fname = PyUnicode_AsUTF8(filename);
  Py_ssize_t len;
  const char *src = PyUnicode_AsUTF8AndSize(text, &len);
  if (!fname || !src) return -1;
  DiagCollector c;
  PyllcDiag *d = new_collecting_diag(&c);
  pyllc_diag_add_source(d, fname, src, (size_t)len);
  IrModule *m = compile_pyasm(d, fname, src, (size_t)len, globals);
  PyObject *body = NULL;
  int rc = -1;
  if (!m || pyllc_diag_errors(d)) {
    raise_syntax_error(&c, filename);
    goto done;
  }
  body = prepare_pyasm_module(d, &c, m, opt, "pyllc: cannot compile the .pyasm module");
  if (!body) goto done;
  int left = lower_rt_compile_module(m, opt);
  for (uint32_t i = 1; left > 0 && i < m->nfuncs; i++)
    if (m->funcs[i] && !lower_rt_is_compiled(m->funcs[i]->origin))
      explain_uncompiled(m->funcs[i]->origin);
  if (left >= 0) rc = lower_rt_exec_module(m, globals, opt);
done:
  Py_XDECREF(body);
  if (m) ir_free_module(m);
  pyllc_diag_free(d);
  collector_free(&c);
  return rc;
}

/* ---- inline .pyasm (pyllc.asm) --------------------------------------------------------- */

PyObject *rt_glue_asm_code(PyObject *filename, PyObject *text, int line, int col,
                           PyObject *names, PyObject *cells, PyObject *file_text,
                           PyObject *globals, int opt) {
  if (!pyasm_compile_inline || !pyasm_code_objects || !pyasm_sys_path_dirs ||
      !pyasm_python_resolve) {
    PyErr_SetString(PyExc_NotImplementedError, "this build of pyllc has no .pyasm front end");
    return NULL;
  }
  if (ensure_engine() < 0) return NULL;
  Py_ssize_t len, flen = 0, n = PyTuple_GET_SIZE(names);
  const char *fname = PyUnicode_AsUTF8(filename);
  const char *src = PyUnicode_AsUTF8AndSize(text, &len);
  const char *ftext = file_text != Py_None ? PyUnicode_AsUTF8AndSize(file_text, &flen) : NULL;
  if (!fname || !src || (file_text != Py_None && !ftext)) return NULL;
  const char **cnames = PyMem_Calloc((size_t)n + 1, sizeof *cnames);
  bool *ccells = PyMem_Calloc((size_t)n + 1, sizeof *ccells);
  if (!cnames || !ccells) {
    PyMem_Free(cnames);
    PyMem_Free(ccells);
    return PyErr_NoMemory();
  }
  for (Py_ssize_t i = 0; i < n; i++) {
    cnames[i] = PyUnicode_AsUTF8(PyTuple_GET_ITEM(names, i));
    ccells[i] = PySequence_Contains(cells, PyTuple_GET_ITEM(names, i)) == 1;
  }
  PyObject *result = NULL, *body = NULL;
  DiagCollector c;
  PyllcDiag *d = new_collecting_diag(&c);
  char **dirs;
  size_t ndirs;
  PyasmOptions po = pyasm_options(globals, &dirs, &ndirs);
  PyasmInline in = {.filename = fname, .text = src, .len = (size_t)len, .line = line,
                    .col = col, .file_text = ftext, .file_len = (size_t)flen,
                    .names = cnames, .cells = ccells, .nnames = (uint32_t)n};
  IrModule *m = pyasm_compile_inline(d, &in, &po);
  pyasm_free_dirs(dirs, ndirs);
  if (!m || pyllc_diag_errors(d)) {
    raise_syntax_error(&c, filename);
    goto done;
  }
  body = prepare_pyasm_module(d, &c, m, opt, "pyllc.asm(): cannot compile the code");
  if (!body) goto done;
  if (lower_rt_compile_module(m, opt) < 0) goto done;
  if (!lower_rt_is_compiled(m->funcs[1]->origin)) /* calling it raises, saying why */
    explain_uncompiled(m->funcs[1]->origin);
  result = Py_NewRef(m->funcs[1]->origin);
done:
  Py_XDECREF(body);
  if (m) ir_free_module(m);
  pyllc_diag_free(d);
  collector_free(&c);
  PyMem_Free(cnames);
  PyMem_Free(ccells);
  return result;
}
