/* lower.c - pyllc IR -> LLVM IR.
 *
 * Each IrFunc becomes `PyObject *f(PyThreadState *ts, _PyInterpreterFrame *frame,
 * int throwflag)`, the PEP 523 signature, working on CPython's own frame:
 *
 *   entry     throwflag set, tracing on or recursion limit reached: run the interpreter
 *             on the frame instead. Otherwise link the frame, count the recursion and set
 *             prev_instr past RESUME (rt_enter).
 *   body      one LLVM block per reachable IR block, emitted in reverse post-order so that
 *             definitions precede uses; SSA values map one to one.
 *   leaving   an operation with a frame state stores prev_instr before it runs (tracebacks,
 *             f_lineno). On failure a cold block spills the frame state's stack values
 *             into localsplus[nlocalsplus + i] and jumps to the function's exit for that
 *             way of leaving and stack depth (shared: one call per exit, not per
 *             operation), which tail-calls the interpreter on the frame
 *             (rt_leave_to_interp): throwflag 1 for an exception, which then gets its
 *             traceback entry and handler exactly as if the interpreter had raised it;
 *             throwflag 0 to resume at the instruction (deopt). Locals always live in the
 *             frame, so nothing else needs writing back ("deoptimisation is free").
 *   back-edges  unless their block has an eval_breaker op (JUMP_BACKWARD's), test the
 *             eval breaker (`while` loops' conditional backward jumps, IR without
 *             eval_breaker ops); when set, rt_handle_breaker yields the GIL and runs
 *             pending calls and signal handlers, and an exception from them is raised at
 *             the loop header's instruction.
 *
 * Operations other than constants, SSA plumbing, unboxed arithmetic and terminators are
 * calls to runtime helpers named after the op (rt_abi.h): the hot ones come from bitcode
 * and are inlined by LLVM, so what C says clearly is written in C.
 *
 * Terms: "unit" = index of a 2-byte code unit in co_code_adaptive (bc_offset / 2).
 */
#define PY_SSIZE_T_CLEAN
#define Py_BUILD_CORE 1
#include <Python.h>
#include <internal/pycore_code.h>
#include <internal/pycore_frame.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/BitReader.h>
#include <llvm-c/Linker.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower_internal.h"
#include "pyllc/support.h"
#include "rt_abi.h"

struct LowerCtx {
  LLVMContextRef C;     /* borrowed */
  LLVMModuleRef M;      /* owned until lower_ctx_finish */
  LLVMModuleRef rt;     /* the runtime bitcode, lazily loaded; owned until linked */
  LLVMBuilderRef B;
  LLVMTypeRef ptr, i1, i32, i64, f64, vd;
  char *target_cpu, *target_features; /* copied from the helpers (inlining needs them) */
  bool link_helpers;    /* link the helpers' bitcode in (to inline them); else call them */
  bool count;           /* baseline code: entries and back-edges spend a budget (OSR) */
  unsigned md_invariant;
};

/* One way of leaving a function: the failure paths of its operations store their frame
 * state's stack into the frame and jump to the exit block of their key, which makes the
 * one call (one per stack depth and kind, not one per operation: exits were most of the
 * generated code). */
typedef struct ExitKey {
  IrBlockId handler; /* unwind to this landing block; IR_NOREF: leave to the interpreter */
  uint32_t nstack;   /* values of the stack in the frame */
  int throwflag;     /* rt_leave_to_interp's: 0, 1 or RT_THROW_IF_SET */
  int reason;        /* RtDeoptReason, or RT_LEAVE_UNCOUNTED */
  bool unit_phi;     /* the unit comes in through a phi; else prev_instr is the instruction */
} ExitKey;
typedef struct ExitBlock {
  ExitKey key;
  LLVMBasicBlockRef bb;
  LLVMValueRef unit; /* the phi when key.unit_phi */
} ExitBlock;

/* Per function being lowered. */
typedef struct FnCtx {
  LowerCtx *lc;
  IrFunc *fn;
  LowerFuncInfo *info;
  LLVMValueRef func, ts, frame, throwflag;
  LLVMValueRef code_units;  /* i8* to co_code_adaptive */
  LLVMValueRef cframe;      /* ts->cframe: constant while this frame runs (a nested
                               interpreter restores it), so loaded once */
  LLVMValueRef objs;        /* the object table global, created on first use */
  LLVMBasicBlockRef entry;  /* allocas go here */
  LLVMValueRef *vals;       /* by IrRef */
  LLVMBasicBlockRef *bbs;   /* by IrBlockId: where the block starts */
  LLVMBasicBlockRef **edge; /* [block][succ k]: the LLVM block that branches to succ k */
  uint32_t *order;          /* reachable blocks in reverse post-order */
  uint32_t norder;
  uint32_t *rpo_index;      /* by block, UINT32_MAX when unreachable */
  bool *checks_breaker;     /* by block: it has an eval_breaker op (JUMP_BACKWARD's) */
  LLVMValueRef resume_unit; /* dispatch: the unit the frame continues at (rt_enter_resume) */
  LLVMValueRef budget;      /* baseline code: the global i64 budget, else NULL */
  LLVMValueRef *cmp_fast;   /* by IrRef: for a compare_op feeding a branch, the result of
                               rt_compare_fast (>= 0: no object made), else NULL */
  ExitBlock *exits;         /* made on first use (exit_index) */
  uint32_t nexits, capexits;
  bool failed;
} FnCtx;

static void fail(FnCtx *fc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(FnCtx *fc, const char *fmt, ...) {
  if (fc->failed) return;
  fc->failed = true;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(fc->info->why, sizeof fc->info->why, fmt, ap);
  va_end(ap);
}

void lower_info_clear(LowerFuncInfo *info) {
  free(info->sym);
  free(info->budget_sym);
  free(info->objs_sym);
  free(info->objs);
  memset(info, 0, sizeof *info);
}

char *lower_symbol_name(const IrFunc *fn, long tag) {
  const char *q = fn->qualname ? fn->qualname : fn->name ? fn->name : "anon";
  size_t n = strlen(q);
  char *s = malloc(n + 32);
  if (!s) PYLLC_DIE("out of memory");
  memcpy(s, "py.", 3);
  for (size_t i = 0; i < n; i++) {
    char c = q[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.';
    s[3 + i] = ok ? c : '_';
  }
  s[3 + n] = '\0';
  if (tag >= 0) snprintf(s + 3 + n, 29, ".%ld", tag);
  return s;
}

/* Entered through a `dispatch` (bb0's terminator): generators, loops entered mid-way. */
static bool is_resumable(const IrFunc *fn) {
  return fn->nblocks && fn->blocks[0].term != IR_NOREF &&
         fn->instrs[fn->blocks[0].term].op == IR_DISPATCH;
}

const char *lower_unsupported_reason(const IrFunc *fn) {
  /* Generators compile when their front end made them resumable. */
  if (is_resumable(fn)) return NULL;
  if (fn->flags & CO_GENERATOR) return "generator";
  if (fn->flags & CO_COROUTINE) return "coroutine";
  if (fn->flags & CO_ASYNC_GENERATOR) return "async generator";
  return NULL;
}

/* ---- module context --------------------------------------------------------------- */

static char *dup_attr(LLVMValueRef f, const char *kind) {
  LLVMAttributeRef a =
      LLVMGetStringAttributeAtIndex(f, LLVMAttributeFunctionIndex, kind, (unsigned)strlen(kind));
  if (!a) return NULL;
  unsigned len = 0;
  const char *v = LLVMGetStringAttributeValue(a, &len);
  char *s = malloc(len + 1);
  if (!s) PYLLC_DIE("out of memory");
  memcpy(s, v, len);
  s[len] = '\0';
  return s;
}

LowerCtx *lower_ctx_new(LLVMContextRef C, const char *module_name, int opt_level) {
  LowerCtx *lc = calloc(1, sizeof *lc);
  if (!lc) PYLLC_DIE("out of memory");
  lc->C = C;
  lc->link_helpers = opt_level > 0;
  lc->M = LLVMModuleCreateWithNameInContext(module_name, C);
  LLVMSetTarget(lc->M, "x86_64-pc-linux-gnu");
  lc->B = LLVMCreateBuilderInContext(C);
  lc->ptr = LLVMPointerTypeInContext(C, 0);
  lc->i1 = LLVMInt1TypeInContext(C);
  lc->i32 = LLVMInt32TypeInContext(C);
  lc->i64 = LLVMInt64TypeInContext(C);
  lc->f64 = LLVMDoubleTypeInContext(C);
  lc->vd = LLVMVoidTypeInContext(C);
  lc->md_invariant = LLVMGetMDKindIDInContext(C, "invariant.load", 14);
  /* The helpers' bitcode, lazily: only the functions the module uses get materialised
   * when it is linked in. The buffer points at static data (no copy). */
  LLVMMemoryBufferRef buf = LLVMCreateMemoryBufferWithMemoryRange(
      (const char *)rt_bitcode, rt_bitcode_size, "rt_inline.bc", 0);
  if (LLVMGetBitcodeModuleInContext2(C, buf, &lc->rt)) {
    LLVMDisposeMemoryBuffer(buf);
    PYLLC_DIE("the embedded runtime bitcode does not load");
  }
  /* The module took the buffer. */
  LLVMValueRef probe = LLVMGetNamedFunction(lc->rt, "rt_enter");
  if (!probe) PYLLC_DIE("the runtime bitcode lacks rt_enter");
  lc->target_cpu = dup_attr(probe, "target-cpu");
  lc->target_features = dup_attr(probe, "target-features");
  LLVMSetDataLayout(lc->M, LLVMGetDataLayoutStr(lc->rt));
  return lc;
}

void lower_ctx_count_calls_and_loops(LowerCtx *lc) { lc->count = true; }

void lower_ctx_free(LowerCtx *lc) {
  if (!lc) return;
  if (lc->rt) LLVMDisposeModule(lc->rt);
  if (lc->M) LLVMDisposeModule(lc->M);
  LLVMDisposeBuilder(lc->B);
  free(lc->target_cpu);
  free(lc->target_features);
  free(lc);
}

/* The linked helpers marked cold (RT_COLD: slow paths, leaving to the interpreter) become
 * declarations of their native copies: optimising and generating code for them in every
 * module cost compile time for paths that run rarely. */
static void drop_cold_helpers(LowerCtx *lc) {
  unsigned cold = LLVMGetEnumAttributeKindForName("cold", 4);
  LLVMValueRef next;
  for (LLVMValueRef f = LLVMGetFirstFunction(lc->M); f; f = next) {
    next = LLVMGetNextFunction(f);
    size_t len = 0;
    const char *name = LLVMGetValueName2(f, &len);
    if (LLVMIsDeclaration(f) || strncmp(name, "rt_", 3) != 0 ||
        LLVMGetLinkage(f) == LLVMInternalLinkage ||
        !LLVMGetEnumAttributeAtIndex(f, LLVMAttributeFunctionIndex, cold))
      continue;
    char *keep = strndup(name, len);
    if (!keep) PYLLC_DIE("out of memory");
    LLVMValueRef decl = LLVMAddFunction(lc->M, "", LLVMGlobalGetValueType(f));
    /* Still cold: the branches that lead to it stay unlikely for the inliner's and the
     * code layout's estimates. */
    LLVMAddAttributeAtIndex(decl, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(lc->C, cold, 0));
    LLVMReplaceAllUsesWith(f, decl);
    LLVMDeleteFunction(f);
    LLVMSetValueName2(decl, keep, len);
    free(keep);
  }
}

LLVMModuleRef lower_ctx_finish(LowerCtx *lc, char **err) {
  LLVMModuleRef m = NULL;
  if (!lc->link_helpers) {
    /* -O0: the helpers stay declarations, resolved to their native copies. */
    LLVMDisposeModule(lc->rt);
    lc->rt = NULL;
    goto verify;
  }
  /* Helpers become linkonce_odr so that the linker only pulls in what is referenced. */
  for (LLVMValueRef f = LLVMGetFirstFunction(lc->rt); f; f = LLVMGetNextFunction(f)) {
    if (!LLVMIsDeclaration(f) && LLVMGetLinkage(f) == LLVMExternalLinkage)
      LLVMSetLinkage(f, LLVMLinkOnceODRLinkage);
  }
  LLVMModuleRef rt = lc->rt;
  lc->rt = NULL;
  if (LLVMLinkModules2(lc->M, rt)) { /* consumes rt */
    *err = strdup("linking the runtime helpers failed");
    goto done;
  }
  drop_cold_helpers(lc);
  /* Now internal: inlined copies are all that remains after optimisation. */
  for (LLVMValueRef f = LLVMGetFirstFunction(lc->M); f; f = LLVMGetNextFunction(f)) {
    const char *name = LLVMGetValueName2(f, &(size_t){0});
    if (!LLVMIsDeclaration(f) && strncmp(name, "rt_", 3) == 0) {
      LLVMSetLinkage(f, LLVMInternalLinkage);
      LLVMSetVisibility(f, LLVMDefaultVisibility);
    }
  }
verify:;
  char *msg = NULL;
  if (LLVMVerifyModule(lc->M, LLVMReturnStatusAction, &msg)) {
    *err = strdup(msg ? msg : "invalid LLVM module");
    LLVMDisposeMessage(msg);
    goto done;
  }
  LLVMDisposeMessage(msg);
  m = lc->M;
  lc->M = NULL;
done:
  lower_ctx_free(lc);
  return m;
}

/* ---- types and helper functions ------------------------------------------------------ */

static LLVMTypeRef type_of_letter(LowerCtx *lc, char c, bool as_param) {
  switch (c) {
  case 'o': case 'p': return lc->ptr;
  case 'i': return lc->i64;
  case 'f': return lc->f64;
  case 'b': return as_param ? lc->i32 : lc->i1;
  case 'v': return lc->vd;
  default: return NULL;
  }
}

static LLVMTypeRef ir_type(LowerCtx *lc, uint8_t t) {
  switch (t) {
  case IR_T_OBJ: case IR_T_PTR: return lc->ptr;
  case IR_T_I64: return lc->i64;
  case IR_T_F64: return lc->f64;
  case IR_T_BOOL: return lc->i1;
  default: return lc->vd;
  }
}

/* A function of the module by name, declared with type `ty` if absent. */
static LLVMValueRef get_fn(LowerCtx *lc, const char *name, LLVMTypeRef ty) {
  LLVMValueRef f = LLVMGetNamedFunction(lc->M, name);
  if (!f) f = LLVMAddFunction(lc->M, name, ty);
  return f;
}

static LLVMValueRef call(LowerCtx *lc, const char *name, LLVMTypeRef ret, LLVMTypeRef *params,
                         unsigned n, LLVMValueRef *args) {
  LLVMTypeRef ty = LLVMFunctionType(ret, params, n, 0);
  LLVMValueRef f = get_fn(lc, name, ty);
  return LLVMBuildCall2(lc->B, ty, f, args, n, "");
}

static LLVMValueRef i64c(LowerCtx *lc, int64_t v) {
  return LLVMConstInt(lc->i64, (unsigned long long)v, 1);
}
static LLVMValueRef i32c(LowerCtx *lc, int v) {
  return LLVMConstInt(lc->i32, (unsigned long long)(long long)v, 1);
}

/* Address of a field of the frame, `off` bytes in. */
static LLVMValueRef frame_field(FnCtx *fc, size_t off) {
  LLVMValueRef idx = i64c(fc->lc, (int64_t)off);
  return LLVMBuildGEP2(fc->lc->B, LLVMInt8TypeInContext(fc->lc->C), fc->frame, &idx, 1, "");
}

static LLVMValueRef localsplus_slot(FnCtx *fc, uint32_t i) {
  return frame_field(fc, offsetof(_PyInterpreterFrame, localsplus) + sizeof(PyObject *) * i);
}

/* ---- the object table ---------------------------------------------------------------- */

static LLVMValueRef load_obj(FnCtx *fc, uint8_t kind, uint32_t index) {
  LowerCtx *lc = fc->lc;
  LowerFuncInfo *info = fc->info;
  uint32_t slot = 0;
  for (; slot < info->nobjs; slot++)
    if (info->objs[slot].kind == kind && info->objs[slot].index == index) break;
  if (slot == info->nobjs) {
    LowerObj *o = realloc(info->objs, sizeof *o * (info->nobjs + 1));
    if (!o) PYLLC_DIE("out of memory");
    info->objs = o;
    info->objs[info->nobjs++] = (LowerObj){kind, index};
  }
  if (!fc->objs) {
    /* A placeholder of unknown size; lower_func gives the table its real size. */
    size_t n = strlen(info->sym);
    info->objs_sym = malloc(n + 6);
    if (!info->objs_sym) PYLLC_DIE("out of memory");
    memcpy(info->objs_sym, info->sym, n);
    memcpy(info->objs_sym + n, ".objs", 6);
    fc->objs = LLVMAddGlobal(lc->M, LLVMArrayType2(lc->ptr, 0), "");
  }
  LLVMValueRef idx = i64c(lc, slot);
  LLVMValueRef p = LLVMBuildInBoundsGEP2(lc->B, lc->ptr, fc->objs, &idx, 1, "");
  LLVMValueRef v = LLVMBuildLoad2(lc->B, lc->ptr, p, "obj");
  LLVMMetadataRef empty = LLVMMDNodeInContext2(lc->C, NULL, 0);
  LLVMSetMetadata(v, lc->md_invariant, LLVMMetadataAsValue(lc->C, empty));
  return v;
}

/* ---- leaving to the interpreter ----------------------------------------------------- */

/* Value of IR ref `r` seen on the edge from LLVM block `from_ir` into IR block `to`: phis of
 * `to` are replaced by their operand for that predecessor. */
static LLVMValueRef value_on_edge(FnCtx *fc, IrRef r, IrBlockId from_ir, IrBlockId to) {
  IrInstr *in = ir_instr(fc->fn, r);
  if (in->op == IR_PHI && in->block == to && from_ir != IR_NOREF) {
    for (uint32_t k = 0; k < in->nargs; k++)
      if (in->phi_from[k] == from_ir) return fc->vals[in->args[k]];
  }
  return fc->vals[r];
}

/* Stores, at the builder's position, frame state `fs` into the frame: its locals held as
 * values and the bottom `nstack` values of its stack (NULL for `null` slots); stack
 * values from fs->nframe up are released instead (Py_XDECREF), top first as unwinding
 * pops them. `from_ir`/`to` map phis when the state belongs to another block's
 * instruction (loop headers); pass IR_NOREF otherwise. False (and the function fails) on
 * an undefined value. */
static bool spill_fstate(FnCtx *fc, uint32_t fs_index, uint32_t nstack, IrBlockId from_ir,
                         IrBlockId to) {
  LowerCtx *lc = fc->lc;
  IrFrameState *fs = &fc->fn->fstates[fs_index];
  LLVMValueRef null = LLVMConstNull(lc->ptr);
  uint32_t kept = fs->nlocals + (nstack < fs->nframe ? nstack : fs->nframe);
  for (uint32_t i = fs->nlocals + nstack; i-- > kept;) {
    IrRef r = fs->vals[i];
    if (r == IR_FS_MEM || r == IR_FS_UNSET) continue;
    LLVMValueRef v = value_on_edge(fc, r, from_ir, to);
    if (!v) {
      fail(fc, "frame state refers to an undefined value %%%u", r);
      return false;
    }
    LLVMTypeRef p[3] = {lc->ptr, lc->ptr, lc->ptr};
    LLVMValueRef a[3] = {fc->ts, fc->frame, v};
    call(lc, "rt_xdecref", lc->vd, p, 3, a);
  }
  for (uint32_t i = 0; i < kept; i++) {
    IrRef r = fs->vals[i];
    if (r == IR_FS_MEM) continue; /* already in the frame */
    if (i < fs->nlocals && r == IR_FS_UNSET) continue; /* locals live in the frame */
    LLVMValueRef v = r == IR_FS_UNSET ? null : value_on_edge(fc, r, from_ir, to);
    if (!v) {
      fail(fc, "frame state refers to an undefined value %%%u", r);
      return false;
    }
    LLVMBuildStore(lc->B, v, localsplus_slot(fc, i));
  }
  return true;
}

/* The unit the interpreter takes fs's frame at: an exception is raised at the opcode's
 * own unit; a deopt resumes at its first EXTENDED_ARG prefix, which the interpreter must
 * run again for the argument's high bits. */
static int64_t leave_unit(const IrFrameState *fs, int throwflag) {
  return (throwflag == 1 ? fs->bc_offset : fs->bc_start) / 2;
}

/* Whether spill_fstate would store anything for the whole of fs. */
static bool has_spill(const IrFrameState *fs) {
  for (uint32_t i = 0; i < fs->nlocals + fs->nstack; i++) {
    IrRef r = fs->vals[i];
    if (r != IR_FS_MEM && (i >= fs->nlocals || r != IR_FS_UNSET)) return true;
  }
  return false;
}

static bool same_exit(ExitKey a, ExitKey b) {
  return a.handler == b.handler && a.nstack == b.nstack && a.throwflag == b.throwflag &&
         a.reason == b.reason && a.unit_phi == b.unit_phi;
}

/* The name of an exit block, for readers of -emit-llvm. */
static const char *exit_name(ExitKey k) {
  if (k.throwflag == RT_THROW_IF_SET) return "raise_or_deopt";
  if (k.throwflag) return k.reason == RT_DEOPT_BREAKER ? "breaker" : "raise";
  switch (k.reason) {
  case RT_DEOPT_GUARD: return "deopt";
  case RT_DEOPT_TRACING: return "tracing";
  case RT_DEOPT_EXCEPTION: return "raise_op"; /* the interpreter runs the raising op */
  default: return "interp";
  }
}

static uint32_t exit_index(FnCtx *fc, ExitKey key);

/* The exit block of `key` (exit_index may move fc->exits: index after the call). */
static LLVMBasicBlockRef exit_bb(FnCtx *fc, ExitKey key) {
  uint32_t i = exit_index(fc, key);
  return fc->exits[i].bb;
}

/* rt_unwind (the interpreter's exception_unwind: traceback entry when add_tb, an i64, is
 * nonzero) to landing block h, with nstack values in the frame: the i1 that says it
 * declined (a tracer wants the exception event; the interpreter must raise). */
static LLVMValueRef call_unwind(FnCtx *fc, IrBlockId h, uint32_t nstack, LLVMValueRef add_tb) {
  LowerCtx *lc = fc->lc;
  const IrBlock *land = &fc->fn->blocks[h];
  LLVMTypeRef p[6] = {lc->ptr, lc->ptr, lc->i64, lc->i64, lc->i64, lc->i64};
  LLVMValueRef a[6] = {fc->ts, fc->frame, i64c(lc, nstack), i64c(lc, land->eh_depth),
                       i64c(lc, land->eh_lasti), add_tb};
  LLVMValueRef r = call(lc, "rt_unwind", lc->i32, p, 6, a);
  return LLVMBuildICmp(lc->B, LLVMIntNE, r, i32c(lc, 0), "");
}

/* The code of an exit, at the builder's position: rt_unwind and a branch to the landing
 * block (or, when rt_unwind declines because a tracer wants the exception event, to the
 * raising exit); else the tail call into the interpreter. */
static void build_exit(FnCtx *fc, uint32_t ei) {
  LowerCtx *lc = fc->lc;
  ExitKey k = fc->exits[ei].key;
  if (k.handler != IR_NOREF) {
    LLVMValueRef declined = call_unwind(fc, k.handler, k.nstack, i64c(lc, 1));
    ExitKey raise = {IR_NOREF, k.nstack, 1, RT_DEOPT_EXCEPTION, false};
    LLVMBuildCondBr(lc->B, declined, exit_bb(fc, raise), fc->bbs[k.handler]);
    return;
  }
  LLVMValueRef unit = i64c(lc, RT_UNIT_AT_PREV_INSTR);
  if (k.unit_phi) unit = fc->exits[ei].unit = LLVMBuildPhi(lc->B, lc->i64, "unit");
  LLVMTypeRef params[6] = {lc->ptr, lc->ptr, lc->i64, lc->i64, lc->i32, lc->i64};
  LLVMValueRef args[6] = {fc->ts, fc->frame, unit, i64c(lc, k.nstack), i32c(lc, k.throwflag),
                          i64c(lc, k.reason)};
  LLVMValueRef r = call(lc, "rt_leave_to_interp", lc->ptr, params, 6, args);
  LLVMSetTailCall(r, 1);
  LLVMBuildRet(lc->B, r);
}

/* The exit block of `key` (FnCtx.exits), made on first use; the builder stays where it
 * is. */
static uint32_t exit_index(FnCtx *fc, ExitKey key) {
  for (uint32_t i = 0; i < fc->nexits; i++)
    if (same_exit(fc->exits[i].key, key)) return i;
  LowerCtx *lc = fc->lc;
  fc->exits = pyllc_grow(fc->exits, sizeof *fc->exits, fc->nexits + 1, &fc->capexits);
  uint32_t ei = fc->nexits++;
  char name[48];
  if (key.handler != IR_NOREF)
    snprintf(name, sizeof name, "unwind.bb%u.%u", key.handler, key.nstack);
  else
    snprintf(name, sizeof name, "leave.%s.%u%s", exit_name(key), key.nstack,
             key.unit_phi ? ".unit" : "");
  fc->exits[ei] = (ExitBlock){key, LLVMAppendBasicBlockInContext(lc->C, fc->func, name), NULL};
  LLVMBasicBlockRef cur = LLVMGetInsertBlock(lc->B);
  LLVMPositionBuilderAtEnd(lc->B, fc->exits[ei].bb);
  build_exit(fc, ei);
  LLVMPositionBuilderAtEnd(lc->B, cur);
  return ei;
}

/* The exit block of `key` for a branch from the builder's block, given fs's unit when the
 * exit takes it through a phi. */
static LLVMBasicBlockRef exit_from_here(FnCtx *fc, const IrFrameState *fs, ExitKey key) {
  uint32_t ei = exit_index(fc, key);
  if (key.unit_phi) {
    LLVMValueRef unit = i64c(fc->lc, leave_unit(fs, key.throwflag));
    LLVMBasicBlockRef from = LLVMGetInsertBlock(fc->lc->B);
    LLVMAddIncoming(fc->exits[ei].unit, &unit, &from, 1);
  }
  return fc->exits[ei].bb;
}

/* Ends the current block with a jump to the exit of `key`. The frame state must already
 * be in the frame. */
static void goto_exit(FnCtx *fc, const IrFrameState *fs, ExitKey key) {
  LLVMBuildBr(fc->lc->B, exit_from_here(fc, fs, key));
}

/* Spills frame state fs (see spill_fstate for from_ir/to) and jumps to the exit of
 * `key`. */
static void leave_via(FnCtx *fc, uint32_t fs_index, ExitKey key, IrBlockId from_ir,
                      IrBlockId to) {
  IrFrameState *fs = &fc->fn->fstates[fs_index];
  if (spill_fstate(fc, fs_index, fs->nstack, from_ir, to)) goto_exit(fc, fs, key);
}

/* A block that leaves by the exit of `key` with frame state fs: the exit itself when there
 * is nothing to store, else a new block `name` that spills first. The builder stays where
 * it is. */
static LLVMBasicBlockRef exit_edge(FnCtx *fc, uint32_t fs_index, ExitKey key,
                                   const char *name) {
  LowerCtx *lc = fc->lc;
  if (!key.unit_phi && !has_spill(&fc->fn->fstates[fs_index]))
    return exit_bb(fc, key);
  LLVMBasicBlockRef cur = LLVMGetInsertBlock(lc->B);
  LLVMBasicBlockRef stub = LLVMAppendBasicBlockInContext(lc->C, fc->func, name);
  LLVMPositionBuilderAtEnd(lc->B, stub);
  leave_via(fc, fs_index, key, IR_NOREF, IR_NOREF);
  LLVMPositionBuilderAtEnd(lc->B, cur);
  return stub;
}

/* The stack values leaving puts into the frame (spliced .pyasm: the others are
 * released, spill_fstate). */
static uint32_t frame_depth(const IrFrameState *fs) {
  return fs->nframe < fs->nstack ? fs->nframe : fs->nstack;
}

/* The exit for leaving to the interpreter with fs as it is (no handler involved). */
static ExitKey leave_key(const IrFrameState *fs, int throwflag, int reason, bool unit_phi) {
  /* prev_instr is the opcode's own unit: a deopt at a prefixed instruction must resume at
   * the prefix (leave_unit), so its unit comes through the phi. */
  if (throwflag != 1 && fs->bc_start != fs->bc_offset) unit_phi = true;
  return (ExitKey){IR_NOREF, frame_depth(fs), throwflag, reason, unit_phi};
}

/* The exit for an exception set at fs, prev_instr at its instruction: unwinding to fs's
 * handler, or leaving to the interpreter, which adds the traceback entry and unwinds. */
static ExitKey raise_key(FnCtx *fc, const IrFrameState *fs) {
  IrBlockId h = fs->handler;
  if (h == IR_NOREF) return leave_key(fs, 1, RT_DEOPT_EXCEPTION, false);
  if (h >= fc->fn->nblocks || !fc->bbs[h] || fc->fn->blocks[h].eh_depth < 0) {
    fail(fc, "frame state names bb%u, which is not a reachable landing block", h);
    return leave_key(fs, 1, RT_DEOPT_EXCEPTION, false);
  }
  return (ExitKey){h, frame_depth(fs), 1, RT_DEOPT_EXCEPTION, false};
}

/* prev_instr := the unit of fs: keeps tracebacks and f_lineno right while we call out. */
static void emit_set_instr(FnCtx *fc, uint32_t fs_index) {
  LowerCtx *lc = fc->lc;
  IrFrameState *fs = &fc->fn->fstates[fs_index];
  LLVMValueRef off = i64c(lc, fs->bc_offset);
  LLVMValueRef p = LLVMBuildGEP2(lc->B, LLVMInt8TypeInContext(lc->C), fc->code_units, &off, 1, "");
  LLVMBuildStore(lc->B, p, frame_field(fc, offsetof(_PyInterpreterFrame, prev_instr)));
}

/* The block an operation that failed at fs (prev_instr at its instruction) goes to:
 * throwflag 1 raises, 0 deoptimises; `check_err` (RAISE and DEOPT ops) decides by whether
 * an exception is set. */
static LLVMBasicBlockRef failure_edge(FnCtx *fc, uint32_t fs_index, int throwflag,
                                      bool check_err) {
  LowerCtx *lc = fc->lc;
  IrFrameState *fs = &fc->fn->fstates[fs_index];
  ExitKey deopt = leave_key(fs, 0, RT_DEOPT_GUARD, false);
  /* One exit deciding raise or deopt at run time, unless the two resume at different
   * units (a prefixed instruction): then the split below. */
  if (fs->handler == IR_NOREF && check_err && fs->bc_start == fs->bc_offset)
    return exit_edge(fc, fs_index, leave_key(fs, RT_THROW_IF_SET, RT_DEOPT_GUARD, false),
                     "fail");
  if (!check_err)
    return exit_edge(fc, fs_index, throwflag ? raise_key(fc, fs) : deopt, "fail");
  /* A handler (the unwinding stays in compiled code) or a prefix, and either outcome. */
  ExitKey raise = raise_key(fc, fs);
  LLVMBasicBlockRef cur = LLVMGetInsertBlock(lc->B);
  LLVMBasicBlockRef stub = LLVMAppendBasicBlockInContext(lc->C, fc->func, "fail");
  LLVMPositionBuilderAtEnd(lc->B, stub);
  if (spill_fstate(fc, fs_index, fs->nstack, IR_NOREF, IR_NOREF)) {
    LLVMTypeRef p[1] = {lc->ptr};
    LLVMValueRef a[1] = {fc->ts};
    LLVMValueRef e = call(lc, "rt_err_occurred", lc->i32, p, 1, a);
    LLVMBuildCondBr(lc->B, LLVMBuildICmp(lc->B, LLVMIntNE, e, i32c(lc, 0), ""),
                    exit_from_here(fc, fs, raise), exit_from_here(fc, fs, deopt));
  }
  LLVMPositionBuilderAtEnd(lc->B, cur);
  return stub;
}

/* Branches on `failed` to failure_edge's block. Leaves the builder in the continuation
 * block. */
static void branch_on_failure(FnCtx *fc, LLVMValueRef failed, uint32_t fs, int throwflag,
                              bool check_err) {
  LowerCtx *lc = fc->lc;
  LLVMBasicBlockRef bad = failure_edge(fc, fs, throwflag, check_err);
  LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(lc->C, fc->func, "ok");
  LLVMBuildCondBr(lc->B, failed, bad, ok);
  LLVMPositionBuilderAtEnd(lc->B, ok);
}

/* trace_check: one load and a branch. The interpreter tests cframe->use_tracing before
 * every instruction; a tracer set by a callee must see this frame's next line event and
 * its return, so leave to the interpreter at this instruction (resumed, not raised). */
static void lower_trace_check(FnCtx *fc, IrInstr *in) {
  LowerCtx *lc = fc->lc;
  if (in->fs == IR_NOREF) {
    fail(fc, "trace_check without a frame state");
    return;
  }
  LLVMTypeRef i8 = LLVMInt8TypeInContext(lc->C);
  LLVMValueRef off = i64c(lc, offsetof(_PyCFrame, use_tracing));
  LLVMValueRef on =
      LLVMBuildLoad2(lc->B, i8, LLVMBuildGEP2(lc->B, i8, fc->cframe, &off, 1, ""), "tracing");
  const IrFrameState *fs = &fc->fn->fstates[in->fs];
  LLVMBasicBlockRef leave =
      exit_edge(fc, in->fs, leave_key(fs, 0, RT_DEOPT_TRACING, true), "trace");
  LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(lc->C, fc->func, "untraced");
  LLVMValueRef zero = LLVMConstInt(i8, 0, 0);
  LLVMBuildCondBr(lc->B, LLVMBuildICmp(lc->B, LLVMIntNE, on, zero, ""), leave, ok);
  LLVMPositionBuilderAtEnd(lc->B, ok);
}

/* ---- generic operations: calls to rt_<op> -------------------------------------------- */

static bool is_native(const char *name) {
#define RT_NAME(n) #n,
  static const char *const natives[] = {RT_NATIVE_LIST(RT_NAME) NULL};
#undef RT_NAME
  for (int i = 0; natives[i]; i++)
    if (!strcmp(natives[i], name)) return true;
  return false;
}

/* Ops with a per-site inline cache (rt_abi.h, RtSiteCache): their helper takes a pointer
 * to the site's slot as its last argument. */
static bool has_site_cache(IrOp op) { return op == IR_LOAD_GLOBAL || op == IR_LOAD_NAME; }

/* A fresh zeroed RtSiteCache in the module's data, private to one operation. */
static LLVMValueRef new_site_cache(FnCtx *fc) {
  LowerCtx *lc = fc->lc;
  LLVMTypeRef ty = LLVMArrayType2(lc->i64, sizeof(RtSiteCache) / sizeof(uint64_t));
  size_t n = strlen(fc->info->sym);
  char *name = malloc(n + 8);
  if (!name) PYLLC_DIE("out of memory");
  snprintf(name, n + 8, "%s.cache", fc->info->sym);
  LLVMValueRef g = LLVMAddGlobal(lc->M, ty, name); /* LLVM numbers the repeats */
  free(name);
  LLVMSetInitializer(g, LLVMConstNull(ty));
  LLVMSetLinkage(g, LLVMInternalLinkage);
  LLVMSetAlignment(g, 8);
  return g;
}

/* Ops whose NULL result is not a failure by itself (exhaustion); raise iff an exception
 * is set. */
static bool null_may_be_ok(IrOp op) { return op == IR_ITER_NEXT || op == IR_LOAD_METHOD; }

/* A value passed to a helper after the op's own arguments (a constant operand's value,
 * lower_binary_const), and the helper's name then; none when ty is NULL. */
typedef struct Extra {
  const char *helper;
  LLVMTypeRef ty;
  LLVMValueRef val;
} Extra;

static void lower_call_helper(FnCtx *fc, IrRef r, IrInstr *in, const Extra *x);

static void lower_generic(FnCtx *fc, IrRef r, IrInstr *in) {
  Extra none = {NULL, NULL, NULL};
  lower_call_helper(fc, r, in, &none);
}

static void lower_call_helper(FnCtx *fc, IrRef r, IrInstr *in, const Extra *x) {
  LowerCtx *lc = fc->lc;
  const IrOpInfo *oi = &ir_op_info[in->op];
  char name[64];
  snprintf(name, sizeof name, "rt_%s", x->ty ? x->helper : oi->name);
  for (char *p = name; *p; p++)
    if (*p == '.') *p = '_';
  if (fc->fn->no_bytecode && (in->op == IR_RESUME || in->op == IR_EVAL_BREAKER))
    strcat(name, "_untraced"); /* no interpreter to leave to for a tracer */
  /* Names in ir_ops.def's text column may differ from the ID; the ID is canonical. */
  LLVMTypeRef params[16];
  LLVMValueRef args[16];
  unsigned n = 0;
  params[n] = lc->ptr, args[n++] = fc->ts;
  params[n] = lc->ptr, args[n++] = fc->frame;
  for (int k = 0; k < 2; k++) {
    switch (oi->imm[k]) {
    case IR_IMM_NONE: break;
    case IR_IMM_CONST:
      params[n] = lc->ptr;
      args[n++] = in->imm[k] < 0 ? LLVMConstNull(lc->ptr)
                                 : load_obj(fc, LOWER_OBJ_CONST, (uint32_t)in->imm[k]);
      break;
    case IR_IMM_NAME:
      params[n] = lc->ptr;
      args[n++] = load_obj(fc, LOWER_OBJ_NAME, (uint32_t)in->imm[k]);
      break;
    case IR_IMM_F64:
      params[n] = lc->f64;
      args[n++] = LLVMConstReal(lc->f64, ir_imm_f64(in));
      break;
    default:
      params[n] = lc->i64;
      args[n++] = i64c(lc, in->imm[k]);
      break;
    }
  }
  const char *sig = strchr(oi->sig, ':') + 1;
  size_t nsig = strlen(sig);
  bool variadic = nsig > 0 && sig[nsig - 1] == '*';
  size_t nfixed = variadic ? nsig - 2 : nsig;
  if (in->nargs < nfixed) {
    fail(fc, "%s: %u operands, expected at least %zu", oi->name, in->nargs, nfixed);
    return;
  }
  for (size_t i = 0; i < nfixed; i++) {
    if (n >= 14) {
      fail(fc, "%s: too many operands for a helper call", oi->name);
      return;
    }
    LLVMValueRef v = fc->vals[in->args[i]];
    if (sig[i] == 'b') v = LLVMBuildZExt(lc->B, v, lc->i32, "");
    params[n] = type_of_letter(lc, sig[i], true);
    args[n++] = v;
  }
  if (variadic) {
    /* An array with one writable slot before the first element (vectorcall's offset). */
    uint32_t nv = in->nargs - (uint32_t)nfixed;
    LLVMBasicBlockRef cur = LLVMGetInsertBlock(lc->B);
    LLVMValueRef first = LLVMGetFirstInstruction(fc->entry);
    if (first) LLVMPositionBuilderBefore(lc->B, first);
    else LLVMPositionBuilderAtEnd(lc->B, fc->entry);
    LLVMTypeRef at = LLVMArrayType2(lc->ptr, nv + 1);
    LLVMValueRef arr = LLVMBuildAlloca(lc->B, at, "args");
    LLVMPositionBuilderAtEnd(lc->B, cur);
    for (uint32_t k = 0; k < nv; k++) {
      LLVMValueRef idx[2] = {i64c(lc, 0), i64c(lc, k + 1)};
      LLVMValueRef p = LLVMBuildInBoundsGEP2(lc->B, at, arr, idx, 2, "");
      LLVMValueRef v = fc->vals[in->args[nfixed + k]];
      if (sig[nsig - 2] == 'b') v = LLVMBuildZExt(lc->B, v, lc->ptr, ""); /* not expected */
      LLVMBuildStore(lc->B, v, p);
    }
    LLVMValueRef idx[2] = {i64c(lc, 0), i64c(lc, 1)};
    params[n] = lc->ptr, args[n++] = LLVMBuildInBoundsGEP2(lc->B, at, arr, idx, 2, "");
    params[n] = lc->i64, args[n++] = i64c(lc, nv);
  }
  if (has_site_cache(in->op)) params[n] = lc->ptr, args[n++] = new_site_cache(fc);
  if (x->ty) params[n] = x->ty, args[n++] = x->val;
  bool raise = oi->flags & IRF_RAISE, deopt = oi->flags & IRF_DEOPT;
  char rl = oi->sig[0];
  LLVMTypeRef ret = rl == 'v' ? ((raise || deopt) ? lc->i32 : lc->vd)
                              : type_of_letter(lc, rl, true);
  if (!ret) {
    fail(fc, "%s: result type '%c' has no helper convention", oi->name, rl);
    return;
  }
  LLVMTypeRef fty = LLVMFunctionType(ret, params, n, 0);
  /* The helper must exist: in the bitcode (with exactly this type) or among the natives. */
  LLVMValueRef bc = lc->rt ? LLVMGetNamedFunction(lc->rt, name) : NULL;
  if (bc && LLVMGlobalGetValueType(bc) != fty) {
    char *want = LLVMPrintTypeToString(fty);
    char *got = LLVMPrintTypeToString(LLVMGlobalGetValueType(bc));
    fail(fc, "helper %s has type %s, the convention says %s", name, got, want);
    LLVMDisposeMessage(want);
    LLVMDisposeMessage(got);
    return;
  }
  if (!bc && !is_native(name)) {
    fail(fc, "no lowering for operation '%s'", oi->name);
    return;
  }
  if (in->fs != IR_NOREF) emit_set_instr(fc, in->fs);
  LLVMValueRef f = get_fn(lc, name, fty);
  LLVMValueRef res = LLVMBuildCall2(lc->B, fty, f, args, n, "");
  if ((raise || deopt) && in->fs == IR_NOREF) {
    fail(fc, "%s without a frame state", oi->name);
    return;
  }
  if (raise || deopt) {
    LLVMValueRef failed = NULL;
    bool check = raise && deopt;
    if ((rl == 'o' || rl == 'p') && null_may_be_ok(in->op)) {
      /* NULL and an exception set: raise; NULL alone is a result. */
      failed = LLVMBuildICmp(lc->B, LLVMIntEQ, res, LLVMConstNull(lc->ptr), "");
      LLVMBasicBlockRef isnull = LLVMAppendBasicBlockInContext(lc->C, fc->func, "null");
      LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(lc->C, fc->func, "ok");
      LLVMBuildCondBr(lc->B, failed, isnull, ok);
      LLVMPositionBuilderAtEnd(lc->B, isnull);
      LLVMTypeRef p[1] = {lc->ptr};
      LLVMValueRef a[1] = {fc->ts};
      LLVMValueRef e = call(lc, "rt_err_occurred", lc->i32, p, 1, a);
      branch_on_failure(fc, LLVMBuildICmp(lc->B, LLVMIntNE, e, i32c(lc, 0), ""), in->fs,
                        raise ? 1 : 0, check);
      LLVMBuildBr(lc->B, ok);
      LLVMPositionBuilderAtEnd(lc->B, ok);
      fc->vals[r] = res;
      return;
    }
    if (rl == 'o' || rl == 'p') {
      failed = LLVMBuildICmp(lc->B, LLVMIntEQ, res, LLVMConstNull(lc->ptr), "");
    } else if (rl == 'b' || rl == 'v') {
      failed = LLVMBuildICmp(lc->B, LLVMIntSLT, res, i32c(lc, 0), "");
    } else {
      LLVMTypeRef p[1] = {lc->ptr};
      LLVMValueRef a[1] = {fc->ts};
      LLVMValueRef e = call(lc, "rt_err_occurred", lc->i32, p, 1, a);
      failed = LLVMBuildICmp(lc->B, LLVMIntNE, e, i32c(lc, 0), "");
    }
    branch_on_failure(fc, failed, in->fs, raise ? 1 : 0, check);
  }
  if (rl == 'b') res = LLVMBuildICmp(lc->B, LLVMIntNE, res, i32c(lc, 0), "");
  fc->vals[r] = rl == 'v' ? NULL : res;
}

/* ---- constant right operands ------------------------------------------------------------
 * `x % 7`, `n - 1`, `v * 0.5`: a binary_op whose right operand is a `const` int of one
 * digit (|v| < 2^30, CPython's compact ints) or a float calls rt_binary_op_rint or
 * rt_binary_op_rfloat, which take that value unboxed as well as the object (the generic
 * path still needs it): its type is not tested at run time, and LLVM folds the value (a
 * division by 7 becomes a multiply). The constant object is the code object's own, whose
 * value the IR's constant pool holds. */

/* The constant of a `const` instruction, if any. */
static const IrConst *const_of(FnCtx *fc, IrRef v) {
  IrInstr *d = ir_instr(fc->fn, v);
  if (d->op != IR_CONST || d->imm[0] < 0 || (uint64_t)d->imm[0] >= fc->fn->nconsts) return NULL;
  return &fc->fn->consts[d->imm[0]];
}

/* An Extra for a compact int or float constant at v; false for anything else. The
 * helper's name is `base` + "_rint" / "_rfloat". */
static bool const_extra(FnCtx *fc, IrRef v, const char *base, char *name, size_t size,
                        Extra *x) {
  const IrConst *k = const_of(fc, v);
  if (!k) return false;
  if (k->kind == IR_C_INT && !k->big && k->u.i > -(1 << 30) && k->u.i < (1 << 30)) {
    snprintf(name, size, "%s_rint", base);
    *x = (Extra){name, fc->lc->i64, i64c(fc->lc, k->u.i)};
    return true;
  }
  if (k->kind == IR_C_FLOAT) {
    snprintf(name, size, "%s_rfloat", base);
    *x = (Extra){name, fc->lc->f64, LLVMConstReal(fc->lc->f64, k->u.f)};
    return true;
  }
  return false;
}

static bool lower_binary_const(FnCtx *fc, IrRef r, IrInstr *in) {
  char name[32];
  Extra x;
  if (in->nargs != 2 || !const_extra(fc, in->args[1], "binary_op", name, sizeof name, &x))
    return false;
  lower_call_helper(fc, r, in, &x);
  return true;
}

/* ---- a compare feeding a branch --------------------------------------------------------
 * `%c = compare_op ...; ...; %t = truth %c; decref %c`, with no other user of %c (the
 * truth's frame state may hold it), is the code of `if a < b:`. rt_compare_fast gives
 * the truth directly when both operands' types have a fast path: then no bool object is
 * made, the truth is that answer and the decref has nothing to release. Otherwise
 * compare_op, truth and decref run as they would unfused, so nothing observable changes.
 * Each of the three branches on the same test, which LLVM threads. */

/* Position of instruction r in its block, or UINT32_MAX. */
static uint32_t pos_in_block(IrFunc *fn, IrRef r) {
  IrBlock *b = &fn->blocks[ir_instr(fn, r)->block];
  for (uint32_t k = 0; k < b->ninstrs; k++)
    if (b->instrs[k] == r) return k;
  return UINT32_MAX;
}

static bool compare_feeds_branch_only(FnCtx *fc, IrRef r) {
  IrFunc *fn = fc->fn;
  if (fn->nusers[r] != 2) return false;
  IrRef t = fn->users[r][0], d = fn->users[r][1];
  if (ir_instr(fn, t)->op == IR_DECREF) t = fn->users[r][1], d = fn->users[r][0];
  IrInstr *ti = ir_instr(fn, t), *di = ir_instr(fn, d), *ci = ir_instr(fn, r);
  if (ti->op != IR_TRUTH || di->op != IR_DECREF || ti->nargs != 1 || di->nargs != 1 ||
      ti->args[0] != r || di->args[0] != r || ti->block != ci->block ||
      di->block != ci->block)
    return false;
  uint32_t pc = pos_in_block(fn, r), pt = pos_in_block(fn, t), pd = pos_in_block(fn, d);
  return pc < pt && pt < pd && pd != UINT32_MAX;
}

/* Branches on k >= 0 (the fast answer is known): `slow` gets the builder, and the block
 * that branched is returned. */
static LLVMBasicBlockRef branch_on_fast(FnCtx *fc, LLVMValueRef k, LLVMBasicBlockRef slow,
                                        LLVMBasicBlockRef join) {
  LowerCtx *lc = fc->lc;
  LLVMBasicBlockRef from = LLVMGetInsertBlock(lc->B);
  LLVMBuildCondBr(lc->B, LLVMBuildICmp(lc->B, LLVMIntSGE, k, i64c(lc, 0), "fast"), join, slow);
  LLVMPositionBuilderAtEnd(lc->B, slow);
  return from;
}

/* The compare: the fast answer, else compare_op; its object is NULL on the fast path. */
static void lower_compare_to_branch(FnCtx *fc, IrRef r, IrInstr *in) {
  LowerCtx *lc = fc->lc;
  LLVMTypeRef p[6] = {lc->ptr, lc->ptr, lc->i64, lc->ptr, lc->ptr};
  LLVMValueRef a[6] = {fc->ts, fc->frame, i64c(lc, in->imm[0]), fc->vals[in->args[0]],
                       fc->vals[in->args[1]]};
  char name[32] = "rt_compare_fast";
  Extra x;
  unsigned n = 5;
  if (const_extra(fc, in->args[1], "rt_compare_fast", name, sizeof name, &x))
    p[n] = x.ty, a[n++] = x.val; /* the right operand's value, unboxed */
  LLVMValueRef k = call(lc, name, lc->i64, p, n, a);
  LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(lc->C, fc->func, "cmp.slow");
  LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(lc->C, fc->func, "cmp.join");
  LLVMBasicBlockRef fast = branch_on_fast(fc, k, slow, join);
  /* The types have no fast path: PyObject_RichCompare, as compare_op would end with. */
  emit_set_instr(fc, in->fs);
  LLVMValueRef obj = call(lc, "rt_compare_generic", lc->ptr, p, 5, a);
  branch_on_failure(fc, LLVMBuildICmp(lc->B, LLVMIntEQ, obj, LLVMConstNull(lc->ptr), ""),
                    in->fs, 1, false);
  LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(lc->B);
  LLVMBuildBr(lc->B, join);
  LLVMPositionBuilderAtEnd(lc->B, join);
  LLVMValueRef phi = LLVMBuildPhi(lc->B, lc->ptr, "cmp");
  LLVMValueRef vs[2] = {LLVMConstNull(lc->ptr), obj};
  LLVMBasicBlockRef bs[2] = {fast, slow_end};
  LLVMAddIncoming(phi, vs, bs, 2);
  fc->vals[r] = phi;
  fc->cmp_fast[r] = k;
}

/* The truth of such a compare: the fast answer, else truth. prev_instr is set on both
 * paths, as the unfused truth would (a __del__ run before the next call may read it). */
static void lower_truth_of_compare(FnCtx *fc, IrRef t, IrInstr *in, LLVMValueRef k) {
  LowerCtx *lc = fc->lc;
  emit_set_instr(fc, in->fs);
  LLVMValueRef bit = LLVMBuildICmp(lc->B, LLVMIntNE, k, i64c(lc, 0), "");
  LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(lc->C, fc->func, "truth.slow");
  LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(lc->C, fc->func, "truth.join");
  LLVMBasicBlockRef fast = branch_on_fast(fc, k, slow, join);
  lower_generic(fc, t, in);
  LLVMValueRef res = fc->vals[t];
  LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(lc->B);
  LLVMBuildBr(lc->B, join);
  LLVMPositionBuilderAtEnd(lc->B, join);
  LLVMValueRef phi = LLVMBuildPhi(lc->B, lc->i1, "truth");
  LLVMValueRef vs[2] = {bit, res};
  LLVMBasicBlockRef bs[2] = {fast, slow_end};
  LLVMAddIncoming(phi, vs, bs, 2);
  fc->vals[t] = phi;
}

/* The decref of such a compare's result: only on the slow path, where there is one. */
static void lower_decref_of_compare(FnCtx *fc, IrRef d, IrInstr *in, LLVMValueRef k) {
  LowerCtx *lc = fc->lc;
  LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(lc->C, fc->func, "decref.slow");
  LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(lc->C, fc->func, "decref.join");
  branch_on_fast(fc, k, slow, join);
  lower_generic(fc, d, in);
  LLVMBuildBr(lc->B, join);
  LLVMPositionBuilderAtEnd(lc->B, join);
}

/* ---- instructions --------------------------------------------------------------------- */

static LLVMIntPredicate icmp_pred(int64_t c) {
  static const LLVMIntPredicate p[6] = {LLVMIntSLT, LLVMIntSLE, LLVMIntEQ,
                                        LLVMIntNE,  LLVMIntSGT, LLVMIntSGE};
  return p[c >= 0 && c < 6 ? c : 2];
}
static LLVMRealPredicate fcmp_pred(int64_t c) {
  static const LLVMRealPredicate p[6] = {LLVMRealOLT, LLVMRealOLE, LLVMRealOEQ,
                                         LLVMRealUNE, LLVMRealOGT, LLVMRealOGE};
  return p[c >= 0 && c < 6 ? c : 2];
}

static void lower_instr(FnCtx *fc, IrRef r) {
  LowerCtx *lc = fc->lc;
  IrInstr *in = ir_instr(fc->fn, r);
  LLVMValueRef *a = NULL;
  LLVMValueRef av[2] = {NULL, NULL};
  for (uint32_t i = 0; i < in->nargs && i < 2; i++) av[i] = fc->vals[in->args[i]];
  a = av;
  switch ((IrOp)in->op) {
  case IR_CONST_I64: fc->vals[r] = i64c(lc, in->imm[0]); return;
  case IR_CONST_F64: fc->vals[r] = LLVMConstReal(lc->f64, ir_imm_f64(in)); return;
  case IR_CONST_BOOL: fc->vals[r] = LLVMConstInt(lc->i1, in->imm[0] != 0, 0); return;
  case IR_NULLOBJ: fc->vals[r] = LLVMConstNull(lc->ptr); return;
  case IR_CONST: {
    if (in->imm[0] < 0) {
      fail(fc, "const without a constant");
      return;
    }
    LLVMValueRef o = load_obj(fc, LOWER_OBJ_CONST, (uint32_t)in->imm[0]);
    LLVMTypeRef p[3] = {lc->ptr, lc->ptr, lc->ptr};
    LLVMValueRef args[3] = {fc->ts, fc->frame, o};
    call(lc, "rt_incref", lc->vd, p, 3, args);
    fc->vals[r] = o;
    return;
  }
  case IR_PHI: return; /* created with the block */
  case IR_ADD_I64: fc->vals[r] = LLVMBuildAdd(lc->B, a[0], a[1], ""); return;
  case IR_SUB_I64: fc->vals[r] = LLVMBuildSub(lc->B, a[0], a[1], ""); return;
  case IR_MUL_I64: fc->vals[r] = LLVMBuildMul(lc->B, a[0], a[1], ""); return;
  case IR_CMP_I64:
    fc->vals[r] = LLVMBuildICmp(lc->B, icmp_pred(in->imm[0]), a[0], a[1], "");
    return;
  case IR_ADD_F64: fc->vals[r] = LLVMBuildFAdd(lc->B, a[0], a[1], ""); return;
  case IR_SUB_F64: fc->vals[r] = LLVMBuildFSub(lc->B, a[0], a[1], ""); return;
  case IR_MUL_F64: fc->vals[r] = LLVMBuildFMul(lc->B, a[0], a[1], ""); return;
  case IR_CMP_F64:
    fc->vals[r] = LLVMBuildFCmp(lc->B, fcmp_pred(in->imm[0]), a[0], a[1], "");
    return;
  case IR_NOT: fc->vals[r] = LLVMBuildNot(lc->B, a[0], ""); return;
  case IR_IS_NULL:
    fc->vals[r] = LLVMBuildICmp(lc->B, LLVMIntEQ, a[0], LLVMConstNull(lc->ptr), "");
    return;
  case IR_IS: fc->vals[r] = LLVMBuildICmp(lc->B, LLVMIntEQ, a[0], a[1], ""); return;
  case IR_TRACE_CHECK: lower_trace_check(fc, in); return;
  case IR_BINARY_OP:
    if (lower_binary_const(fc, r, in)) return;
    break;
  case IR_COMPARE_OP:
    if (in->fs != IR_NOREF && compare_feeds_branch_only(fc, r)) {
      lower_compare_to_branch(fc, r, in);
      return;
    }
    break;
  case IR_TRUTH:
    if (in->fs != IR_NOREF && fc->cmp_fast[in->args[0]]) {
      lower_truth_of_compare(fc, r, in, fc->cmp_fast[in->args[0]]);
      return;
    }
    break;
  case IR_DECREF:
    if (fc->cmp_fast[in->args[0]]) {
      lower_decref_of_compare(fc, r, in, fc->cmp_fast[in->args[0]]);
      return;
    }
    break;
  default: break;
  }
  lower_generic(fc, r, in);
}

/* The instruction whose frame state describes the loop header `to` at its first
 * bytecode instruction, if only phis and pure operations precede it (a consuming op's
 * state lacks its operands: not the state before it). */
static uint32_t header_fstate(FnCtx *fc, IrBlockId to) {
  IrBlock *b = &fc->fn->blocks[to];
  for (uint32_t i = 0; i < b->ninstrs; i++) {
    IrInstr *in = ir_instr(fc->fn, b->instrs[i]);
    if (in->fs != IR_NOREF && (ir_op_info[in->op].flags & IRF_CONSUME)) return IR_NOREF;
    if (in->fs != IR_NOREF) {
      IrFrameState *fs = &fc->fn->fstates[in->fs];
      return (b->bc_offset < 0 || fs->bc_start == b->bc_offset) ? in->fs : IR_NOREF;
    }
    if (!(ir_op_info[in->op].flags & IRF_PURE) && in->op != IR_INCREF) return IR_NOREF;
  }
  IrRef t = b->term;
  if (t != IR_NOREF && ir_instr(fc->fn, t)->fs != IR_NOREF) return ir_instr(fc->fn, t)->fs;
  return IR_NOREF;
}

/* Baseline code: budget -= 1, and whether it is spent (below 0). */
static LLVMValueRef spend_budget(FnCtx *fc) {
  LowerCtx *lc = fc->lc;
  LLVMValueRef b = LLVMBuildLoad2(lc->B, lc->i64, fc->budget, "budget");
  LLVMValueRef nb = LLVMBuildSub(lc->B, b, i64c(lc, 1), "");
  LLVMBuildStore(lc->B, nb, fc->budget);
  return LLVMBuildICmp(lc->B, LLVMIntSLT, nb, i64c(lc, 0), "spent");
}

/* rt_osr_request(ts, frame): the optimised entry of this code, or NULL. */
static LLVMValueRef request_osr(FnCtx *fc) {
  LowerCtx *lc = fc->lc;
  LLVMTypeRef p[2] = {lc->ptr, lc->ptr};
  LLVMValueRef a[2] = {fc->ts, fc->frame};
  return call(lc, "rt_osr_request", lc->ptr, p, 2, a);
}

/* Baseline code: spends one unit of the budget; when it is spent and the optimised code
 * exists, continues in a new block `name` with the optimised entry as the result, else
 * branches to `cont`. */
static LLVMValueRef branch_to_tier_up(FnCtx *fc, const char *name, LLVMBasicBlockRef cont) {
  LowerCtx *lc = fc->lc;
  char spent_name[32];
  snprintf(spent_name, sizeof spent_name, "%s.spent", name);
  LLVMBasicBlockRef spent = LLVMAppendBasicBlockInContext(lc->C, fc->func, spent_name);
  LLVMBasicBlockRef go = LLVMAppendBasicBlockInContext(lc->C, fc->func, name);
  LLVMBuildCondBr(lc->B, spend_budget(fc), spent, cont);
  LLVMPositionBuilderAtEnd(lc->B, spent);
  LLVMValueRef entry = request_osr(fc);
  LLVMBuildCondBr(lc->B, LLVMBuildIsNull(lc->B, entry, ""), cont, go);
  LLVMPositionBuilderAtEnd(lc->B, go);
  return entry;
}

/* Baseline code on a back-edge into loop header `to`: when the budget is spent and
 * optimised code exists, the header's frame state goes into the frame and the optimised
 * code continues the loop from its landing there (rt_leave_to_osr). */
static void emit_osr_check(FnCtx *fc, IrBlockId from, IrBlockId to) {
  LowerCtx *lc = fc->lc;
  uint32_t fs = header_fstate(fc, to);
  if (fs == IR_NOREF) return; /* no state to enter with: this loop stays baseline */
  if (fc->fn->fstates[fs].nframe < fc->fn->fstates[fs].nstack)
    return; /* a loop of spliced .pyasm: the frame cannot hold its state */
  LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(lc->C, fc->func, "osr.no");
  LLVMValueRef entry = branch_to_tier_up(fc, "osr", cont);
  IrFrameState *st = &fc->fn->fstates[fs];
  spill_fstate(fc, fs, st->nstack, from, to);
  LLVMTypeRef p[5] = {lc->ptr, lc->ptr, lc->i64, lc->i64, lc->ptr};
  LLVMValueRef a[5] = {fc->ts, fc->frame, i64c(lc, leave_unit(st, 0)), i64c(lc, st->nstack),
                       entry};
  LLVMValueRef r = call(lc, "rt_leave_to_osr", lc->ptr, p, 5, a);
  LLVMSetTailCall(r, 1);
  LLVMBuildRet(lc->B, r);
  LLVMPositionBuilderAtEnd(lc->B, cont);
}

/* A jump from IR block `from` to `to`; back-edges test the eval breaker first (and spend
 * the budget of baseline code). Records the LLVM block the edge leaves from. */
static void emit_jump(FnCtx *fc, IrBlockId from, uint32_t k, IrBlockId to) {
  LowerCtx *lc = fc->lc;
  if (fc->budget && fc->rpo_index[to] <= fc->rpo_index[from]) emit_osr_check(fc, from, to);
  /* A back-edge from a block with its own eval_breaker is checked there; others (the
   * conditional backward jumps of `while` loops, IR without eval_breaker) here. */
  bool back = !fc->checks_breaker[from] && fc->rpo_index[to] <= fc->rpo_index[from];
  uint32_t fs = back ? header_fstate(fc, to) : IR_NOREF;
  if (back) {
    LLVMTypeRef p[1] = {lc->ptr};
    LLVMValueRef a[1] = {fc->ts};
    LLVMValueRef set = call(lc, "rt_breaker_set", lc->i32, p, 1, a);
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(lc->C, fc->func, "breaker");
    LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(lc->C, fc->func, "backedge");
    LLVMBuildCondBr(lc->B, LLVMBuildICmp(lc->B, LLVMIntNE, set, i32c(lc, 0), ""), slow, cont);
    LLVMPositionBuilderAtEnd(lc->B, slow);
    LLVMValueRef rc = call(lc, "rt_handle_breaker", lc->i32, p, 1, a);
    if (fs != IR_NOREF) {
      LLVMBasicBlockRef bad = LLVMAppendBasicBlockInContext(lc->C, fc->func, "breaker.raise");
      LLVMBuildCondBr(lc->B, LLVMBuildICmp(lc->B, LLVMIntSLT, rc, i32c(lc, 0), ""), bad, cont);
      LLVMPositionBuilderAtEnd(lc->B, bad);
      leave_via(fc, fs, leave_key(&fc->fn->fstates[fs], 1, RT_DEOPT_BREAKER, true), from, to);
    } else {
      /* No instruction to raise at: an exception from a signal handler stays pending. */
      (void)rc;
      LLVMBuildBr(lc->B, cont);
    }
    LLVMPositionBuilderAtEnd(lc->B, cont);
  }
  fc->edge[from][k] = LLVMGetInsertBlock(lc->B);
  LLVMBuildBr(lc->B, fc->bbs[to]);
}

/* YIELD_VALUE: the stack under the yielded value stays in the frame, which is left
 * suspended at the yield (rt_yield) as the interpreter leaves it. */
static void lower_yield(FnCtx *fc, IrInstr *in) {
  LowerCtx *lc = fc->lc;
  IrFrameState *fs = &fc->fn->fstates[in->fs];
  if (fs->nstack == 0) {
    fail(fc, "yield: its frame state has no stack (the yielded value is its top)");
    return;
  }
  spill_fstate(fc, in->fs, fs->nstack - 1, IR_NOREF, IR_NOREF);
  LLVMTypeRef p[4] = {lc->ptr, lc->ptr, lc->i64, lc->i64};
  LLVMValueRef a[4] = {fc->ts, fc->frame, i64c(lc, fs->bc_offset / 2),
                       i64c(lc, fs->nstack - 1)};
  call(lc, "rt_yield", lc->vd, p, 4, a);
  LLVMBuildRet(lc->B, fc->vals[in->args[0]]);
}

/* The entry of resumable code: a switch on the unit the frame continues at. A fresh frame
 * (unit 0) takes successor 0; a resumed one the successor of its offset; any other unit
 * leaves the frame to the interpreter. */
static void lower_dispatch(FnCtx *fc, IrBlockId b, IrInstr *in) {
  LowerCtx *lc = fc->lc;
  if (!fc->resume_unit) {
    fail(fc, "dispatch outside the entry block");
    return;
  }
  LLVMBasicBlockRef other = LLVMAppendBasicBlockInContext(lc->C, fc->func, "resume.interp");
  LLVMValueRef sw = LLVMBuildSwitch(lc->B, fc->resume_unit, other, in->nsucc);
  for (uint32_t k = 0; k < in->nsucc; k++) {
    IrBlockId s = in->succ[k];
    int64_t unit = k == 0 ? 0 : fc->fn->blocks[s].bc_offset / 2;
    LLVMBasicBlockRef e = LLVMAppendBasicBlockInContext(lc->C, fc->func, "resume");
    LLVMAddCase(sw, i64c(lc, unit), e);
    LLVMPositionBuilderAtEnd(lc->B, e);
    emit_jump(fc, b, k, s);
  }
  LLVMPositionBuilderAtEnd(lc->B, other);
  LLVMTypeRef p[2] = {lc->ptr, lc->ptr};
  LLVMValueRef a[2] = {fc->ts, fc->frame};
  LLVMValueRef r = call(lc, "rt_resume_in_interp", lc->ptr, p, 2, a);
  LLVMSetTailCall(r, 1);
  LLVMBuildRet(lc->B, r);
}

/* raise/reraise whose exception a compiled handler catches: RAISE_VARARGS or RERAISE
 * done by a helper (which says whether a traceback entry is due), then unwinding. The
 * operands stay in the frame state, which unwinding releases. */
static void lower_raise_here(FnCtx *fc, IrInstr *in) {
  LowerCtx *lc = fc->lc;
  const IrFrameState *fs = &fc->fn->fstates[in->fs];
  LLVMValueRef x = fc->vals[in->args[0]];
  LLVMValueRef y = in->op == IR_RAISE ? fc->vals[in->args[1]] : LLVMConstNull(lc->ptr);
  if (in->op == IR_RERAISE && in->imm[0] != 0) {
    /* RERAISE N: the lasti int N slots below the exception */
    int64_t k = (int64_t)fs->nstack - 1 - in->imm[0];
    IrRef lasti = k >= 0 ? fs->vals[fs->nlocals + (uint32_t)k] : IR_NOREF;
    if (lasti >= fc->fn->ninstrs || !fc->vals[lasti]) {
      fail(fc, "reraise %" PRId64 ": no lasti value in its frame state", in->imm[0]);
      return;
    }
    y = fc->vals[lasti];
  }
  emit_set_instr(fc, in->fs);
  LLVMTypeRef p[4] = {lc->ptr, lc->ptr, lc->ptr, lc->ptr};
  LLVMValueRef a[4] = {fc->ts, fc->frame, in->op == IR_RAISE ? x : y,
                       in->op == IR_RAISE ? y : x};
  LLVMValueRef no_tb =
      call(lc, in->op == IR_RAISE ? "rt_raise" : "rt_reraise", lc->i32, p, 4, a);
  LLVMValueRef add_tb = LLVMBuildZExt(lc->B, LLVMBuildICmp(lc->B, LLVMIntEQ, no_tb,
                                                           i32c(lc, 0), ""), lc->i64, "");
  /* Unwinding as the exits of raise_key do, but with this add_tb; when rt_unwind declines,
   * the interpreter raises at this instruction (rt_reraise may have moved prev_instr). */
  IrBlockId h = raise_key(fc, fs).handler;
  if (h == IR_NOREF) { /* spliced .pyasm: its instruction is not in the code object */
    leave_via(fc, in->fs, leave_key(fs, 1, RT_DEOPT_EXCEPTION, true), IR_NOREF, IR_NOREF);
    return;
  }
  if (fc->failed || !spill_fstate(fc, in->fs, fs->nstack, IR_NOREF, IR_NOREF)) return;
  LLVMValueRef declined = call_unwind(fc, h, frame_depth(fs), add_tb);
  LLVMBasicBlockRef interp = LLVMAppendBasicBlockInContext(lc->C, fc->func, "unwind.interp");
  LLVMBuildCondBr(lc->B, declined, interp, fc->bbs[h]);
  LLVMPositionBuilderAtEnd(lc->B, interp);
  goto_exit(fc, fs, leave_key(fs, 1, RT_DEOPT_EXCEPTION, true));
}

static void lower_term(FnCtx *fc, IrBlockId b) {
  LowerCtx *lc = fc->lc;
  IrRef t = fc->fn->blocks[b].term;
  if (t == IR_NOREF) {
    LLVMBuildUnreachable(lc->B);
    return;
  }
  IrInstr *in = ir_instr(fc->fn, t);
  switch ((IrOp)in->op) {
  case IR_BR: emit_jump(fc, b, 0, in->succ[0]); return;
  case IR_CBR: {
    LLVMBasicBlockRef tb = LLVMAppendBasicBlockInContext(lc->C, fc->func, "then");
    LLVMBasicBlockRef fb = LLVMAppendBasicBlockInContext(lc->C, fc->func, "else");
    LLVMBuildCondBr(lc->B, fc->vals[in->args[0]], tb, fb);
    LLVMPositionBuilderAtEnd(lc->B, tb);
    emit_jump(fc, b, 0, in->succ[0]);
    LLVMPositionBuilderAtEnd(lc->B, fb);
    emit_jump(fc, b, 1, in->succ[1]);
    return;
  }
  case IR_RET: {
    LLVMTypeRef p[2] = {lc->ptr, lc->ptr};
    LLVMValueRef a[2] = {fc->ts, fc->frame};
    call(lc, "rt_leave", lc->vd, p, 2, a);
    LLVMBuildRet(lc->B, fc->vals[in->args[0]]);
    return;
  }
  case IR_RAISE:
  case IR_RERAISE:
  case IR_DEOPT:
  case IR_UNWIND:
    if (in->fs == IR_NOREF) {
      fail(fc, "%s without a frame state", ir_op_info[in->op].name);
      return;
    }
    if (in->op == IR_UNWIND) {
      emit_set_instr(fc, in->fs); /* the traceback entry's instruction */
      leave_via(fc, in->fs, raise_key(fc, &fc->fn->fstates[in->fs]), IR_NOREF, IR_NOREF);
    }
    else if (in->op == IR_DEOPT ||
             (fc->fn->fstates[in->fs].handler == IR_NOREF &&
              fc->fn->fstates[in->fs].nframe == fc->fn->fstates[in->fs].nstack))
      /* Raises that leave the function: the interpreter runs the instruction itself,
       * which gives exactly its traceback and context chaining (unless the instruction
       * is not there: a raise of spliced .pyasm is done here, as with a handler). */
      leave_via(fc, in->fs,
                leave_key(&fc->fn->fstates[in->fs], 0,
                          in->op == IR_DEOPT ? RT_DEOPT_GUARD : RT_DEOPT_EXCEPTION, true),
                IR_NOREF, IR_NOREF);
    else
      lower_raise_here(fc, in);
    return;
  case IR_RETURN_GENERATOR:
    /* The interpreter runs RETURN_GENERATOR itself: it needs CPython's hidden
     * _Py_MakeCoro. Every resumption comes back through the dispatch. */
    leave_via(fc, in->fs, leave_key(&fc->fn->fstates[in->fs], 0, RT_LEAVE_UNCOUNTED, true),
              IR_NOREF, IR_NOREF);
    return;
  case IR_YIELD_VALUE: lower_yield(fc, in); return;
  case IR_DISPATCH: lower_dispatch(fc, b, in); return;
  case IR_UNREACHABLE: LLVMBuildUnreachable(lc->B); return;
  default: fail(fc, "no lowering for terminator '%s'", ir_op_info[in->op].name); return;
  }
}

/* Reverse post-order of the reachable blocks, landing blocks included (ir_fill_rpo,
 * recomputed here so that lowering does not depend on derived data being current). */
static void compute_rpo(FnCtx *fc) {
  IrFunc *fn = fc->fn;
  ir_fill_rpo(fn);
  fc->order = malloc(sizeof(uint32_t) * (fn->nrpo + 1));
  fc->rpo_index = malloc(sizeof(uint32_t) * (fn->nblocks + 1));
  if (!fc->order || !fc->rpo_index) PYLLC_DIE("out of memory");
  for (uint32_t i = 0; i < fn->nblocks; i++) fc->rpo_index[i] = fn->blocks[i].rpo;
  memcpy(fc->order, fn->rpo_order, sizeof(uint32_t) * fn->nrpo);
  fc->norder = fn->nrpo;
}

/* Baseline code's entry: the budget global, spent once per call; when it is gone and
 * optimised code exists, that runs the (untouched) frame instead. */
static void emit_entry_budget(FnCtx *fc, LowerFuncInfo *info) {
  LowerCtx *lc = fc->lc;
  size_t n = strlen(info->sym);
  info->budget_sym = malloc(n + 8);
  if (!info->budget_sym) PYLLC_DIE("out of memory");
  memcpy(info->budget_sym, info->sym, n);
  memcpy(info->budget_sym + n, ".budget", 8);
  fc->budget = LLVMAddGlobal(lc->M, lc->i64, info->budget_sym);
  LLVMSetInitializer(fc->budget, i64c(lc, 0));
  LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(lc->C, fc->func, "enter.baseline");
  LLVMValueRef entry = branch_to_tier_up(fc, "tierup", cont);
  LLVMTypeRef p[3] = {lc->ptr, lc->ptr, lc->i32};
  LLVMTypeRef fty = LLVMFunctionType(lc->ptr, p, 3, 0);
  LLVMValueRef a[3] = {fc->ts, fc->frame, i32c(lc, 0)};
  LLVMValueRef r = LLVMBuildCall2(lc->B, fty, entry, a, 3, "");
  LLVMSetTailCall(r, 1);
  LLVMBuildRet(lc->B, r);
  LLVMPositionBuilderAtEnd(lc->B, cont);
}

static void set_fn_attrs(LowerCtx *lc, LLVMValueRef f) {
  if (lc->target_cpu)
    LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex,
                            LLVMCreateStringAttribute(lc->C, "target-cpu", 10, lc->target_cpu,
                                                      (unsigned)strlen(lc->target_cpu)));
  if (lc->target_features)
    LLVMAddAttributeAtIndex(
        f, LLVMAttributeFunctionIndex,
        LLVMCreateStringAttribute(lc->C, "target-features", 15, lc->target_features,
                                  (unsigned)strlen(lc->target_features)));
  /* Keep frame pointers: perf and gdb walk through JIT code. */
  LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex,
                          LLVMCreateStringAttribute(lc->C, "frame-pointer", 13, "all", 3));
}

int lower_func(LowerCtx *lc, IrFunc *fn, const char *sym, LowerFuncInfo *info) {
  memset(info, 0, sizeof *info);
  info->sym = strdup(sym);
  if (!info->sym) PYLLC_DIE("out of memory");
  const char *why = lower_unsupported_reason(fn);
  if (why) {
    snprintf(info->why, sizeof info->why, "%s", why);
    return -1;
  }
  if (fn->nblocks == 0) {
    snprintf(info->why, sizeof info->why, "function has no blocks");
    return -1;
  }
  FnCtx fcs = {.lc = lc, .fn = fn, .info = info}, *fc = &fcs;
  LLVMTypeRef params[3] = {lc->ptr, lc->ptr, lc->i32};
  LLVMTypeRef fty = LLVMFunctionType(lc->ptr, params, 3, 0);
  fc->func = LLVMAddFunction(lc->M, sym, fty);
  set_fn_attrs(lc, fc->func);
  fc->ts = LLVMGetParam(fc->func, 0);
  fc->frame = LLVMGetParam(fc->func, 1);
  fc->throwflag = LLVMGetParam(fc->func, 2);
  LLVMSetValueName2(fc->ts, "ts", 2);
  LLVMSetValueName2(fc->frame, "frame", 5);
  LLVMSetValueName2(fc->throwflag, "throwflag", 9);
  fc->vals = calloc(fn->ninstrs + 1, sizeof *fc->vals);
  fc->bbs = calloc(fn->nblocks + 1, sizeof *fc->bbs);
  fc->edge = calloc(fn->nblocks + 1, sizeof *fc->edge);
  if (!fc->vals || !fc->bbs || !fc->edge) PYLLC_DIE("out of memory");
  compute_rpo(fc);
  ir_fill_uses(fn);
  fc->cmp_fast = calloc(fn->ninstrs + 1, sizeof *fc->cmp_fast);
  if (!fc->cmp_fast) PYLLC_DIE("out of memory");
  fc->checks_breaker = calloc(fn->nblocks + 1, sizeof *fc->checks_breaker);
  if (!fc->checks_breaker) PYLLC_DIE("out of memory");
  for (uint32_t i = 0; i < fn->ninstrs; i++)
    if (!fn->instrs[i].dead && fn->instrs[i].op == IR_EVAL_BREAKER &&
        fn->instrs[i].block < fn->nblocks)
      fc->checks_breaker[fn->instrs[i].block] = true;

  /* entry: throwflag or rt_enter's refusal -> the interpreter runs the frame. */
  fc->entry = LLVMAppendBasicBlockInContext(lc->C, fc->func, "entry");
  LLVMBasicBlockRef interp = LLVMAppendBasicBlockInContext(lc->C, fc->func, "interp");
  LLVMBasicBlockRef enter = LLVMAppendBasicBlockInContext(lc->C, fc->func, "enter");
  LLVMBasicBlockRef start = LLVMAppendBasicBlockInContext(lc->C, fc->func, "start");
  LLVMPositionBuilderAtEnd(lc->B, fc->entry);
  LLVMBuildCondBr(lc->B, LLVMBuildICmp(lc->B, LLVMIntNE, fc->throwflag, i32c(lc, 0), ""),
                  interp, enter);
  LLVMPositionBuilderAtEnd(lc->B, interp);
  {
    LLVMTypeRef p[3] = {lc->ptr, lc->ptr, lc->i32};
    LLVMValueRef a[3] = {fc->ts, fc->frame, fc->throwflag};
    LLVMValueRef r = call(lc, "_PyEval_EvalFrameDefault", lc->ptr, p, 3, a);
    LLVMSetTailCall(r, 1);
    LLVMBuildRet(lc->B, r);
  }
  LLVMPositionBuilderAtEnd(lc->B, enter);
  if (lc->count) emit_entry_budget(fc, info);
  if (is_resumable(fn)) {
    /* Resumable: the dispatch needs the unit the frame continues at. */
    LLVMTypeRef p[2] = {lc->ptr, lc->ptr};
    LLVMValueRef a[2] = {fc->ts, fc->frame};
    fc->resume_unit = call(lc, fn->no_bytecode ? "rt_enter_resume_untraced" : "rt_enter_resume",
                           lc->i64, p, 2, a);
    LLVMBuildCondBr(lc->B, LLVMBuildICmp(lc->B, LLVMIntSLT, fc->resume_unit, i64c(lc, 0), ""),
                    interp, start);
  } else {
    LLVMTypeRef p[2] = {lc->ptr, lc->ptr};
    LLVMValueRef a[2] = {fc->ts, fc->frame};
    LLVMValueRef r = call(lc, fn->no_bytecode ? "rt_enter_untraced" : "rt_enter", lc->i32, p, 2, a);
    LLVMBuildCondBr(lc->B, LLVMBuildICmp(lc->B, LLVMIntNE, r, i32c(lc, 0), ""), interp, start);
  }
  LLVMPositionBuilderAtEnd(lc->B, start);
  {
    LLVMValueRef co = LLVMBuildLoad2(lc->B, lc->ptr,
                                     frame_field(fc, offsetof(_PyInterpreterFrame, f_code)),
                                     "code");
    LLVMValueRef off = i64c(lc, offsetof(PyCodeObject, co_code_adaptive));
    fc->code_units = LLVMBuildGEP2(lc->B, LLVMInt8TypeInContext(lc->C), co, &off, 1, "units");
    LLVMValueRef cf = i64c(lc, offsetof(PyThreadState, cframe));
    fc->cframe = LLVMBuildLoad2(
        lc->B, lc->ptr, LLVMBuildGEP2(lc->B, LLVMInt8TypeInContext(lc->C), fc->ts, &cf, 1, ""),
        "cframe");
  }
  for (uint32_t i = 0; i < fc->norder; i++) {
    uint32_t b = fc->order[i];
    char label[24];
    snprintf(label, sizeof label, "bb%u", b);
    fc->bbs[b] = LLVMAppendBasicBlockInContext(lc->C, fc->func, label);
    IrRef t = fn->blocks[b].term;
    uint32_t ns = t == IR_NOREF ? 0 : ir_instr(fn, t)->nsucc;
    fc->edge[b] = calloc(ns + 1, sizeof **fc->edge);
    if (!fc->edge[b]) PYLLC_DIE("out of memory");
  }
  LLVMBuildBr(lc->B, fc->bbs[fc->order[0]]);

  /* Phis first (values may flow around loops), then the blocks in order. */
  for (uint32_t i = 0; i < fc->norder; i++) {
    IrBlock *blk = &fn->blocks[fc->order[i]];
    LLVMPositionBuilderAtEnd(lc->B, fc->bbs[fc->order[i]]);
    for (uint32_t k = 0; k < blk->ninstrs; k++) {
      IrInstr *in = ir_instr(fn, blk->instrs[k]);
      if (in->op == IR_PHI)
        fc->vals[blk->instrs[k]] = LLVMBuildPhi(lc->B, ir_type(lc, in->type), "");
    }
  }
  for (uint32_t i = 0; i < fc->norder && !fc->failed; i++) {
    uint32_t b = fc->order[i];
    IrBlock *blk = &fn->blocks[b];
    LLVMBasicBlockRef bb = fc->bbs[b];
    LLVMPositionBuilderAtEnd(lc->B, bb);
    for (uint32_t k = 0; k < blk->ninstrs && !fc->failed; k++) {
      IrRef r = blk->instrs[k];
      IrInstr *in = ir_instr(fn, r);
      for (uint32_t a = 0; a < in->nargs && in->op != IR_PHI; a++) {
        if (in->args[a] >= fn->ninstrs || !fc->vals[in->args[a]])
          fail(fc, "%%%u uses %%%u before its definition", r, in->args[a]);
      }
      if (!fc->failed) lower_instr(fc, r);
    }
    if (!fc->failed) lower_term(fc, b);
  }
  /* Phi operands, one per LLVM edge of each distinct predecessor. */
  for (uint32_t i = 0; i < fc->norder && !fc->failed; i++) {
    uint32_t b = fc->order[i];
    IrBlock *blk = &fn->blocks[b];
    for (uint32_t k = 0; k < blk->ninstrs; k++) {
      IrInstr *in = ir_instr(fn, blk->instrs[k]);
      if (in->op != IR_PHI) continue;
      LLVMValueRef phi = fc->vals[blk->instrs[k]];
      for (uint32_t j = 0; j < in->nargs; j++) {
        IrBlockId from = in->phi_from[j];
        bool dup = false;
        for (uint32_t q = 0; q < j; q++) dup |= in->phi_from[q] == from;
        if (dup || from >= fn->nblocks || fc->rpo_index[from] == UINT32_MAX) continue;
        IrInstr *t = ir_instr(fn, fn->blocks[from].term);
        for (uint32_t s = 0; s < t->nsucc; s++) {
          if (t->succ[s] != b || !fc->edge[from][s]) continue;
          LLVMValueRef v = fc->vals[in->args[j]];
          LLVMBasicBlockRef e = fc->edge[from][s];
          if (!v) {
            fail(fc, "phi %%%u: undefined operand", blk->instrs[k]);
            break;
          }
          LLVMAddIncoming(phi, &v, &e, 1);
        }
      }
    }
  }
  /* The exits last: at -O0 the code keeps the IR's block order, and they are cold. */
  for (uint32_t i = 0; i < fc->nexits && !fc->failed; i++)
    LLVMMoveBasicBlockAfter(fc->exits[i].bb, LLVMGetLastBasicBlock(fc->func));
  if (!fc->failed && fc->objs) {
    /* Give the object table its real size. */
    LLVMValueRef g = LLVMAddGlobal(lc->M, LLVMArrayType2(lc->ptr, info->nobjs), "");
    LLVMSetInitializer(g, LLVMConstNull(LLVMArrayType2(lc->ptr, info->nobjs)));
    LLVMReplaceAllUsesWith(fc->objs, g);
    LLVMDeleteGlobal(fc->objs);
    LLVMSetValueName2(g, info->objs_sym, strlen(info->objs_sym));
    LLVMSetAlignment(g, 8);
  }
  int rc = 0;
  if (fc->failed) {
    LLVMDeleteFunction(fc->func);
    if (fc->objs) LLVMDeleteGlobal(fc->objs);
    rc = -1;
  }
  for (uint32_t i = 0; i < fn->nblocks; i++) free(fc->edge[i]);
  free(fc->edge);
  free(fc->vals);
  free(fc->bbs);
  free(fc->order);
  free(fc->rpo_index);
  free(fc->checks_breaker);
  free(fc->cmp_fast);
  free(fc->exits);
  return rc;
}
