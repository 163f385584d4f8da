/* pyllc_module.c - the `_pyllc` extension: the C half of the `pyllc` package.
 *
 * The Python half (lib/Runtime/python/pyllc) validates arguments and documents the API;
 * this file keeps the state that must outlive a call (whole-program mode, the fallbacks
 * recorded here) and turns rt_glue's answers into Python objects. Errors are Python
 * exceptions, never exit(): the host process is someone else's.
 *
 * Terms: a *fallback* is a code object that runs in the interpreter because pyllc could
 * not compile it, keyed "qualname (file:line)" with the reason; a *deopt* is compiled
 * code handing a running frame back to the interpreter, counted by reason. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "rt_glue.h"

typedef struct ModState {
  PyObject *fallbacks; /* dict "qualname (file:line)" -> reason, recorded by this module */
  long compiled;       /* functions compiled through pyllc.jit() */
  int enabled;         /* whole-program mode on */
  long threshold;      /* its threshold while enabled */
  int opt;             /* its optimisation level */
} ModState;

static ModState *state_of(PyObject *module) { return PyModule_GetState(module); }

/* "qualname (file:line)" of a code object: the key of pyllc.stats()["fallbacks"]. */
static PyObject *code_key(PyObject *code) {
  PyCodeObject *co = (PyCodeObject *)code;
  return PyUnicode_FromFormat("%U (%U:%d)", co->co_qualname, co->co_filename,
                              co->co_firstlineno);
}

static int check_function(PyObject *func, const char *who) {
  if (PyFunction_Check(func)) return 0;
  PyErr_Format(PyExc_TypeError, "%s expects a Python function, got %.200s", who,
               Py_TYPE(func)->tp_name);
  return -1;
}

static int check_opt(int opt) {
  if (opt >= 0 && opt <= 3) return 0;
  PyErr_Format(PyExc_ValueError, "opt must be 0, 1, 2 or 3, not %d", opt);
  return -1;
}

/* jit(func, opt) -> func: compiles now; a fallback is recorded, not raised. */
static PyObject *mod_jit(PyObject *module, PyObject *args) {
  PyObject *func;
  int opt;
  if (!PyArg_ParseTuple(args, "Oi:jit", &func, &opt)) return NULL;
  if (check_function(func, "pyllc.jit()") || check_opt(opt)) return NULL;
  ModState *st = state_of(module);
  PyObject *reason = NULL;
  int rc = rt_glue_compile(func, opt, &reason);
  if (rc < 0) return NULL;
  PyObject *key = code_key(PyFunction_GET_CODE(func));
  if (!key) {
    Py_XDECREF(reason);
    return NULL;
  }
  if (rc == 1) {
    st->compiled++;
    rc = PyDict_Contains(st->fallbacks, key);
    if (rc == 1) rc = PyDict_DelItem(st->fallbacks, key);
  } else {
    rc = PyDict_SetItem(st->fallbacks, key, reason);
  }
  Py_DECREF(key);
  Py_XDECREF(reason);
  if (rc < 0) return NULL;
  return Py_NewRef(func);
}

static PyObject *mod_is_compiled(PyObject *module, PyObject *func) {
  if (check_function(func, "pyllc.is_compiled()")) return NULL;
  int rc = rt_glue_is_compiled(func);
  if (rc < 0) return NULL;
  return PyBool_FromLong(rc);
}

static PyObject *mod_enable(PyObject *module, PyObject *args) {
  long threshold;
  int opt;
  if (!PyArg_ParseTuple(args, "li:enable", &threshold, &opt)) return NULL;
  if (threshold < 0) {
    PyErr_Format(PyExc_ValueError, "threshold must be >= 0, not %ld", threshold);
    return NULL;
  }
  if (check_opt(opt) || rt_glue_enable(threshold, opt)) return NULL;
  ModState *st = state_of(module);
  st->enabled = 1;
  st->threshold = threshold;
  st->opt = opt;
  Py_RETURN_NONE;
}

static PyObject *mod_disable(PyObject *module, PyObject *unused) {
  if (rt_glue_disable()) return NULL;
  state_of(module)->enabled = 0;
  Py_RETURN_NONE;
}

/* Sets d[key] = value (a new reference, stolen); -1 on error. */
static int set_new(PyObject *d, const char *key, PyObject *value) {
  if (!value) return -1;
  int rc = PyDict_SetItemString(d, key, value);
  Py_DECREF(value);
  return rc;
}

/* The raw statistics: the engine's counters merged with what this module recorded. The
 * Python half adds nothing but formatting. */
static PyObject *mod_stats(PyObject *module, PyObject *unused) {
  ModState *st = state_of(module);
  PyObject *d = rt_glue_engine_stats();
  if (!d) return NULL;
  PyObject *fallbacks = PyDict_GetItemString(d, "fallbacks");
  if (!fallbacks) {
    if (set_new(d, "fallbacks", PyDict_New())) goto fail;
    fallbacks = PyDict_GetItemString(d, "fallbacks");
  }
  if (PyDict_Update(fallbacks, st->fallbacks)) goto fail;
  PyObject *compiled = PyDict_GetItemString(d, "compiled");
  if (!compiled && set_new(d, "compiled", PyLong_FromLong(st->compiled))) goto fail;
  if (!PyDict_GetItemString(d, "deopts") && set_new(d, "deopts", PyDict_New())) goto fail;
  if (!PyDict_GetItemString(d, "compile_time_s")) {
    PyObject *t = Py_BuildValue("{sdsdsdsdsd}", "total", 0.0, "frontend", 0.0, "passes", 0.0,
                                "llvm_opt", 0.0, "codegen", 0.0);
    if (set_new(d, "compile_time_s", t)) goto fail;
  }
  if (!PyDict_GetItemString(d, "code_bytes") && set_new(d, "code_bytes", PyLong_FromLong(0)))
    goto fail;
  if (!PyDict_GetItemString(d, "jit_memory_bytes") &&
      set_new(d, "jit_memory_bytes", PyLong_FromLong(0)))
    goto fail;
  if (set_new(d, "enabled", PyBool_FromLong(st->enabled))) goto fail;
  if (set_new(d, "threshold", st->enabled ? PyLong_FromLong(st->threshold) : Py_NewRef(Py_None)))
    goto fail;
  return d;
fail:
  Py_DECREF(d);
  return NULL;
}

static PyObject *mod_dump(PyObject *module, PyObject *args) {
  PyObject *func;
  const char *stage;
  int opt;
  if (!PyArg_ParseTuple(args, "Osi:dump", &func, &stage, &opt)) return NULL;
  if (check_function(func, "pyllc.dump()") || check_opt(opt)) return NULL;
  if (strcmp(stage, "ir") && strcmp(stage, "llvm") && strcmp(stage, "asm")) {
    PyErr_Format(PyExc_ValueError, "stage must be 'ir', 'llvm' or 'asm', not '%s'", stage);
    return NULL;
  }
  return rt_glue_dump(func, stage, opt);
}

static PyObject *mod_exec_pyasm(PyObject *module, PyObject *args) {
  PyObject *filename, *text, *globals;
  int opt;
  if (!PyArg_ParseTuple(args, "UUO!i:exec_pyasm", &filename, &text, &PyDict_Type, &globals,
                        &opt))
    return NULL;
  if (check_opt(opt) || rt_glue_exec_pyasm(filename, text, globals, opt)) return NULL;
  Py_RETURN_NONE;
}

/* exec_module(module): the .pyasm loader's exec_module (a builtin, so that it adds no
 * frame). The body runs under importlib's _call_with_frames_removed, as a .py module's
 * does, so that a traceback out of the import shows the caller, then the .pyasm lines:
 * the interpreter trims that chain of importlib frames. Whole-program mode's level. */
static PyObject *mod_exec_module(PyObject *self, PyObject *module) {
  PyObject *spec = NULL, *loader = NULL, *origin = NULL, *text = NULL, *bootstrap = NULL;
  PyObject *run = NULL, *res = NULL;
  PyObject *globals = PyModule_Check(module) ? PyModule_GetDict(module) : NULL;
  if (!globals) {
    PyErr_SetString(PyExc_TypeError, "exec_module() expects a module");
    return NULL;
  }
  if (!(spec = PyObject_GetAttrString(module, "__spec__")) ||
      !(loader = PyObject_GetAttrString(spec, "loader")) ||
      !(origin = PyObject_GetAttrString(spec, "origin")) ||
      !(text = PyObject_CallMethod(loader, "get_source", "O", origin)) ||
      !(bootstrap = PyImport_ImportModule("importlib._bootstrap")) ||
      !(run = PyObject_GetAttrString(self, "exec_pyasm")))
    goto done;
  res = PyObject_CallMethod(bootstrap, "_call_with_frames_removed", "OOOOi", run, origin,
                            text, globals, state_of(self)->opt);
done:
  Py_XDECREF(spec);
  Py_XDECREF(loader);
  Py_XDECREF(origin);
  Py_XDECREF(text);
  Py_XDECREF(bootstrap);
  Py_XDECREF(run);
  return res;
}

/* asm(text): pyllc.asm itself (a builtin, so that it adds no frame). */
static PyObject *mod_asm(PyObject *module, PyObject *text) {
  return rt_asm(module, text, state_of(module)->opt);
}

static PyObject *mod_parts(PyObject *module, PyObject *unused) {
  RtParts p = rt_glue_parts();
  return Py_BuildValue("{sOsOsOsO}", "bytecode_frontend", p.bytecode_frontend ? Py_True : Py_False,
                       "pyasm_frontend", p.pyasm_frontend ? Py_True : Py_False, "lowering",
                       p.lowering ? Py_True : Py_False, "engine", p.engine ? Py_True : Py_False);
}

static PyMethodDef mod_methods[] = {
    {"jit", mod_jit, METH_VARARGS, "jit(func, opt) -> func: compile now (see pyllc.jit)"},
    {"is_compiled", mod_is_compiled, METH_O, "is_compiled(func) -> bool"},
    {"enable", mod_enable, METH_VARARGS, "enable(threshold, opt): whole-program mode on"},
    {"disable", mod_disable, METH_NOARGS, "disable(): whole-program mode off"},
    {"stats", mod_stats, METH_NOARGS, "stats() -> dict of counters (see pyllc.stats)"},
    {"dump", mod_dump, METH_VARARGS, "dump(func, stage, opt) -> str"},
    {"exec_pyasm", mod_exec_pyasm, METH_VARARGS,
     "exec_pyasm(filename, text, globals, opt): run a .pyasm file as a module body"},
    {"exec_module", mod_exec_module, METH_O,
     "exec_module(module): the .pyasm loader's exec_module (runs module.__spec__.origin)"},
    {"asm", mod_asm, METH_O,
     "asm(text): Python assembly (.pyasm) run in place inside a Python function, e.g.\n"
     "pyllc.asm(\"OP $total + $x -> $total\"): $x is the function's variable x, @x its\n"
     "global. Compiled to machine code once per call site; the code cannot RETURN, YIELD,\n"
     "define functions or classes, or use variables the function does not have. Bad\n"
     "code raises SyntaxError at its line and column of the Python file."},
    {"parts", mod_parts, METH_NOARGS, "parts() -> dict: which layers this build holds"},
    {NULL, NULL, 0, NULL},
};

static int mod_exec(PyObject *module) {
  ModState *st = state_of(module);
  st->fallbacks = PyDict_New();
  if (!st->fallbacks) return -1;
  st->opt = 2;
  if (PyModule_AddStringConstant(module, "version", PYLLC_VERSION) < 0) return -1;
  if (PyModule_AddStringConstant(module, "llvm_version", PYLLC_LLVM_VERSION) < 0) return -1;
  return 0;
}

static int mod_traverse(PyObject *module, visitproc visit, void *arg) {
  ModState *st = state_of(module);
  Py_VISIT(st->fallbacks);
  return 0;
}

static int mod_clear(PyObject *module) {
  ModState *st = state_of(module);
  Py_CLEAR(st->fallbacks);
  return 0;
}

static void mod_free(void *module) { mod_clear(module); }

static PyModuleDef_Slot mod_slots[] = {
    {Py_mod_exec, mod_exec},
    {0, NULL},
};

static struct PyModuleDef pyllc_moduledef = {
    PyModuleDef_HEAD_INIT,
    .m_name = "pyllc._pyllc",
    .m_doc = "pyllc's native half: the binding to the compiler and its execution engine.",
    .m_size = sizeof(ModState),
    .m_methods = mod_methods,
    .m_slots = mod_slots,
    .m_traverse = mod_traverse,
    .m_clear = mod_clear,
    .m_free = mod_free,
};

PyMODINIT_FUNC PyInit__pyllc(void) { return PyModuleDef_Init(&pyllc_moduledef); }
