/* code.c - the bytecode front end's entry points: source text, .pyc files and live code
 * objects become IR functions (frontend.h).
 *
 * A code object gives an IrFunc: its metadata (arguments, flags, localsplus names and
 * kinds), its constant pool (nested code objects first become functions of their own,
 * referred to by IR_C_CODE constants), its names, and its body from decode.c + build.c.
 * The bytecode read is the live co_code_adaptive: for a fresh code object that is the
 * plain bytecode, for a warmed-up one it holds specialised opcodes, which the decoder maps
 * back to base opcodes (checked against CPython's own _PyOpcode_Deopt table here).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <marshal.h>
#define Py_BUILD_CORE 1
#define NEED_OPCODE_TABLES 1
#include <internal/pycore_opcode.h>
#undef NEED_OPCODE_TABLES
#undef Py_BUILD_CORE

#include <string.h>

#include "bytecode.h"
#include "pyllc/frontend.h"
#include "pyllc/support.h"

enum { MAX_NESTING = 200 };

typedef struct Ctx {
  PyllcDiag *d;
  IrModule *m;
  const char *filename;
  int nesting;
  bool keep_origin; /* the caller keeps the code objects alive */
  bool from_pyc;    /* no source text: lines go into messages */
  bool osr_entries; /* loop headers get dispatch landings (fe_func_from_code_ex) */
  double t_inner;   /* seconds spent in the functions nested in the one being built */
  const char *source; /* the file's text, when compiled from source */
  size_t nsource;
} Ctx;

static IrFunc *func_from_code(Ctx *x, PyCodeObject *co);

/* The current Python exception as text (cleared); "?" when none. */
static void exc_text(char *buf, size_t size) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  snprintf(buf, size, "?");
  if (value) {
    PyObject *s = PyObject_Str(value);
    const char *u = s ? PyUnicode_AsUTF8(s) : NULL;
    snprintf(buf, size, "%s: %s", ((PyTypeObject *)type)->tp_name, u ? u : "?");
    Py_XDECREF(s);
  }
  Py_XDECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(tb);
  PyErr_Clear();
}

/* UTF-8 (surrogatepass) copy of str object s into fn's arena; NULL (and an error) if s is
 * not a str. */
static const char *str_of(Ctx *x, IrFunc *fn, PyObject *s, size_t *len_out) {
  if (!PyUnicode_Check(s)) {
    pyllc_error(x->d, x->filename, 0, 0, "expected a str in the code object, got %s",
                Py_TYPE(s)->tp_name);
    return NULL;
  }
  PyObject *b = PyUnicode_AsEncodedString(s, "utf-8", "surrogatepass");
  if (!b) {
    char msg[256];
    exc_text(msg, sizeof msg);
    pyllc_error(x->d, x->filename, 0, 0, "cannot encode a string: %s", msg);
    return NULL;
  }
  size_t n = (size_t)PyBytes_GET_SIZE(b);
  const char *r = ir_strdup(fn->arena, PyBytes_AS_STRING(b), n);
  Py_DECREF(b);
  if (len_out)
    *len_out = n;
  return r;
}

/* Adds constant o (and what it contains) to fn's pool; UINT32_MAX on error. */
static uint32_t add_const(Ctx *x, IrFunc *fn, PyObject *o, int32_t src_index) {
  IrConst c;
  memset(&c, 0, sizeof c);
  c.src_index = src_index;
  if (o == Py_None) {
    c.kind = IR_C_NONE;
  } else if (o == Py_True) {
    c.kind = IR_C_TRUE;
  } else if (o == Py_False) {
    c.kind = IR_C_FALSE;
  } else if (o == Py_Ellipsis) {
    c.kind = IR_C_ELLIPSIS;
  } else if (PyLong_CheckExact(o)) {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    c.kind = IR_C_INT;
    if (overflow) {
      PyObject *s = PyObject_Str(o);
      if (!s) {
        char msg[256];
        exc_text(msg, sizeof msg);
        pyllc_error(x->d, x->filename, 0, 0, "cannot convert an int constant: %s", msg);
        return UINT32_MAX;
      }
      size_t n;
      c.u.str = str_of(x, fn, s, &n);
      c.n = (uint32_t)n;
      c.big = true;
      Py_DECREF(s);
    } else {
      c.u.i = v;
    }
  } else if (PyFloat_CheckExact(o)) {
    c.kind = IR_C_FLOAT;
    c.u.f = PyFloat_AS_DOUBLE(o);
  } else if (PyComplex_CheckExact(o)) {
    c.kind = IR_C_COMPLEX;
    c.u.c[0] = PyComplex_RealAsDouble(o);
    c.u.c[1] = PyComplex_ImagAsDouble(o);
  } else if (PyUnicode_CheckExact(o)) {
    size_t n;
    c.kind = IR_C_STR;
    c.u.str = str_of(x, fn, o, &n);
    if (!c.u.str)
      return UINT32_MAX;
    c.n = (uint32_t)n;
  } else if (PyBytes_CheckExact(o)) {
    c.kind = IR_C_BYTES;
    c.u.str = PyBytes_AS_STRING(o);
    c.n = (uint32_t)PyBytes_GET_SIZE(o);
  } else if (PyTuple_CheckExact(o) || PyFrozenSet_CheckExact(o)) {
    c.kind = PyTuple_CheckExact(o) ? IR_C_TUPLE : IR_C_FROZENSET;
    PyObject *seq = PySequence_Tuple(o);
    if (!seq) {
      PyErr_Clear();
      pyllc_error(x->d, x->filename, 0, 0, "cannot read a constant %s", Py_TYPE(o)->tp_name);
      return UINT32_MAX;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    uint32_t *items = IR_NEW_ARRAY(fn->arena, uint32_t, n + 1);
    for (Py_ssize_t k = 0; k < n; k++) {
      items[k] = add_const(x, fn, PyTuple_GET_ITEM(seq, k), -1);
      if (items[k] == UINT32_MAX) {
        Py_DECREF(seq);
        return UINT32_MAX;
      }
    }
    Py_DECREF(seq);
    c.u.items = items;
    c.n = (uint32_t)n;
  } else if (PyCode_Check(o)) {
    IrFunc *nested = func_from_code(x, (PyCodeObject *)o);
    if (!nested)
      return UINT32_MAX;
    c.kind = IR_C_CODE;
    c.u.func = nested->index;
  } else {
    pyllc_error(x->d, x->filename, 0, 0, "unsupported constant of type %s",
                Py_TYPE(o)->tp_name);
    return UINT32_MAX;
  }
  return ir_add_const(fn, c);
}

/* Fills fn's metadata, constants and names from co. */
static bool fill_func(Ctx *x, IrFunc *fn, PyCodeObject *co, uint32_t **const_map) {
  fn->qualname = str_of(x, fn, co->co_qualname, NULL);
  if (!fn->qualname)
    return false;
  fn->firstlineno = co->co_firstlineno;
  fn->argcount = (uint32_t)co->co_argcount;
  fn->posonlyargcount = (uint32_t)co->co_posonlyargcount;
  fn->kwonlyargcount = (uint32_t)co->co_kwonlyargcount;
  fn->flags = (uint32_t)co->co_flags;
  fn->stacksize = (uint32_t)co->co_stacksize;
  fn->origin = co;
  PyObject *names = co->co_localsplusnames, *kinds = co->co_localspluskinds;
  if (!PyTuple_Check(names) || !PyBytes_Check(kinds) ||
      PyTuple_GET_SIZE(names) != PyBytes_GET_SIZE(kinds)) {
    pyllc_error(x->d, x->filename, 0, 0, "inconsistent localsplus tables in code object %s",
                fn->qualname);
    return false;
  }
  fn->nlocalsplus = (uint32_t)PyTuple_GET_SIZE(names);
  fn->localnames = IR_NEW_ARRAY(fn->arena, const char *, fn->nlocalsplus + 1);
  fn->localkinds = IR_NEW_ARRAY(fn->arena, uint8_t, fn->nlocalsplus + 1);
  for (uint32_t i = 0; i < fn->nlocalsplus; i++) {
    fn->localnames[i] = str_of(x, fn, PyTuple_GET_ITEM(names, i), NULL);
    if (!fn->localnames[i])
      return false;
    fn->localkinds[i] = (uint8_t)PyBytes_AS_STRING(kinds)[i] &
                        (IR_LOCAL_PLAIN | IR_LOCAL_CELL | IR_LOCAL_FREE);
  }
  if (!PyTuple_Check(co->co_names) || !PyTuple_Check(co->co_consts)) {
    pyllc_error(x->d, x->filename, 0, 0, "malformed code object %s", fn->qualname);
    return false;
  }
  Py_ssize_t nnames = PyTuple_GET_SIZE(co->co_names);
  for (Py_ssize_t i = 0; i < nnames; i++) {
    const char *s = str_of(x, fn, PyTuple_GET_ITEM(co->co_names, i), NULL);
    if (!s)
      return false;
    if (ir_add_name(fn, s) != (uint32_t)i) {
      pyllc_error(x->d, x->filename, 0, 0, "duplicate name '%s' in co_names of %s", s,
                  fn->qualname);
      return false;
    }
  }
  Py_ssize_t nconsts = PyTuple_GET_SIZE(co->co_consts);
  *const_map = IR_NEW_ARRAY(fn->arena, uint32_t, nconsts + 1);
  for (Py_ssize_t i = 0; i < nconsts; i++) {
    (*const_map)[i] = add_const(x, fn, PyTuple_GET_ITEM(co->co_consts, i), (int32_t)i);
    if ((*const_map)[i] == UINT32_MAX)
      return false;
  }
  return true;
}

/* KW_NAMES must name a tuple of str constants: checked here, where constants are known. */
static bool check_kwnames(Ctx *x, const FeCode *c, const FeDecoded *dec, IrFunc *fn,
                          const uint32_t *const_map) {
  for (uint32_t i = 0; i < dec->ninstrs; i++) {
    const FeInstr *in = &dec->instrs[i];
    if (in->op != FE_KW_NAMES)
      continue;
    const IrConst *k = &fn->consts[const_map[in->arg]];
    bool ok = k->kind == IR_C_TUPLE;
    for (uint32_t j = 0; ok && j < k->n; j++)
      ok = fn->consts[k->u.items[j]].kind == IR_C_STR;
    if (!ok) {
      fe_error_at(x->d, c, in->unit, "KW_NAMES argument is not a tuple of strings");
      return false;
    }
  }
  return true;
}

static IrFunc *build_func(Ctx *x, PyCodeObject *co);

/* Whether the code names `asm` (a pyllc.asm() call may be there). */
static bool names_asm(PyCodeObject *co) {
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_names); i++) {
    PyObject *n = PyTuple_GET_ITEM(co->co_names, i);
    if (PyUnicode_Check(n) && PyUnicode_CompareWithASCIIString(n, "asm") == 0)
      return true;
  }
  return false;
}

/* build_func, timed: fn->t_front excludes the nested functions built on the way. */
static IrFunc *func_from_code(Ctx *x, PyCodeObject *co) {
  double t0 = pyllc_now(), outer_inner = x->t_inner;
  x->t_inner = 0;
  IrFunc *fn = build_func(x, co);
  double incl = pyllc_now() - t0;
  if (fn) fn->t_front = incl - x->t_inner;
  x->t_inner = outer_inner + incl;
  return fn;
}

static IrFunc *build_func(Ctx *x, PyCodeObject *co) {
  if (++x->nesting > MAX_NESTING) {
    pyllc_error(x->d, x->filename, 0, 0, "code objects nested more than %d deep",
                MAX_NESTING);
    x->nesting--;
    return NULL;
  }
  IrFunc *fn = NULL;
  if (!PyUnicode_Check(co->co_name)) {
    pyllc_error(x->d, x->filename, 0, 0, "code object without a name");
    goto fail;
  }
  const char *name = PyUnicode_AsUTF8(co->co_name);
  if (!name) {
    PyErr_Clear();
    name = "?";
  }
  fn = ir_new_func(x->m, name);
  uint32_t *const_map = NULL;
  if (!fill_func(x, fn, co, &const_map))
    goto fail;
  if (!PyBytes_Check(co->co_exceptiontable) || !PyBytes_Check(co->co_linetable)) {
    pyllc_error(x->d, x->filename, 0, 0, "malformed code object %s", fn->qualname);
    goto fail;
  }
  FeCode c = {
      .filename = x->filename,
      .code = (const uint8_t *)_PyCode_CODE(co),
      .ncode = (uint32_t)Py_SIZE(co),
      .exctable = (const uint8_t *)PyBytes_AS_STRING(co->co_exceptiontable),
      .nexctable = (size_t)PyBytes_GET_SIZE(co->co_exceptiontable),
      .linetable = (const uint8_t *)PyBytes_AS_STRING(co->co_linetable),
      .nlinetable = (size_t)PyBytes_GET_SIZE(co->co_linetable),
      .firstlineno = co->co_firstlineno,
      .nconsts = (uint32_t)PyTuple_GET_SIZE(co->co_consts),
      .nnames = fn->nnames,
      .nlocalsplus = fn->nlocalsplus,
      .stacksize = co->co_stacksize < 0 ? UINT32_MAX : (uint32_t)co->co_stacksize,
      .localkinds = fn->localkinds,
      .line_in_message = x->from_pyc,
      .osr_entries = x->osr_entries,
  };
  /* pyllc.asm("...") code is spliced in: MACRO_IMPORT searches sys.path, and `~m.!x`
   * is resolved now (`@!x` loads at run time: the globals are not known here) */
  char **dirs = NULL;
  size_t ndirs = 0;
  PyasmOptions asm_opts = {.resolve = pyasm_python_resolve};
  if (names_asm(co)) {
    dirs = pyasm_sys_path_dirs(NULL, &ndirs);
    asm_opts.import_dirs = (const char *const *)dirs;
    asm_opts.nimport_dirs = ndirs;
    c.asm_opts = &asm_opts;
    c.source = x->source;
    c.nsource = x->nsource;
  }
  FeDecoded dec;
  if (!fe_decode(x->d, &c, &dec)) {
    pyasm_free_dirs(dirs, ndirs);
    goto fail;
  }
  bool ok = check_kwnames(x, &c, &dec, fn, const_map) && fe_build(x->d, &c, &dec, fn, const_map);
  fe_decoded_free(&dec);
  pyasm_free_dirs(dirs, ndirs);
  if (!ok)
    goto fail;
  x->nesting--;
  return fn;
fail:
  x->nesting--;
  return NULL;
}

/* Base opcode of a quickened one by CPython's table must agree with opcodes_311.def. */
static bool deopt_table_agrees(void) {
  for (int op = 1; op < 256; op++) {
    if (!fe_op_info[op].name || op == FE_CACHE)
      continue;
    if (_PyOpcode_Deopt[op] != fe_op_info[op].base)
      return false;
    if (fe_op_info[op].is_base && _PyOpcode_Caches[op] != fe_op_info[op].caches)
      return false;
  }
  return true;
}

static IrModule *module_from_code(PyllcDiag *d, const char *filename, PyObject *code,
                                  bool keep_origin, bool from_pyc, const char *source,
                                  size_t nsource) {
  if (!deopt_table_agrees())
    PYLLC_DIE("opcodes_311.def disagrees with this CPython's _PyOpcode_Deopt");
  IrModule *m = ir_new_module(filename);
  Ctx x = {d, m, filename, 0, keep_origin, from_pyc, .source = source, .nsource = nsource};
  if (!func_from_code(&x, (PyCodeObject *)code) || pyllc_diag_errors(d)) {
    ir_free_module(m);
    return NULL;
  }
  if (!keep_origin)
    for (uint32_t i = 0; i < m->nfuncs; i++)
      m->funcs[i]->origin = NULL;
  return m;
}

/* A SyntaxError (or another compile error) as a diagnostic at its position. */
static void report_compile_error(PyllcDiag *d, const char *filename) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  int line = 0, col = 0;
  char msg[512];
  snprintf(msg, sizeof msg, "cannot compile");
  if (value && PyErr_GivenExceptionMatches(type, PyExc_SyntaxError)) {
    PyObject *o;
    if ((o = PyObject_GetAttrString(value, "lineno")) && PyLong_Check(o))
      line = (int)PyLong_AsLong(o);
    Py_XDECREF(o);
    if ((o = PyObject_GetAttrString(value, "offset")) && PyLong_Check(o))
      col = (int)PyLong_AsLong(o);
    Py_XDECREF(o);
    o = PyObject_GetAttrString(value, "msg");
    const char *u = o && PyUnicode_Check(o) ? PyUnicode_AsUTF8(o) : NULL;
    snprintf(msg, sizeof msg, "%s: %s", ((PyTypeObject *)type)->tp_name, u ? u : "?");
    Py_XDECREF(o);
    PyErr_Clear();
  } else if (value) {
    PyObject *s = PyObject_Str(value);
    const char *u = s ? PyUnicode_AsUTF8(s) : NULL;
    snprintf(msg, sizeof msg, "%s: %s", ((PyTypeObject *)type)->tp_name, u ? u : "?");
    Py_XDECREF(s);
    PyErr_Clear();
  }
  Py_XDECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(tb);
  pyllc_error(d, filename, line > 0 ? line : 0, line > 0 && col > 0 ? col : 0, "%s", msg);
}

IrModule *fe_module_from_source(PyllcDiag *d, const char *filename, const char *src,
                                size_t len, PyObject **code_out) {
  if (code_out)
    *code_out = NULL;
  char *text = malloc(len + 1);
  if (!text)
    PYLLC_DIE("out of memory");
  memcpy(text, src, len);
  text[len] = '\0';
  PyObject *code = NULL;
  if (strlen(text) != len) {
    pyllc_error(d, filename, 0, 0, "source code cannot contain null bytes");
  } else {
    code = Py_CompileStringExFlags(text, filename, Py_file_input, NULL, -1);
    if (!code)
      report_compile_error(d, filename);
  }
  free(text);
  if (!code)
    return NULL;
  IrModule *m = module_from_code(d, filename, code, code_out != NULL, false, src, len);
  if (m && code_out)
    *code_out = code;
  else
    Py_DECREF(code);
  return m;
}

/* CPython versions by .pyc magic number (Lib/importlib/_bootstrap_external.py). */
static const struct {
  unsigned lo, hi;
  const char *version;
} magic_versions[] = {
    {20121, 20121, "1.5"}, {50428, 50428, "1.6"}, {50823, 50823, "2.0"},
    {60202, 60202, "2.1"}, {60717, 60717, "2.2"}, {62011, 62021, "2.3"},
    {62041, 62061, "2.4"}, {62071, 62131, "2.5"}, {62151, 62161, "2.6"},
    {62171, 62211, "2.7"}, {3000, 3131, "3.0"},   {3141, 3151, "3.1"},
    {3160, 3180, "3.2"},   {3190, 3230, "3.3"},   {3250, 3310, "3.4"},
    {3320, 3351, "3.5"},   {3360, 3379, "3.6"},   {3390, 3399, "3.7"},
    {3400, 3419, "3.8"},   {3420, 3429, "3.9"},   {3430, 3449, "3.10"},
    {3450, 3494, "3.11 (a pre-release)"}, {3495, 3499, "3.11"},
    {3500, 3549, "3.12"},  {3550, 3599, "3.13"},  {3600, 3649, "3.14"},
    {3650, 3699, "3.15"},
};

static const char *version_of_magic(unsigned magic) {
  for (size_t i = 0; i < sizeof magic_versions / sizeof *magic_versions; i++)
    if (magic >= magic_versions[i].lo && magic <= magic_versions[i].hi)
      return magic_versions[i].version;
  return NULL;
}

IrModule *fe_module_from_pyc(PyllcDiag *d, const char *filename, const unsigned char *data,
                             size_t len, PyObject **code_out) {
  if (code_out)
    *code_out = NULL;
  if (len < 16) {
    pyllc_error(d, filename, 0, 0, "not a .pyc file: %zu bytes, shorter than the 16-byte "
                "header", len);
    return NULL;
  }
  long ours = PyImport_GetMagicNumber();
  unsigned magic = data[0] | (unsigned)data[1] << 8;
  unsigned our_magic = (unsigned)(ours & 0xFFFF);
  if (data[2] != '\r' || data[3] != '\n') {
    pyllc_error(d, filename, 0, 0, "not a .pyc file: bad magic number");
    return NULL;
  }
  if (magic != our_magic) {
    const char *v = version_of_magic(magic);
    if (v)
      pyllc_error(d, filename, 0, 0,
                  "this .pyc is for Python %s (magic number %u); pyllc reads Python 3.11 "
                  "(magic number %u)", v, magic, our_magic);
    else
      pyllc_error(d, filename, 0, 0,
                  "unknown .pyc magic number %u; pyllc reads Python 3.11 (magic number %u)",
                  magic, our_magic);
    return NULL;
  }
  uint32_t flags = data[4] | (uint32_t)data[5] << 8 | (uint32_t)data[6] << 16 |
                   (uint32_t)data[7] << 24;
  if (flags & ~3u) {
    pyllc_error(d, filename, 0, 0, "invalid .pyc flags 0x%x", flags);
    return NULL;
  }
  PyObject *code = PyMarshal_ReadObjectFromString((const char *)data + 16,
                                                  (Py_ssize_t)(len - 16));
  if (!code) {
    char msg[256];
    exc_text(msg, sizeof msg);
    pyllc_error(d, filename, 0, 0, "cannot read the .pyc's code object: %s", msg);
    return NULL;
  }
  if (!PyCode_Check(code)) {
    pyllc_error(d, filename, 0, 0, "the .pyc holds a %s, not a code object",
                Py_TYPE(code)->tp_name);
    Py_DECREF(code);
    return NULL;
  }
  IrModule *m = module_from_code(d, filename, code, code_out != NULL, true, NULL, 0);
  if (m && code_out)
    *code_out = code;
  else
    Py_DECREF(code);
  return m;
}

IrFunc *fe_func_from_code(PyllcDiag *d, IrModule *m, PyObject *code) {
  return fe_func_from_code_ex(d, m, code, false);
}

IrFunc *fe_func_from_code_ex(PyllcDiag *d, IrModule *m, PyObject *code, bool osr_entries) {
  if (!PyCode_Check(code)) {
    pyllc_error(d, NULL, 0, 0, "not a code object: %s", Py_TYPE(code)->tp_name);
    return NULL;
  }
  if (!deopt_table_agrees())
    PYLLC_DIE("opcodes_311.def disagrees with this CPython's _PyOpcode_Deopt");
  PyCodeObject *co = (PyCodeObject *)code;
  const char *filename = PyUnicode_Check(co->co_filename) ? PyUnicode_AsUTF8(co->co_filename)
                                                          : NULL;
  if (!filename) {
    PyErr_Clear();
    filename = "<code>";
  }
  filename = ir_strdup(m->arena, filename, strlen(filename));
  Ctx x = {d, m, filename, 0, true, false, osr_entries};
  uint32_t before = m->nfuncs;
  IrFunc *fn = func_from_code(&x, co);
  if (!fn) { /* leave m as it was: drop the functions made before the error */
    while (m->nfuncs > before)
      ir_free_func(m->funcs[--m->nfuncs]);
  }
  return fn;
}
