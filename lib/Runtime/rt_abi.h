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
  RT_DEOPT__COUNT
} RtDeoptReason;

/* Called by compiled code when it leaves to the interpreter; counts into the engine that
 * rt_set_deopt_counters installed (no-op when none). */
void rt_note_deopt(int64_t reason);
/* The counters rt_note_deopt increments (owned by the engine), or NULL. One per process:
 * the eval-frame hook API allows one engine per interpreter. */
void rt_set_deopt_counters(uint64_t *counters);

/* Eval breaker at a loop back-edge: yields the GIL if asked, runs pending calls and
 * signal handlers. Returns 0, or -1 with an exception set (KeyboardInterrupt...). */
int rt_handle_breaker(void *ts);

/* Every native helper lowered code may name: the JIT defines these absolute symbols. */
#define RT_NATIVE_LIST(X)                                                                  \
  X(rt_note_deopt)                                                                         \
  X(rt_handle_breaker)

#endif
