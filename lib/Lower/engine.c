/* engine.c - the execution engine: ORC LLJIT inside CPython, entered through PEP 523.
 *
 *   compile   each IrFunc gets its own LLVM context and module (lower.c), optimised here,
 *             then added to the JIT under its own resource tracker and looked up (which
 *             generates the code). The function's object table is filled with the Python
 *             objects it names (strong references owned by the record).
 *   find      the record of a code object hangs off co_extra (_PyCode_SetExtra, an index
 *             from _PyEval_RequestCodeExtraIndex). When CPython frees the code object it
 *             calls free_record, which removes the tracker: the machine code and its module
 *             go with the code object.
 *   enter     eval_hook, installed with _PyInterpreterState_SetEvalFrameFunc, calls the
 *             record's entry for frames of compiled code objects; anything else (no record,
 *             throwflag, tracing) runs _PyEval_EvalFrameDefault. Compiled code calls other
 *             code through PyObject_Vectorcall, which comes back through the hook.
 *   fallback  a function that cannot be compiled (generator, unsupported op) is left to the
 *             interpreter and recorded with its reason; deopts are counted by reason.
 *
 * Symbols: CPython's come from the process (a search generator: Debian's python3.11 exports
 * its C API); the runtime's native helpers are defined as absolute symbols, since the
 * extension that will host this engine is loaded RTLD_LOCAL. Code memory is W^X: JITLink's
 * in-process memory manager maps code read+execute only once it is linked.
 *
 * Globals: CPython's hook gets no context pointer and co_extra's free function neither, so
 * the extra index and the one active engine are process-wide (one engine per interpreter).
 */
#define PY_SSIZE_T_CLEAN
#define Py_BUILD_CORE 1
#include <Python.h>
#include <opcode.h>
#include <internal/pycore_code.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_pystate.h>

#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Object.h>
#include <llvm-c/Orc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower_internal.h"
#include "pyllc/lower.h"
#include "pyllc/support.h"
#include "rt_abi.h"
#include "rt_inline_syms.h"

/* The inline helpers' native copies (their real prototypes are in rt_inline.c; only their
 * addresses are taken here, for -O0 code that calls instead of inlining). */
#define RT_DECLARE(n) void n(void);
RT_INLINE_LIST(RT_DECLARE)
#undef RT_DECLARE

typedef struct LowerEngine LowerEngine;

/* One compiled code object. Owned by the code object's co_extra slot. */
typedef struct CodeRec {
  RtCompiled rt;                 /* first: the entry point, found by rt_call_function */
  LowerEngine *eng;
  PyObject *code;                /* borrowed: the record dies with it */
  LLVMOrcResourceTrackerRef tracker;
  PyObject **objs;               /* the object table in JIT memory; strong references */
  uint64_t mapped_bytes;         /* JIT memory of its object (page-rounded segments) */
  uint32_t nobjs;
  bool baseline;                 /* -O0 code counting calls and back-edges (OSR) */
  int64_t *budget;               /* baseline: its `.budget` global in JIT memory */
  struct CodeRec *replaced;      /* code this record ran before (a baseline, kept: its
                                    frames may still run); not attached, freed with it */
  struct CodeRec *prev, *next;   /* the engine's list of live records */
} CodeRec;

struct LowerEngine {
  LowerOptions opts;
  PyllcDiag *diag;
  LLVMOrcLLJITRef jit;
  LLVMOrcJITDylibRef jd;
  CodeRec *recs;
  long next_tag;                 /* makes symbols unique in the JITDylib */
  uint64_t deopts[RT_DEOPT__COUNT];
  uint64_t calls[RT_CALL__COUNT]; /* calls of compiled functions from compiled code */
  /* statistics */
  uint32_t ncompiled, nfallback;
  double t_lower, t_opt, t_codegen;
  uint64_t code_bytes;           /* .text bytes of every object linked, ever */
  PyObject *fallbacks;           /* {"qualname (file:line)": reason} */
  char last_why[160];            /* the reason of the last fallback */
  bool installed;                /* the PEP 523 hook is ours */
  _PyFrameEvalFunction saved;    /* the evaluator before install */
};

static LowerEngine *active_engine;

static const char *const deopt_names[RT_DEOPT__COUNT] = {
    "guard", "eval-breaker", "entry", "exception", "throw", "resume", "tracing"};

/* ---- the hook ----------------------------------------------------------------------- */

/* throw() and close() resume a generator with throwflag set: the interpreter runs that
 * resumption (counted when the code is compiled); the next one is compiled again. */
static PyObject *eval_hook(PyThreadState *ts, _PyInterpreterFrame *frame, int throwflag) {
  RtCompiled *rec = rt_compiled_record(frame->f_code);
  if (throwflag) {
    if (rec) rt_note_deopt(RT_DEOPT_THROW);
    return _PyEval_EvalFrameDefault(ts, frame, throwflag);
  }
  if (rt_c_stack_low()) {
    /* RecursionError raised at the frame's start: the interpreter unwinds it. */
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    return _PyEval_EvalFrameDefault(ts, frame, 1);
  }
  if (rec) return rec->entry(ts, frame, throwflag);
  return _PyEval_EvalFrameDefault(ts, frame, throwflag);
}

/* co_extra's free function: the code object is going away. */
/* The object table's references and the machine code of one record. */
static void release_code(CodeRec *rec) {
  for (uint32_t i = 0; i < rec->nobjs; i++) Py_CLEAR(rec->objs[i]);
  if (rec->tracker) {
    LLVMErrorRef e = LLVMOrcResourceTrackerRemove(rec->tracker);
    if (e) {
      char *msg = LLVMGetErrorMessage(e);
      fprintf(stderr, "pyllc: freeing JIT code failed: %s\n", msg);
      LLVMDisposeErrorMessage(msg);
    }
    LLVMOrcReleaseResourceTracker(rec->tracker);
  }
}

static void free_record(void *p) {
  CodeRec *rec = p;
  if (!rec) return;
  release_code(rec);
  for (CodeRec *old = rec->replaced, *next; old; old = next) {
    next = old->replaced;
    release_code(old);
    free(old);
  }
  LowerEngine *eng = rec->eng;
  if (rec->prev) rec->prev->next = rec->next;
  else eng->recs = rec->next;
  if (rec->next) rec->next->prev = rec->prev;
  free(rec);
}

/* ---- JIT set-up ---------------------------------------------------------------------- */

static bool report_llvm(PyllcDiag *d, LLVMErrorRef e, const char *what) {
  if (!e) return false;
  char *msg = LLVMGetErrorMessage(e);
  pyllc_error(d, NULL, 0, 0, "%s: %s", what, msg);
  LLVMDisposeErrorMessage(msg);
  return true;
}

/* What an object costs: its machine code (.text) and the memory JITLink maps for it,
 * one page-aligned segment per kind of section (code, read-only data, writable data).
 * Statistics only: an object that cannot be read counts nothing. */
static void object_sizes(LLVMMemoryBufferRef obj, uint64_t *text, uint64_t *mapped) {
  enum { PAGE = 4096 };
  uint64_t seg[3] = {0, 0, 0}; /* r-x, r--, rw- */
  char *msg = NULL;
  LLVMBinaryRef bin = LLVMCreateBinary(obj, NULL, &msg); /* borrows obj */
  *text = *mapped = 0;
  if (!bin) {
    LLVMDisposeMessage(msg);
    return;
  }
  LLVMSectionIteratorRef it = LLVMObjectFileCopySectionIterator(bin);
  for (; !LLVMObjectFileIsSectionIteratorAtEnd(bin, it); LLVMMoveToNextSection(it)) {
    const char *name = LLVMGetSectionName(it);
    uint64_t size = LLVMGetSectionSize(it);
    if (!name || !size || !strncmp(name, ".rela", 5) || !strncmp(name, ".debug", 6) ||
        !strcmp(name, ".symtab") || !strcmp(name, ".strtab") || !strcmp(name, ".shstrtab") ||
        !strncmp(name, ".note", 5) || !strcmp(name, ".comment"))
      continue;
    if (!strncmp(name, ".text", 5)) {
      *text += size;
      seg[0] += size;
    } else if (!strncmp(name, ".data", 5) || !strncmp(name, ".bss", 4)) {
      seg[2] += size;
    } else {
      seg[1] += size; /* .rodata, .eh_frame, ... */
    }
  }
  LLVMDisposeSectionIterator(it);
  LLVMDisposeBinary(bin);
  for (int i = 0; i < 3; i++) *mapped += (seg[i] + PAGE - 1) / PAGE * PAGE;
}

static void engine_uninstall(LowerEngine *eng);

static LowerEngine *engine_new(PyllcDiag *d, const LowerOptions *opts) {
  if (active_engine) {
    pyllc_error(d, NULL, 0, 0, "an execution engine is already running");
    return NULL;
  }
  if (rt_code_extra_index < 0) {
    rt_code_extra_index = _PyEval_RequestCodeExtraIndex(free_record);
    if (rt_code_extra_index < 0) {
      PyErr_Clear();
      pyllc_error(d, NULL, 0, 0, "no co_extra slot left for the JIT");
      return NULL;
    }
  }
  LowerEngine *eng = calloc(1, sizeof *eng);
  if (!eng) PYLLC_DIE("out of memory");
  eng->opts = *opts;
  eng->diag = d;
  char *err = NULL;
  LLVMTargetMachineRef tm = lower_target_machine(opts->opt_level, &err);
  if (!tm) {
    pyllc_error(d, NULL, 0, 0, "LLVM: %s", err);
    free(err);
    free(eng);
    return NULL;
  }
  LLVMOrcLLJITBuilderRef b = LLVMOrcCreateLLJITBuilder();
  /* The builder takes the JTMB, which takes the target machine. */
  LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(
      b, LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(tm));
  if (report_llvm(d, LLVMOrcCreateLLJIT(&eng->jit, b), "creating the JIT")) goto fail;
  eng->jd = LLVMOrcLLJITGetMainJITDylib(eng->jit);
  LLVMOrcDefinitionGeneratorRef gen = NULL;
  if (report_llvm(d,
                  LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
                      &gen, LLVMOrcLLJITGetGlobalPrefix(eng->jit), NULL, NULL),
                  "resolving CPython's symbols"))
    goto fail;
  LLVMOrcJITDylibAddGenerator(eng->jd, gen); /* the JITDylib owns gen */

#define RT_PAIR(n) {LLVMOrcLLJITMangleAndIntern(eng->jit, #n),                              \
                    {(LLVMOrcExecutorAddress)(uintptr_t)&n,                                 \
                     {LLVMJITSymbolGenericFlagsExported | LLVMJITSymbolGenericFlagsCallable, 0}}},
  LLVMOrcCSymbolMapPair syms[] = {RT_NATIVE_LIST(RT_PAIR) RT_INLINE_LIST(RT_PAIR)};
#undef RT_PAIR
  LLVMOrcMaterializationUnitRef mu =
      LLVMOrcAbsoluteSymbols(syms, sizeof syms / sizeof syms[0]);
  if (report_llvm(d, LLVMOrcJITDylibDefine(eng->jd, mu), "defining the runtime's symbols")) {
    LLVMOrcDisposeMaterializationUnit(mu);
    goto fail;
  }
  eng->fallbacks = PyDict_New();
  if (!eng->fallbacks) goto fail;
  active_engine = eng;
  rt_set_deopt_counters(eng->deopts);
  rt_set_call_counters(eng->calls);
  return eng;
fail:
  if (eng->jit) LLVMOrcDisposeLLJIT(eng->jit);
  free(eng);
  return NULL;
}

/* Uninstalls, detaches every compiled code object (clearing co_extra runs free_record),
 * frees the JIT. */
static void engine_free(LowerEngine *eng) {
  if (!eng) return;
  engine_uninstall(eng);
  while (eng->recs) {
    CodeRec *rec = eng->recs;
    if (_PyCode_SetExtra(rec->code, rt_code_extra_index, NULL) < 0 || eng->recs == rec) {
      PyErr_Clear();
      free_record(rec);
    }
  }
  if (active_engine == eng) {
    active_engine = NULL;
    rt_set_deopt_counters(NULL);
    rt_set_call_counters(NULL);
  }
  Py_XDECREF(eng->fallbacks);
  LLVMErrorRef e = LLVMOrcDisposeLLJIT(eng->jit);
  if (e) report_llvm(eng->diag, e, "disposing of the JIT");
  free(eng);
}

/* ---- objects a function names ------------------------------------------------------ */

static PyObject *const_from_ir(IrFunc *fn, uint32_t i);

static PyObject *const_object(IrFunc *fn, uint32_t i) {
  IrConst *c = &fn->consts[i];
  PyCodeObject *co = fn->origin;
  if (co && c->src_index >= 0 && c->src_index < PyTuple_GET_SIZE(co->co_consts)) {
    PyObject *o = PyTuple_GET_ITEM(co->co_consts, c->src_index);
    Py_INCREF(o);
    return o;
  }
  return const_from_ir(fn, i);
}

/* Builds a constant from its IR description (IR from text has no code object). */
static PyObject *const_from_ir(IrFunc *fn, uint32_t i) {
  IrConst *c = &fn->consts[i];
  switch ((IrConstKind)c->kind) {
  case IR_C_NONE: Py_RETURN_NONE;
  case IR_C_TRUE: Py_RETURN_TRUE;
  case IR_C_FALSE: Py_RETURN_FALSE;
  case IR_C_ELLIPSIS: Py_INCREF(Py_Ellipsis); return Py_Ellipsis;
  case IR_C_INT:
    return c->big ? PyLong_FromString(c->u.str, NULL, 10) : PyLong_FromLongLong(c->u.i);
  case IR_C_FLOAT: return PyFloat_FromDouble(c->u.f);
  case IR_C_COMPLEX: return PyComplex_FromDoubles(c->u.c[0], c->u.c[1]);
  case IR_C_STR: {
    PyObject *s = PyUnicode_DecodeUTF8(c->u.str, c->n, "surrogatepass");
    if (s) PyUnicode_InternInPlace(&s);
    return s;
  }
  case IR_C_BYTES: return PyBytes_FromStringAndSize(c->u.str, c->n);
  case IR_C_TUPLE:
  case IR_C_FROZENSET: {
    PyObject *t = PyTuple_New(c->n);
    for (uint32_t k = 0; t && k < c->n; k++) {
      PyObject *item = const_object(fn, c->u.items[k]);
      if (!item) Py_CLEAR(t);
      else PyTuple_SET_ITEM(t, k, item);
    }
    if (t && c->kind == IR_C_FROZENSET) {
      PyObject *fs = PyFrozenSet_New(t);
      Py_DECREF(t);
      return fs;
    }
    return t;
  }
  case IR_C_CODE: {
    IrModule *m = fn->module;
    if (m && c->u.func < m->nfuncs && m->funcs[c->u.func]->origin) {
      PyObject *o = m->funcs[c->u.func]->origin;
      Py_INCREF(o);
      return o;
    }
    break;
  }
  }
  PyErr_Format(PyExc_SystemError, "pyllc: constant %u has no object", i);
  return NULL;
}

static PyObject *name_object(IrFunc *fn, uint32_t i) {
  const char *s = fn->names[i];
  PyCodeObject *co = fn->origin;
  if (co) {
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(co->co_names); k++) {
      PyObject *n = PyTuple_GET_ITEM(co->co_names, k);
      const char *u = PyUnicode_AsUTF8(n);
      if (u && !strcmp(u, s)) {
        Py_INCREF(n);
        return n;
      }
      PyErr_Clear();
    }
  }
  return PyUnicode_InternFromString(s);
}

/* ---- compiling one function ----------------------------------------------------------- */

/* "qualname (file:line)": the key of a function in the fallbacks table. */
static PyObject *fallback_key(IrFunc *fn) {
  PyObject *code = fn->origin;
  if (code && PyCode_Check(code)) {
    PyCodeObject *co = (PyCodeObject *)code;
    return PyUnicode_FromFormat("%U (%U:%d)", co->co_qualname, co->co_filename,
                                co->co_firstlineno);
  }
  return PyUnicode_FromFormat("%s (%s:%d)", fn->qualname ? fn->qualname : "?",
                              fn->module && fn->module->filename ? fn->module->filename : "?",
                              (int)fn->firstlineno);
}

/* A compile of fn succeeded: an earlier fallback of the same key (another code object of
 * that function, a failed try) no longer says why it is interpreted. */
static void forget_fallback(LowerEngine *eng, IrFunc *fn) {
  PyObject *key = fallback_key(fn);
  if (key && PyDict_Contains(eng->fallbacks, key) == 1) PyDict_DelItem(eng->fallbacks, key);
  Py_XDECREF(key);
  PyErr_Clear();
}

static void note_fallback(LowerEngine *eng, IrFunc *fn, const char *why) {
  eng->nfallback++;
  snprintf(eng->last_why, sizeof eng->last_why, "%s", why);
  PyObject *key = fallback_key(fn);
  PyObject *val = PyUnicode_FromString(why);
  if (key && val) PyDict_SetItem(eng->fallbacks, key, val);
  Py_XDECREF(key);
  Py_XDECREF(val);
  PyErr_Clear();
  if (eng->opts.stats)
    fprintf(stderr, "pyllc: stats: %s:%d %s: not compiled (%s)\n",
            fn->module && fn->module->filename ? fn->module->filename : "?",
            fn->firstlineno, fn->qualname ? fn->qualname : "?", why);
}

/* The attached record `old` takes the code of `fresh` (compiled, not attached); old's
 * own code is kept in old->replaced, since frames may still be running it (the baseline
 * frame that asked for optimised code, say). */
static void replace_code(CodeRec *old, CodeRec *fresh) {
  CodeRec *keep = malloc(sizeof *keep);
  if (!keep) PYLLC_DIE("out of memory");
  *keep = *old;
  keep->prev = keep->next = NULL;
  old->rt.entry = fresh->rt.entry;
  old->tracker = fresh->tracker;
  old->objs = fresh->objs;
  old->nobjs = fresh->nobjs;
  old->mapped_bytes = fresh->mapped_bytes + keep->mapped_bytes; /* both stay mapped */
  old->baseline = fresh->baseline;
  old->budget = fresh->budget;
  old->replaced = keep;
  free(fresh);
}

static int engine_compile_as(LowerEngine *eng, IrFunc *fn, bool baseline, int64_t budget);

/* Compiles fn and attaches it to its code object. Returns 0, or -1 when fn stays
 * interpreted (recorded as a fallback; a hard LLVM error is also reported to diag). */
static int engine_compile(LowerEngine *eng, IrFunc *fn) {
  return engine_compile_as(eng, fn, false, 0);
}

/* As engine_compile; `baseline`: -O0 code that spends `budget` on calls and back-edges
 * and then asks for optimised code (lower_ctx_count_calls_and_loops). An attached record
 * (a baseline) gets the new code in place (replace_code). */
static int engine_compile_as(LowerEngine *eng, IrFunc *fn, bool baseline, int64_t budget) {
  if (!fn->origin || !PyCode_Check((PyObject *)fn->origin)) return -1;
  LowerFuncInfo info;
  memset(&info, 0, sizeof info);
  char *err = NULL;
  char *sym = lower_symbol_name(fn, eng->next_tag++);
  CodeRec *rec = NULL;
  int rc = -1;
  LLVMOrcThreadSafeContextRef tsc = LLVMOrcCreateNewThreadSafeContext();
  LLVMContextRef C = LLVMOrcThreadSafeContextGetContext(tsc);
  double t0 = pyllc_now();
  LowerCtx *lc = lower_ctx_new(C, sym, eng->opts.opt_level);
  if (baseline) lower_ctx_count_calls_and_loops(lc);
  if (lower_func(lc, fn, sym, &info) != 0) {
    lower_ctx_free(lc);
    note_fallback(eng, fn, info.why);
    goto done;
  }
  LLVMModuleRef mod = lower_ctx_finish(lc, &err);
  if (!mod) {
    note_fallback(eng, fn, "invalid LLVM IR (a pyllc bug)");
    pyllc_error(eng->diag, NULL, 0, 0, "internal error lowering %s: %s", fn->qualname, err);
    goto done;
  }
  double t1 = pyllc_now();
  LLVMTargetMachineRef tm = lower_target_machine(eng->opts.opt_level, &err);
  int orc = tm ? lower_optimize(mod, tm, eng->opts.opt_level, &err) : -1;
  if (orc != 0) {
    if (tm) LLVMDisposeTargetMachine(tm);
    LLVMDisposeModule(mod);
    note_fallback(eng, fn, "LLVM optimisation failed");
    goto done;
  }
  double t2 = pyllc_now();
  uint64_t bytes0 = eng->code_bytes;
  /* Code generation here, by the target machine of this function's level: the JIT's own
   * IR compiler would use the level the engine was created with (-O2 code generation of
   * -O0 code costs 3-4x, and grows with the size of the function). */
  LLVMMemoryBufferRef obj = NULL;
  char *msg = NULL;
  bool emitted = !LLVMTargetMachineEmitToMemoryBuffer(tm, mod, LLVMObjectFile, &msg, &obj);
  LLVMDisposeTargetMachine(tm);
  LLVMDisposeModule(mod);
  uint64_t text = 0, mapped = 0;
  if (emitted) object_sizes(obj, &text, &mapped);
  if (!emitted) {
    pyllc_error(eng->diag, NULL, 0, 0, "code generation of %s: %s", fn->qualname,
                msg ? msg : "?");
    LLVMDisposeMessage(msg);
    note_fallback(eng, fn, "code generation failed");
    goto done;
  }
  rec = calloc(1, sizeof *rec);
  if (!rec) PYLLC_DIE("out of memory");
  rec->eng = eng;
  rec->code = (PyObject *)fn->origin;
  rec->tracker = LLVMOrcJITDylibCreateResourceTracker(eng->jd);
  rec->mapped_bytes = mapped;
  eng->code_bytes += text;
  /* The JIT takes the object; the tracker frees its memory later. */
  if (report_llvm(eng->diag, LLVMOrcLLJITAddObjectFileWithRT(eng->jit, rec->tracker, obj),
                  "adding an object to the JIT")) {
    note_fallback(eng, fn, "JIT error");
    goto done;
  }
  LLVMOrcExecutorAddress addr = 0, objs = 0;
  if (report_llvm(eng->diag, LLVMOrcLLJITLookup(eng->jit, &addr, sym), "JIT code generation")) {
    note_fallback(eng, fn, "JIT error");
    goto done;
  }
  if (info.objs_sym &&
      report_llvm(eng->diag, LLVMOrcLLJITLookup(eng->jit, &objs, info.objs_sym), "JIT lookup")) {
    note_fallback(eng, fn, "JIT error");
    goto done;
  }
  LLVMOrcExecutorAddress budget_addr = 0;
  if (info.budget_sym && report_llvm(eng->diag, LLVMOrcLLJITLookup(eng->jit, &budget_addr,
                                                                   info.budget_sym),
                                     "JIT lookup")) {
    note_fallback(eng, fn, "JIT error");
    goto done;
  }
  double t3 = pyllc_now();
  rec->rt.entry = (RtObj * (*)(void *, void *, int))(uintptr_t)addr;
  rec->baseline = info.budget_sym != NULL;
  rec->budget = (int64_t *)(uintptr_t)budget_addr;
  if (rec->budget) *rec->budget = budget;
  rec->objs = (PyObject **)(uintptr_t)objs;
  for (uint32_t i = 0; i < info.nobjs; i++) {
    LowerObj *o = &info.objs[i];
    PyObject *v = o->kind == LOWER_OBJ_CONST ? const_object(fn, o->index)
                                             : name_object(fn, o->index);
    if (!v) {
      PyErr_Clear();
      note_fallback(eng, fn, "a constant could not be built");
      goto done;
    }
    rec->objs[rec->nobjs++] = v;
  }
  void *attached = NULL;
  if (_PyCode_GetExtra(rec->code, rt_code_extra_index, &attached) < 0) PyErr_Clear();
  if (attached) {
    replace_code(attached, rec);
    rec = NULL;
    goto attached_done;
  }
  /* Attach: from now on the code object owns the record. */
  rec->next = eng->recs;
  if (eng->recs) eng->recs->prev = rec;
  eng->recs = rec;
  if (_PyCode_SetExtra(rec->code, rt_code_extra_index, rec) < 0) {
    PyErr_Clear();
    free_record(rec);
    rec = NULL;
    note_fallback(eng, fn, "co_extra unavailable");
    goto done;
  }
  rec = NULL;
attached_done:
  forget_fallback(eng, fn);
  eng->ncompiled++;
  eng->t_lower += t1 - t0;
  eng->t_opt += t2 - t1;
  eng->t_codegen += t3 - t2;
  if (eng->opts.stats)
    fprintf(stderr,
            "pyllc: stats: %s:%d %s: front %.3f ms, passes %.3f ms, lower %.3f ms, "
            "llvm-opt %.3f ms, codegen %.3f ms, code %llu bytes\n",
            fn->module && fn->module->filename ? fn->module->filename : "?", fn->firstlineno,
            fn->qualname ? fn->qualname : "?", fn->t_front * 1e3, fn->t_passes * 1e3,
            (t1 - t0) * 1e3, (t2 - t1) * 1e3,
            (t3 - t2) * 1e3, (unsigned long long)(eng->code_bytes - bytes0));
  rc = 0;
done:
  if (rec) {
    /* Never attached (not in the engine's list): release what it holds. */
    for (uint32_t i = 0; i < rec->nobjs; i++) Py_CLEAR(rec->objs[i]);
    if (rec->tracker) {
      LLVMErrorRef e = LLVMOrcResourceTrackerRemove(rec->tracker);
      if (e) report_llvm(eng->diag, e, "freeing JIT code");
      LLVMOrcReleaseResourceTracker(rec->tracker);
    }
    free(rec);
  }
  LLVMOrcDisposeThreadSafeContext(tsc); /* and the context (its module is gone) */
  free(err);
  free(sym);
  lower_info_clear(&info);
  return rc;
}

static int engine_install(LowerEngine *eng) {
  if (eng->installed) return 0;
  PyInterpreterState *interp = PyInterpreterState_Get();
  eng->saved = _PyInterpreterState_GetEvalFrameFunc(interp);
  _PyInterpreterState_SetEvalFrameFunc(interp, eval_hook);
  eng->installed = true;
  return 0;
}

static void engine_uninstall(LowerEngine *eng) {
  if (!eng->installed) return;
  _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), eng->saved);
  eng->installed = false;
}


/* ---- running a program ---------------------------------------------------------------- */

/* SystemExit as python3.11 handles it at top level; returns the exit status. The
 * exception is cleared. */
static int handle_system_exit(void) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  int status = 0;
  PyObject *code = NULL;
  if (value && PyExceptionInstance_Check(value)) {
    code = PyObject_GetAttrString(value, "code");
    if (!code) PyErr_Clear();
  }
  if (!code) code = value ? (Py_INCREF(value), value) : (Py_INCREF(Py_None), Py_None);
  if (code != Py_None) {
    if (PyLong_Check(code)) {
      status = (int)PyLong_AsLong(code);
      PyErr_Clear();
    } else {
      PyObject *err = PySys_GetObject("stderr"); /* borrowed */
      if (err && err != Py_None) {
        if (PyFile_WriteObject(code, err, Py_PRINT_RAW) < 0) PyErr_Clear();
      } else {
        PyObject_Print(code, stderr, Py_PRINT_RAW);
        fflush(stderr);
      }
      PySys_WriteStderr("\n");
      status = 1;
    }
  }
  Py_DECREF(code);
  Py_XDECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(tb);
  return status;
}

/* The exit status of a pending exception, printed as python3.11 would. An uncaught
 * KeyboardInterrupt gives -SIGINT: python3.11 kills itself with SIGINT after finalising. */
static int exit_status_of_error(void) {
  if (PyErr_ExceptionMatches(PyExc_SystemExit)) return handle_system_exit();
  int status = PyErr_ExceptionMatches(PyExc_KeyboardInterrupt) ? -SIGINT : 1;
  PyErr_Print(); /* sys.excepthook: the traceback */
  return status;
}

/* sys.stderr and sys.stdout flushed, the pending exception kept (pythonrun.c does this
 * between running a script and printing its error). */
static void flush_io(void) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  static const char *const names[2] = {"stderr", "stdout"};
  for (int i = 0; i < 2; i++) {
    PyObject *f = PySys_GetObject(names[i]); /* borrowed */
    PyObject *r = f && f != Py_None ? PyObject_CallMethod(f, "flush", NULL) : NULL;
    if (r) Py_DECREF(r);
    else PyErr_Clear();
  }
  PyErr_Restore(type, value, tb);
}

static void print_engine_stats(LowerEngine *eng) {
  fprintf(stderr,
          "pyllc: stats: %u functions compiled, %u left to the interpreter; lower %.3f ms, "
          "llvm-opt %.3f ms, codegen %.3f ms, %llu code bytes\n",
          eng->ncompiled, eng->nfallback, eng->t_lower * 1e3, eng->t_opt * 1e3,
          eng->t_codegen * 1e3, (unsigned long long)eng->code_bytes);
  fprintf(stderr,
          "pyllc: stats: calls of compiled functions: %llu direct, %llu through vectorcall\n",
          (unsigned long long)eng->calls[RT_CALL_DIRECT],
          (unsigned long long)eng->calls[RT_CALL_VECTORCALL]);
  for (int i = 0; i < RT_DEOPT__COUNT; i++)
    if (eng->deopts[i])
      fprintf(stderr, "pyllc: stats: deopt %s: %llu\n", deopt_names[i],
              (unsigned long long)eng->deopts[i]);
}

int lower_run_main(PyllcDiag *d, IrModule *m, const LowerOptions *opts, PyObject *code,
                   int argc, char **argv) {
  LowerEngine *eng = engine_new(d, opts);
  if (!eng) return 1;
  for (uint32_t i = 0; i < m->nfuncs; i++) {
    if (opts->only_func && m->funcs[i]->qualname && strcmp(m->funcs[i]->qualname, opts->only_func))
      continue;
    engine_compile(eng, m->funcs[i]);
  }
  if (pyllc_diag_errors(d)) {
    engine_free(eng);
    return 1;
  }
  int status = 0;
  engine_install(eng);

  /* __main__ as `python3.11 FILE` sets it up. */
  PyObject *argl = PyList_New(0);
  for (int i = 0; argl && i < argc; i++) {
    PyObject *s = PyUnicode_DecodeFSDefault(argv[i]);
    if (!s || PyList_Append(argl, s) < 0) Py_CLEAR(argl);
    Py_XDECREF(s);
  }
  if (argl) PySys_SetObject("argv", argl);
  Py_XDECREF(argl);
  PyObject *main_mod = PyImport_AddModule("__main__"); /* borrowed */
  PyObject *globals = main_mod ? PyModule_GetDict(main_mod) : NULL;
  /* __file__ is the name the script was compiled under (absolute, as python3.11's). */
  PyObject *file = PyCode_Check(code) ? ((PyCodeObject *)code)->co_filename : NULL;
  Py_XINCREF(file);
  if (globals && file) {
    PyDict_SetItemString(globals, "__file__", file);
    PyDict_SetItemString(globals, "__cached__", Py_None);
  }
  Py_XDECREF(file);
  PyObject *res = globals ? PyEval_EvalCode(code, globals, globals) : NULL;
  flush_io();
  if (res) Py_DECREF(res);
  else status = exit_status_of_error();

  /* Non-daemon threads finish before anything goes away, as in Py_FinalizeEx. */
  PyObject *tname = PyUnicode_FromString("threading");
  PyObject *threading = tname ? PyImport_GetModule(tname) : NULL;
  Py_XDECREF(tname);
  if (threading) {
    PyObject *r = PyObject_CallMethod(threading, "_shutdown", NULL);
    if (!r) PyErr_WriteUnraisable(threading);
    Py_XDECREF(r);
    Py_DECREF(threading);
  }
  PyErr_Clear();
  engine_uninstall(eng);
  if (opts->stats) print_engine_stats(eng);
  engine_free(eng);
  return status;
}

/* ==== The engine inside a running CPython: the pyllc module's API (lower.h) ============
 * Added for issue 5 (the `pyllc` module); the only caller is lib/Runtime/module/rt_glue.c.
 *
 *   rt_engine     one per process, created by lower_rt_init and kept until exit (code
 *                 objects freed at interpreter exit still find it in free_record).
 *   rt_hook       the PEP 523 hook while it exists: compiled code objects run their entry;
 *                 in whole-program mode the others are counted in a second co_extra slot
 *                 (the count itself, no allocation) and compiled when it exceeds the
 *                 threshold, before the frame runs. A count of -1 means "tried, stays
 *                 interpreted". A function with loops gets baseline code (-O0) at its
 *                 first call instead: it spends the rest of the budget on its calls and
 *                 back-edges, then asks rt_osr_handler for optimised code, which replaces
 *                 it in the same record (the baseline code is kept: frames may still
 *                 run it) and which a frame in the middle of a loop enters at the loop
 *                 header's landing (on-stack replacement).
 *   rt_busy       set while compiling: frames run by the compiler itself (GC, __del__)
 *                 are not counted, so compilation never re-enters itself. */
#include <dlfcn.h>
#include <llvm-c/LLJITUtils.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static LowerEngine *rt_engine;
static LowerRtFrontEnd rt_front_end;
static Py_ssize_t rt_count_index = -1;
static long rt_threshold = -1;
static int rt_opt_level = 2;
static int rt_busy;
static double rt_t_front;      /* seconds in the front end and IR passes */
static FILE *rt_perf_map;      /* /tmp/perf-PID.map when PYLLC_PERF_MAP=1 */

/* In libLLVM: the executor side of LLVM's GDB JIT interface plugin. */
extern void llvm_orc_registerJITLoaderGDBWrapper(void);

/* One line "START SIZE NAME" (hex) for perf: NAME is the Python function. */
static void rt_perf_map_add(PyObject *code, CodeRec *rec, uint64_t size) {
  if (!rt_perf_map || !rec) return;
  PyCodeObject *co = (PyCodeObject *)code;
  const char *q = PyUnicode_AsUTF8(co->co_qualname);
  const char *f = q ? PyUnicode_AsUTF8(co->co_filename) : NULL;
  if (!q || !f) {
    PyErr_Clear();
    return;
  }
  fprintf(rt_perf_map, "%lx %lx py::%s (%s:%d)\n", (unsigned long)(uintptr_t)rec->rt.entry,
          (unsigned long)(size ? size : 1), q, f, co->co_firstlineno);
  fflush(rt_perf_map);
}

/* Registers every later object with gdb (__jit_debug_register_code). The plugin finds
 * its executor-side function through the process's global symbols, and libLLVM came in
 * with this extension, RTLD_LOCAL: promote it to the global scope first. */
static void rt_enable_gdb(LowerEngine *eng) {
  Dl_info info;
  if (dladdr((void *)&llvm_orc_registerJITLoaderGDBWrapper, &info) && info.dli_fname)
    dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL);
  LLVMErrorRef e = LLVMOrcLLJITEnableDebugSupport(eng->jit);
  if (e) {
    char *msg = LLVMGetErrorMessage(e);
    fprintf(stderr, "pyllc: gdb support unavailable: %s\n", msg);
    LLVMDisposeErrorMessage(msg);
  }
}

static CodeRec *rt_record(PyObject *code) {
  return (CodeRec *)rt_compiled_record(code);
}

/* Records a fallback that happened before lowering (front end, passes). */
static void rt_note_fallback(PyObject *code, const char *why) {
  PyCodeObject *co = (PyCodeObject *)code;
  PyObject *key = PyUnicode_FromFormat("%U (%U:%d)", co->co_qualname, co->co_filename,
                                       co->co_firstlineno);
  PyObject *val = PyUnicode_FromString(why);
  if (key && val && PyDict_SetItem(rt_engine->fallbacks, key, val) == 0)
    rt_engine->nfallback++;
  Py_XDECREF(key);
  Py_XDECREF(val);
  PyErr_Clear();
}

/* Compiles fn (whose origin is its code object) at `opt_level` and attaches it. 1
 * compiled, 0 left to the interpreter (recorded). The caller holds rt_busy. */
/* Optimised code replaces baseline code; anything else compiled stays. */
static bool rt_is_final(CodeRec *rec) { return rec && !rec->baseline; }

static int rt_compile_func_as(IrFunc *fn, int opt_level, bool baseline, int64_t budget) {
  PyObject *code = (PyObject *)fn->origin;
  CodeRec *had = rt_record(code);
  if (rt_is_final(had) || (had && baseline)) return 1;
  int saved = rt_engine->opts.opt_level;
  uint64_t bytes0 = rt_engine->code_bytes;
  rt_engine->opts.opt_level = opt_level;
  int ok = engine_compile_as(rt_engine, fn, baseline, budget) == 0;
  rt_engine->opts.opt_level = saved;
  if (ok) rt_perf_map_add(code, rt_record(code), rt_engine->code_bytes - bytes0);
  return ok;
}

/* 1 compiled, 0 left to the interpreter (recorded), never an exception. */
static int rt_compile_func(IrFunc *fn, int opt_level) {
  return rt_compile_func_as(fn, opt_level, false, 0);
}

/* Compiles `code`: optimised (replacing its baseline code, whose frames then enter the
 * new code at loop headers: landings for them), or as baseline code with `budget`. */
static int rt_compile_tier(PyObject *code, int opt_level, bool baseline, int64_t budget) {
  CodeRec *had = rt_record(code);
  if (rt_is_final(had) || (had && baseline)) return 1;
  rt_busy++;
  PyObject *et, *ev, *etb;
  PyErr_Fetch(&et, &ev, &etb);
  double t0 = pyllc_now();
  IrModule *m = NULL;
  char *why = NULL;
  IrFunc *fn = rt_front_end(code, opt_level, had != NULL, &m, &why);
  rt_t_front += pyllc_now() - t0;
  int rc = 0;
  if (!fn) rt_note_fallback(code, why ? why : "the front end refused it");
  else rc = rt_compile_func_as(fn, opt_level, baseline, budget);
  free(why);
  if (m) ir_free_module(m);
  PyErr_Clear();
  PyErr_Restore(et, ev, etb);
  rt_busy--;
  return rc;
}

static int rt_compile_now(PyObject *code, int opt_level) {
  return rt_compile_tier(code, opt_level, false, 0);
}

/* Has `code` a loop (a backward jump; not the SEND loop of `yield from`/`await`)? */
static bool rt_has_loops(PyObject *code) {
  PyObject *bytes = PyCode_GetCode((PyCodeObject *)code);
  if (!bytes) {
    PyErr_Clear();
    return false;
  }
  const unsigned char *u = (const unsigned char *)PyBytes_AS_STRING(bytes);
  bool found = false;
  for (Py_ssize_t i = 0; i + 1 < PyBytes_GET_SIZE(bytes) && !found; i += 2)
    found = u[i] == JUMP_BACKWARD || (u[i] >= POP_JUMP_BACKWARD_IF_NOT_NONE &&
                                      u[i] <= POP_JUMP_BACKWARD_IF_TRUE);
  Py_DECREF(bytes);
  return found;
}

/* Does the frame run in the program's `__main__` (the script, -m module, -c command, and
 * class bodies and exec() in its globals)? */
static bool rt_runs_in_main(_PyInterpreterFrame *frame) {
  PyObject *name = PyDict_GetItemString(frame->f_globals, "__name__"); /* borrowed */
  return name && PyUnicode_Check(name) && _PyUnicode_EqualToASCIIString(name, "__main__");
}

/* Should this first call run as baseline code, to count its back-edges? Functions with
 * loops, yes. Code that runs once (module and class bodies, exec()) only in __main__: a
 * program's work may be a loop at the top level of its script, whereas baseline code for
 * every imported module body with a loop would cost 0.1-1.2 s of compilation each. */
static bool rt_wants_baseline(_PyInterpreterFrame *frame) {
  PyObject *code = (PyObject *)frame->f_code;
  if (!rt_has_loops(code)) return false;
  return (frame->f_code->co_flags & CO_OPTIMIZED) || rt_runs_in_main(frame);
}

static PyObject *rt_hook(PyThreadState *ts, _PyInterpreterFrame *frame, int throwflag) {
  PyObject *code = (PyObject *)frame->f_code;
  if (!throwflag && rt_c_stack_low()) {
    /* RecursionError raised at the frame's start: the interpreter unwinds it. */
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    return _PyEval_EvalFrameDefault(ts, frame, 1);
  }
  CodeRec *rec = rt_record(code);
  if (rec && !throwflag) return rec->rt.entry(ts, frame, throwflag);
  if (rec) {
    rt_note_deopt(RT_DEOPT_THROW); /* see eval_hook */
    return _PyEval_EvalFrameDefault(ts, frame, throwflag);
  }
  if (rt_threshold < 0 || rt_busy || throwflag)
    return _PyEval_EvalFrameDefault(ts, frame, throwflag);
  void *p = NULL;
  if (_PyCode_GetExtra(code, rt_count_index, &p) < 0) {
    PyErr_Clear();
    return _PyEval_EvalFrameDefault(ts, frame, throwflag);
  }
  intptr_t n = (intptr_t)p;
  if (n < 0) return _PyEval_EvalFrameDefault(ts, frame, throwflag);
  n++;
  bool hot = n > rt_threshold;
  /* Decided at the first call: later ones would only scan the bytecode again. */
  bool loops = !hot && n == 1 && rt_wants_baseline(frame);
  if (hot || loops) {
    /* Hot: optimised code now. A function with loops (rt_wants_baseline) runs as
     * baseline code, which counts the rest of its calls and its back-edges and replaces
     * itself with optimised code when they reach the threshold, in the middle of a loop
     * if need be. */
    _PyCode_SetExtra(code, rt_count_index, (void *)(intptr_t)-1);
    int ok = hot ? rt_compile_now(code, rt_opt_level)
                 : rt_compile_tier(code, 0, true, rt_threshold - (int64_t)n + 1);
    if (ok && (rec = rt_record(code))) return rec->rt.entry(ts, frame, throwflag);
    return _PyEval_EvalFrameDefault(ts, frame, throwflag);
  }
  if (_PyCode_SetExtra(code, rt_count_index, (void *)n) < 0) PyErr_Clear();
  return _PyEval_EvalFrameDefault(ts, frame, throwflag);
}

/* Baseline code spent its budget: the optimised code of `code`, compiled now if need be
 * (landings at its loop headers), or NULL when it stays baseline. */
static void *rt_osr_handler(PyObject *code) {
  CodeRec *rec = rt_record(code);
  if (!rec) return NULL;
  if (rec->baseline && !rt_busy && rt_threshold >= 0) /* not after disable() */
    rt_compile_tier(code, rt_opt_level, false, 0);
  rec = rt_record(code);
  if (rt_is_final(rec)) return (void *)rec->rt.entry;
  if (rec && rec->budget) *rec->budget = rt_busy ? 1000 : INT64_MAX / 2; /* later / never */
  return NULL;
}

int lower_rt_init(LowerRtFrontEnd front_end) {
  if (rt_engine) return 0;
  if (active_engine) {
    PyErr_SetString(PyExc_RuntimeError, "pyllc: another execution engine is running");
    return -1;
  }
  if (rt_code_extra_index < 0) rt_code_extra_index = _PyEval_RequestCodeExtraIndex(free_record);
  if (rt_count_index < 0) rt_count_index = _PyEval_RequestCodeExtraIndex(NULL);
  if (rt_code_extra_index < 0 || rt_count_index < 0) {
    PyErr_SetString(PyExc_RuntimeError, "pyllc: no co_extra slot left for the JIT");
    return -1;
  }
  /* PYLLC_STATS=2: also one line per compiled function on stderr (times, code bytes). */
  const char *st = getenv("PYLLC_STATS");
  LowerOptions opts = {.opt_level = 2, .stats = st && !strcmp(st, "2")};
  PyllcDiag *d = pyllc_diag_new(stderr); /* internal LLVM errors only; lives with rt_engine */
  rt_engine = engine_new(d, &opts);
  if (!rt_engine) {
    pyllc_diag_free(d);
    if (!PyErr_Occurred())
      PyErr_SetString(PyExc_RuntimeError, "pyllc: the JIT could not be created");
    return -1;
  }
  rt_front_end = front_end;
  rt_enable_gdb(rt_engine);
  const char *pm = getenv("PYLLC_PERF_MAP");
  if (pm && *pm && strcmp(pm, "0") != 0) {
    char path[64];
    snprintf(path, sizeof path, "/tmp/perf-%ld.map", (long)getpid());
    rt_perf_map = fopen(path, "a");
  }
  active_engine = rt_engine;
  rt_set_deopt_counters(rt_engine->deopts);
  rt_set_call_counters(rt_engine->calls);
  rt_set_osr_handler(rt_osr_handler);
  _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), rt_hook);
  return 0;
}

int lower_rt_compile(PyObject *code, int opt_level) {
  if (!rt_engine && lower_rt_init(rt_front_end) < 0) return -1;
  if (!rt_front_end) {
    PyErr_SetString(PyExc_RuntimeError, "pyllc: lower_rt_init was not called");
    return -1;
  }
  return rt_compile_now(code, opt_level);
}

int lower_rt_compile_module(IrModule *m, int opt_level) {
  if (!rt_engine && lower_rt_init(rt_front_end) < 0) return -1;
  int left = 0;
  rt_busy++;
  for (uint32_t i = 0; i < m->nfuncs; i++)
    if (m->funcs[i] && m->funcs[i]->origin && !rt_compile_func(m->funcs[i], opt_level))
      left++;
  PyErr_Clear();
  rt_busy--;
  return left;
}

int lower_rt_exec_module(IrModule *m, PyObject *globals, int opt_level) {
  PyObject *body = m->nfuncs && m->funcs[0] ? (PyObject *)m->funcs[0]->origin : NULL;
  if (!body || !PyCode_Check(body)) {
    PyErr_SetString(PyExc_SystemError, "pyllc: the module has no body code object");
    return -1;
  }
  /* Everything before anything runs: none of it can be interpreted. */
  if (lower_rt_compile_module(m, opt_level) < 0) return -1;
  if (!rt_record(body)) {
    PyObject *key = PyUnicode_FromFormat("%U (%U:%d)", ((PyCodeObject *)body)->co_qualname,
                                         ((PyCodeObject *)body)->co_filename,
                                         ((PyCodeObject *)body)->co_firstlineno);
    PyObject *why = key ? PyDict_GetItemWithError(rt_engine->fallbacks, key) : NULL;
    PyErr_Format(PyExc_NotImplementedError,
                 "pyllc: cannot run %U: its module body could not be compiled (%S)",
                 ((PyCodeObject *)body)->co_filename, why ? why : Py_None);
    Py_XDECREF(key);
    return -1;
  }
  PyObject *res = PyEval_EvalCode(body, globals, globals);
  Py_XDECREF(res);
  return res ? 0 : -1;
}

/* Baseline code is a way of counting: compiled means optimised code. */
int lower_rt_is_compiled(PyObject *code) { return rt_engine && rt_is_final(rt_record(code)); }

void lower_rt_set_threshold(long threshold, int opt_level) {
  rt_threshold = threshold;
  rt_opt_level = opt_level;
}

PyObject *lower_rt_stats(void) {
  LowerEngine *e = rt_engine;
  PyObject *deopts = PyDict_New();
  for (int i = 0; deopts && e && i < RT_DEOPT__COUNT; i++) {
    if (!e->deopts[i]) continue;
    PyObject *n = PyLong_FromUnsignedLongLong(e->deopts[i]);
    if (!n || PyDict_SetItemString(deopts, deopt_names[i], n) < 0) Py_CLEAR(deopts);
    Py_XDECREF(n);
  }
  if (!deopts) return NULL;
  double front = rt_t_front, lower = e ? e->t_lower : 0, opt = e ? e->t_opt : 0,
         codegen = e ? e->t_codegen : 0;
  uint64_t nrecs = 0;
  for (CodeRec *r = e ? e->recs : NULL; r; r = r->next) nrecs++;
  /* JIT memory held now: each live record, and the pages its object is mapped in (its
   * object table included); LLVM's bookkeeping is not counted. */
  uint64_t mem = nrecs * sizeof(CodeRec);
  for (CodeRec *r = e ? e->recs : NULL; r; r = r->next) mem += r->mapped_bytes;
  return Py_BuildValue("{sIsNsNs{sKsK}s{sdsdsdsdsd}sKsKsK}", "compiled", e ? e->ncompiled : 0u,
                       "fallbacks", e ? PyDict_Copy(e->fallbacks) : PyDict_New(), "deopts",
                       deopts, "calls", "direct",
                       (unsigned long long)(e ? e->calls[RT_CALL_DIRECT] : 0), "vectorcall",
                       (unsigned long long)(e ? e->calls[RT_CALL_VECTORCALL] : 0),
                       "compile_time_s", "total", front + lower + opt + codegen,
                       "frontend", front, "lower", lower, "llvm_opt", opt, "codegen", codegen,
                       "code_bytes", (unsigned long long)(e ? e->code_bytes : 0),
                       "jit_memory_bytes", (unsigned long long)mem, "osr_entries",
                       (unsigned long long)rt_osr_entries());
}
