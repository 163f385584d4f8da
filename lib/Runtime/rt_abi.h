/* rt_abi.h - the contract between lowered code (lib/Lower) and the runtime (lib/Runtime).
 *
 * Two kinds of helper:
 *   inline helpers  rt_inline.c, compiled by clang-19 to LLVM bitcode at build time and
 *                   embedded in the library (rt_bitcode[]). Lowering links the ones a module
 *                   uses into it (lazily: only referenced functions are materialised), marks
 *                   them internal and copies their target attributes onto generated code, so
 *                   LLVM inlines them. They call only symbols CPython exports.
 *   native helpers  rt_native.c, compiled into the library. Lowered code reaches them by
 *                   name; the JIT defines each name as an absolute symbol (RT_NATIVE_LIST),
 *                   because the extension is loaded RTLD_LOCAL and the process search would
 *                   not find them.
 *
 * Operation helpers follow one calling convention, derived from the op's row in
 * ir_ops.def, so that a new IR operation needs only its helper:
 *   name     "rt_" + the op's mnemonic, '.' -> '_' (binary_op -> rt_binary_op,
 *            box.bool -> rt_box_bool)
 *   params   (PyThreadState *ts, _PyInterpreterFrame *f, imm0?, imm1?, operands...)
 *            imm CONST/NAME -> PyObject* (borrowed; NULL for `none`), F64 -> double,
 *            other immediates -> int64_t; operands o -> PyObject*, i -> int64_t,
 *            f -> double, b -> int, p -> void*; a variadic tail -> (PyObject **, int64_t n)
 *   result   o -> PyObject* (new reference), i -> int64_t, f -> double, b -> int,
 *            p -> void*, v -> int when the op may raise or deoptimise, else void
 *   failure  IRF_RAISE: NULL / negative int with an exception set.
 *            IRF_DEOPT: NULL / negative int without one (leave to the interpreter).
 *            Ops whose result may legitimately be NULL (iter_next) are listed in lower.c.
 */
#ifndef PYLLC_RT_ABI_H
#define PYLLC_RT_ABI_H

#include <stddef.h>
#include <stdint.h>

/* The bitcode of rt_inline.c (rt_bitcode.c embeds it). */
extern const unsigned char rt_bitcode[];
extern const size_t rt_bitcode_size;

/* Reasons compiled code leaves to the interpreter, counted per engine (pyllc.stats()). */
typedef enum RtDeoptReason {
  RT_DEOPT_GUARD,        /* a `deopt` terminator or a failed guard */
  RT_DEOPT_BREAKER,      /* eval breaker set at a loop back-edge */
  RT_DEOPT_ENTRY,        /* tracing on, or recursion limit, at entry */
  RT_DEOPT_EXCEPTION,    /* an exception handed to the interpreter (not a deopt proper) */
  RT_DEOPT_THROW,        /* throw()/close() into a compiled generator: the interpreter runs it */
  RT_DEOPT_RESUME,       /* a frame resumed where compiled code has no entry */
  RT_DEOPT_TRACING,      /* a tracer or profiler switched on while the frame ran */
  RT_DEOPT__COUNT,
  RT_LEAVE_UNCOUNTED = -1 /* by design, not a deopt (RETURN_GENERATOR makes a generator) */
} RtDeoptReason;

/* rt_leave_to_interp's `unit` when the frame's prev_instr is already the instruction (the
 * lowering stored it before the operation that failed), and its `throwflag` when the
 * exception state decides: raise when an exception is set, else resume (a deopt). They let
 * the exits of a function share one call per stack depth (lower.c, "Leaving"). */
enum { RT_UNIT_AT_PREV_INSTR = -1, RT_THROW_IF_SET = 2 };

/* Called by compiled code when it leaves to the interpreter; counts into the engine that
 * rt_set_deopt_counters installed (no-op when none). */
void rt_note_deopt(int64_t reason);
/* The counters rt_note_deopt increments (owned by the engine), or NULL. One per process:
 * the eval-frame hook API allows one engine per interpreter. */
void rt_set_deopt_counters(uint64_t *counters);

/* Calls of compiled functions from compiled code, counted by how they went. */
typedef enum RtCallKind {
  RT_CALL_DIRECT,        /* frame pushed and entry called by rt_call_function */
  RT_CALL_VECTORCALL,    /* not a simple call (keywords, *args...) or no room: vectorcall */
  RT_CALL__COUNT
} RtCallKind;
/* The counters rt_call_function increments (owned by the engine), or NULL. */
void rt_set_call_counters(uint64_t *counters);

/* Eval breaker at a loop back-edge: yields the GIL if asked, runs pending calls and
 * signal handlers. Returns 0, or -1 with an exception set (KeyboardInterrupt...). */
int rt_handle_breaker(void *ts);
/* _PyEval_EvalFrameDefault(ts, frame, 1) while tracing or profiling is on, without the
 * 'call' event that entry reports (the frame is already running). */
struct _object *rt_raise_into_traced(void *ts, void *frame);

/* ---- calls between compiled functions (rt_native.c) ---------------------------------
 * The record a compiled code object keeps in co_extra (engine.c's CodeRec) starts with an
 * RtCompiled, so that the runtime finds the entry point of a callee without the engine. */
typedef struct RtCompiled {
  struct _object *(*entry)(void *ts, void *frame, int throwflag);
} RtCompiled;
/* The co_extra index of those records (-1 until the engine has one). */
extern ptrdiff_t rt_code_extra_index;
/* The record of a compiled code object, or NULL: co_extra read directly (no call). */
RtCompiled *rt_compiled_record(void *code);
/* Calls `func`, an exact Python function, with vectorcall arguments, consuming func and
 * the arguments as CALL does: the callee's frame takes the references over. When its code
 * is compiled and the call is simple (positional arguments only, defaults may fill the
 * rest, no varargs, varkeywords or keyword-only parameters), the callee's frame is pushed
 * on the thread's data stack and its entry called directly, skipping PyObject_Vectorcall,
 * _PyEval_Vector and the PEP 523 hook; otherwise _PyFunction_Vectorcall, whose frame is
 * given the references. */
struct _object *rt_call_function(void *ts, struct _object *func, struct _object *const *args,
                                 size_t nargsf, struct _object *kwnames);
/* Nonzero when less than RT_C_STACK_RESERVE bytes of C stack are left in this thread:
 * every call into compiled code nests C frames, so a high sys.setrecursionlimit could
 * overflow the C stack before the limit is reached. The hooks and direct calls then
 * raise RecursionError instead. */
enum { RT_C_STACK_RESERVE = 256 * 1024 };
int rt_c_stack_low(void);

/* ---- per-site inline caches -----------------------------------------------------------
 * An operation with a cache (lower.c: has_site_cache) gets a pointer to its own zeroed
 * slot in the JIT module's data as its helper's last argument; the slot dies with the
 * code. load_global: key = the ma_version_tag of the globals and builtins dicts (unique to
 * a dict and its contents, never 0), value = borrowed from the dict those versions pin.
 * load_name: key = the keys object of the exact dict f_locals and the index of the name's
 * entry in it (checked against the entry's key at each hit: a store into the namespace
 * changes its version, not its keys). */
typedef struct RtSiteCache {
  uint64_t key[2];
  struct _object *value;
  uint64_t spare;
} RtSiteCache;

/* ---- native operation helpers (rt_native.c): the cold and the large ------------------
 * Same convention as the inline ones; ts and frame are untyped here so that this header
 * needs no CPython internals. Paths of inline helpers that leave the fast path end here
 * too (rt_*_slow). */
struct _object;
typedef struct _object RtObj;
RtObj *rt_load_global_slow(void *f, RtObj *name);
/* load_global's cache miss: the lookup, then the cache filled when both dicts are exact. */
RtObj *rt_load_global_fill(void *f, RtObj *name, RtSiteCache *c);
RtObj *rt_load_name_slow(void *f, RtObj *name);
/* load_name's cache miss: the lookup, then the cache filled when the name was found in an
 * exact dict f_locals with a combined table. */
RtObj *rt_load_name_fill(void *f, RtObj *name, RtSiteCache *c);
int rt_store_name_slow(void *f, RtObj *name, RtObj *v);
int rt_delete_name(void *ts, void *f, RtObj *name);
int rt_store_global(void *ts, void *f, RtObj *name, RtObj *v);
int rt_delete_global(void *ts, void *f, RtObj *name);
int rt_delete_subscr(void *ts, void *f, RtObj *c, RtObj *k);
int rt_delete_attr(void *ts, void *f, RtObj *name, RtObj *o);
RtObj *rt_load_classderef(void *ts, void *f, int64_t i);
RtObj *rt_build_set(void *ts, void *f, RtObj **items, int64_t n);
RtObj *rt_build_map(void *ts, void *f, RtObj **items, int64_t n);
RtObj *rt_build_const_key_map(void *ts, void *f, RtObj *keys, RtObj **items, int64_t n);
RtObj *rt_build_string(void *ts, void *f, RtObj **items, int64_t n);
RtObj *rt_build_slice(void *ts, void *f, RtObj *a, RtObj *b, RtObj *c);
int rt_set_add(void *ts, void *f, RtObj *s, RtObj *v);
int rt_map_add(void *ts, void *f, RtObj *d, RtObj *k, RtObj *v);
int rt_list_extend(void *ts, void *f, RtObj *l, RtObj *it);
int rt_set_update(void *ts, void *f, RtObj *s, RtObj *it);
int rt_dict_update(void *ts, void *f, RtObj *d, RtObj *m);
int rt_dict_merge(void *ts, void *f, RtObj *fn, RtObj *d, RtObj *m);
RtObj *rt_list_to_tuple(void *ts, void *f, RtObj *l);
RtObj *rt_format_value(void *ts, void *f, int64_t conv, RtObj *v, RtObj *spec);
RtObj *rt_unpack_seq(void *ts, void *f, int64_t n, RtObj *s);
RtObj *rt_unpack_ex(void *ts, void *f, int64_t before, int64_t after, RtObj *s);
RtObj *rt_call_ex(void *ts, void *f, RtObj *fn, RtObj *args, RtObj *kw);
RtObj *rt_make_function(void *ts, void *f, int64_t flags, RtObj *code, RtObj *closure,
                        RtObj *annotations, RtObj *kwdefaults, RtObj *defaults);
RtObj *rt_load_build_class(void *ts, void *f);
int rt_setup_annotations(void *ts, void *f);
int rt_print_expr(void *ts, void *f, RtObj *v);
RtObj *rt_import_name(void *ts, void *f, RtObj *name, RtObj *level, RtObj *fromlist);
RtObj *rt_import_from(void *ts, void *f, RtObj *name, RtObj *mod);
int rt_import_star(void *ts, void *f, RtObj *mod);
int rt_check_exc_match(void *ts, void *f, RtObj *e, RtObj *t);
RtObj *rt_check_eg_match(void *ts, void *f, RtObj *e, RtObj *t);
RtObj *rt_prep_reraise_star(void *ts, void *f, RtObj *orig, RtObj *excs);

/* Unwinding to an exception handler compiled code runs itself: Python/ceval.c's
 * exception_unwind. The raising site has stored its frame state's whole stack (nstack
 * values) into the frame. With add_tb, first what the interpreter's `error:` label does:
 * the traceback entry at prev_instr; but when tracing is on nothing is done and 1 is
 * returned: the caller leaves to the interpreter (throwflag 1), which also calls the
 * tracer. Then the stack above `depth` is released, lasti pushed if asked (from
 * prev_instr, as RERAISE may have set it), and the normalised exception with its
 * __traceback__; the landing block reads them with entry_stack. Returns 0. */
int rt_unwind(void *ts, void *f, int64_t nstack, int64_t depth, int64_t lasti,
              int64_t add_tb);
/* RAISE_VARARGS (do_raise) with borrowed operands, which stay on the stack for unwinding
 * to release. exc NULL: re-raise the exception being handled. An exception is set after;
 * returns 1 when it needs no traceback entry (a re-raise), 0 when it does. */
int rt_raise(void *ts, void *f, RtObj *exc, RtObj *cause);
/* RERAISE: lasti (NULL unless the oparg asks) becomes prev_instr and e is raised with its
 * traceback as it is; returns 1 (no new entry), or 0 with a SystemError when lasti is
 * not an int. */
int rt_reraise(void *ts, void *f, RtObj *lasti, RtObj *e);
RtObj *rt_with_except_start(void *ts, void *f, RtObj *exit, RtObj *e);
RtObj *rt_before_with(void *ts, void *f, RtObj *mgr);
RtObj *rt_before_async_with(void *ts, void *f, RtObj *mgr);
RtObj *rt_match_class(void *ts, void *f, int64_t n, RtObj *s, RtObj *cls, RtObj *names);
RtObj *rt_match_keys(void *ts, void *f, RtObj *s, RtObj *keys);
RtObj *rt_get_awaitable(void *ts, void *f, int64_t where, RtObj *o);
RtObj *rt_get_aiter(void *ts, void *f, RtObj *o);
RtObj *rt_get_anext(void *ts, void *f, RtObj *aiter);
RtObj *rt_async_gen_wrap(void *ts, void *f, RtObj *v);
/* On-stack replacement (lower_ctx_count_calls_and_loops): the optimised entry of the
 * frame's code from the engine's handler, or NULL; continuing a frame at a loop header
 * in it (counted: rt_osr_entries). */
void rt_set_osr_handler(void *(*handler)(RtObj *code));
void *rt_osr_request(void *ts, void *f);
RtObj *rt_leave_to_osr(void *ts, void *f, int64_t unit, int64_t nstack, void *entry);
uint64_t rt_osr_entries(void);

/* Every native helper lowered code may name: the JIT defines these absolute symbols. */
#define RT_NATIVE_LIST(X)                                                                  \
  X(rt_note_deopt) X(rt_handle_breaker) X(rt_raise_into_traced) X(rt_load_global_slow)    \
  X(rt_load_global_fill) X(rt_load_name_fill) X(rt_load_name_slow) X(rt_store_name_slow)  \
  X(rt_delete_name) X(rt_store_global) X(rt_delete_global)                                 \
  X(rt_delete_subscr) X(rt_delete_attr) X(rt_load_classderef) X(rt_build_set)              \
  X(rt_build_map) X(rt_build_const_key_map) X(rt_build_string) X(rt_build_slice)           \
  X(rt_set_add) X(rt_map_add) X(rt_list_extend) X(rt_set_update) X(rt_dict_update)         \
  X(rt_dict_merge) X(rt_list_to_tuple) X(rt_format_value) X(rt_unpack_seq) X(rt_unpack_ex) \
  X(rt_call_ex) X(rt_make_function) X(rt_load_build_class) X(rt_setup_annotations)         \
  X(rt_print_expr) X(rt_import_name) X(rt_import_from) X(rt_import_star)                   \
  X(rt_check_exc_match) X(rt_with_except_start) X(rt_before_with) X(rt_match_class)        \
  X(rt_match_keys) X(rt_call_function) X(rt_before_async_with) X(rt_get_awaitable)        \
  X(rt_get_aiter) X(rt_get_anext) X(rt_async_gen_wrap) X(rt_osr_request) X(rt_leave_to_osr) \
  X(rt_unwind) X(rt_raise) X(rt_reraise) X(rt_check_eg_match) X(rt_prep_reraise_star)

#endif
