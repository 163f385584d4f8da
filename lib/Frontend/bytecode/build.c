/* build.c - decoded CPython 3.11 instructions -> pyllc SSA IR.
 *
 * 1. Basic blocks: leaders are the first instruction, jump targets, exception handlers
 *    and the instructions after jumps, returns and raises.
 * 2. Stack depths (abstract interpretation over the CFG, from the entry and from every
 *    handler, whose entry depth the exception table gives): no underflow, no depth above
 *    co_stacksize, the same depth on every edge into a block, handler depths below the
 *    depth of every covered instruction, no fall-through off the end.
 * 3. SSA: locals stay in the frame (load_local/store_local); only the value stack becomes
 *    SSA values. A block with one predecessor inherits its exit stack; a block with more
 *    gets one phi per stack slot, created before any block is lowered and completed as
 *    predecessors are lowered (so no ordering constraint beyond "single-predecessor
 *    blocks after their predecessor", met by a worklist). Exception handlers get a
 *    landing block of `entry_stack` values (the stack as unwinding leaves it in the
 *    frame); the frame state of every instruction the exception table covers names it
 *    as its handler.
 *    Resumable code (RETURN_GENERATOR, YIELD_VALUE) is entered through a `dispatch` in
 *    bb0: a fresh frame goes to the first instruction, a resumed one to the landing block
 *    (`entry_stack` values again) of the instruction after the one that suspended it.
 *    With FeCode.osr_entries, loop headers (targets of backward jumps) get landings too:
 *    a frame in the middle of a loop enters there (on-stack replacement).
 * 4. One lowering per opcode, mirroring ceval.c's pushes, pops and decrefs: the ones that
 *    branch here (lower_branching: their successors are bytecode blocks), all others in
 *    fe_lower_one, which works on an FeLower (stack, block, frame-state hook) and so also
 *    lowers .pyasm's RAW instructions. Every raising or deoptimising operation gets a
 *    frame state: the instruction's offset and the stack before it popped anything.
 * 5. Afterwards trivial phis are removed, and decrefs of values that may be NULL
 *    (PUSH_NULL, LOAD_METHOD, phis of them) become xdecrefs.
 */
#include <stdlib.h>
#include <string.h>

#include "bytecode.h"
#include "pyllc/ir_passes.h"
#include "pyllc/support.h"

typedef struct Blk {
  uint32_t first, last;  /* instruction indices, inclusive */
  int32_t depth;         /* entry stack depth, -1 while unreached */
  int32_t hdepth;        /* as an exception handler: entry depth, -1 if not one */
  bool hlasti;
  IrBlockId ir;          /* IR block of the entry */
  IrBlockId land;        /* as an exception handler: its landing block, else IR_NOREF */
  uint32_t npreds;       /* IR edges into `ir` */
  uint32_t nfilled;      /* phi operands set so far */
  IrRef *entry;          /* entry stack (phis, or the single predecessor's exit) */
  bool has_entry, queued;
  bool loop_header;      /* the target of a backward jump */
  bool send_target;      /* where a SEND goes when its receiver returns */
} Blk;

typedef struct Builder {
  PyllcDiag *d;
  const FeCode *c;
  const FeDecoded *dec;
  IrFunc *fn;
  const uint32_t *const_map;
  Blk *blks;
  uint32_t nblks;
  int32_t *blk_of;       /* instruction -> block */
  int32_t *depth_before; /* instruction -> stack depth before it, -1 unreached */
  int32_t *handler_of;   /* instruction -> block of the handler covering it, -1 if none */
  uint32_t maxdepth;
  uint32_t *work;
  uint32_t nwork;
  /* lowering state of the current instruction */
  FeLower lw;            /* the stack, the block, frame-state and call state */
  uint32_t first_traceable; /* instruction index after RESUME (_co_firsttraceable) */
  const FeInstr *in;
  PyasmSplicer *splicer; /* pyllc.asm() code spliced in, NULL if none */
  int32_t *asm_site;     /* instruction -> its site (a CALL), else -1 */
  uint32_t none_const;   /* fn->consts index of None, UINT32_MAX until needed */
} Builder;

/* ---- steps 1 and 2: blocks and stack depths -------------------------------------- */

/* RETURN_GENERATOR and YIELD_VALUE leave the frame; what follows them runs when the frame
 * is resumed, entered from the dispatch's landing block. */
static bool suspends(const FeInstr *in) {
  return in->op == FE_RETURN_GENERATOR || in->op == FE_YIELD_VALUE;
}

static bool ends_block(const FeInstr *in) {
  return fe_op_info[in->op].jump != FE_J_NONE || suspends(in);
}

static void find_blocks(Builder *b) {
  const FeDecoded *dec = b->dec;
  bool *leader = calloc(dec->ninstrs + 1, sizeof *leader);
  if (!leader)
    PYLLC_DIE("out of memory");
  leader[0] = true;
  for (uint32_t i = 0; i < dec->ninstrs; i++) {
    const FeInstr *in = &dec->instrs[i];
    if (in->target >= 0)
      leader[in->target] = true;
    if (ends_block(in))
      leader[i + 1] = true;
  }
  for (uint32_t h = 0; h < dec->nhandlers; h++)
    leader[dec->handlers[h].target] = true;
  b->blks = calloc(dec->ninstrs, sizeof *b->blks);
  b->blk_of = malloc(sizeof *b->blk_of * dec->ninstrs);
  if (!b->blks || !b->blk_of)
    PYLLC_DIE("out of memory");
  for (uint32_t i = 0; i < dec->ninstrs; i++) {
    if (leader[i]) {
      Blk *k = &b->blks[b->nblks++];
      k->first = i;
      k->depth = -1;
      k->hdepth = -1;
      k->ir = IR_NOREF;
      k->land = IR_NOREF;
    }
    b->blks[b->nblks - 1].last = i;
    b->blk_of[i] = (int32_t)b->nblks - 1;
  }
  free(leader);
}

static void push_work(Builder *b, uint32_t k) {
  if (b->blks[k].queued)
    return;
  b->blks[k].queued = true;
  b->work[b->nwork++] = k;
}

/* Records depth `depth` on the edge into block k; false on a mismatch. */
static bool reach(Builder *b, uint32_t k, int32_t depth, uint32_t from_unit, const char *how) {
  Blk *t = &b->blks[k];
  if (t->depth < 0) {
    t->depth = depth;
    push_work(b, k);
    return true;
  }
  if (t->depth != depth) {
    fe_error_at(b->d, b->c, from_unit,
                "stack depth mismatch: %d values %s offset %lu, %d on another path into it",
                depth, how, (unsigned long)b->dec->instrs[t->first].start * 2, t->depth);
    return false;
  }
  return true;
}

/* The stack depth an exception raised by instruction i unwinds from: the depth before it,
 * less the operands CALL and CALL_FUNCTION_EX consume even when they fail; -1 when
 * unreached. */
static int32_t raise_depth(const Builder *b, uint32_t i) {
  int32_t d = b->depth_before[i];
  const FeInstr *in = &b->dec->instrs[i];
  if (d >= 0 && in->op == FE_CALL)
    d -= (int32_t)in->arg + 2;
  if (d >= 0 && in->op == FE_CALL_FUNCTION_EX)
    d -= 2 + (int32_t)(in->arg & 1);
  return d;
}

static bool compute_depths(Builder *b) {
  const FeDecoded *dec = b->dec;
  const FeCode *c = b->c;
  b->depth_before = malloc(sizeof *b->depth_before * dec->ninstrs);
  b->work = malloc(sizeof *b->work * (b->nblks + 1));
  if (!b->depth_before || !b->work)
    PYLLC_DIE("out of memory");
  for (uint32_t i = 0; i < dec->ninstrs; i++)
    b->depth_before[i] = -1;
  for (uint32_t h = 0; h < dec->nhandlers; h++) {
    const FeHandler *fh = &dec->handlers[h];
    Blk *t = &b->blks[b->blk_of[fh->target]];
    int32_t d = (int32_t)fh->depth + fh->lasti + 1;
    if (fh->depth > c->stacksize || (uint32_t)d > c->stacksize) {
      fe_error_at(b->d, c, dec->instrs[fh->target].unit,
                  "exception handler entered with depth %ld above co_stacksize %lu",
                  (long)fh->depth + fh->lasti + 1, (unsigned long)c->stacksize);
      return false;
    }
    if (t->hdepth >= 0 && (t->hdepth != (int32_t)fh->depth || t->hlasti != fh->lasti)) {
      fe_error_at(b->d, c, dec->instrs[fh->target].unit,
                  "exception handler entered with different stack depths");
      return false;
    }
    t->hdepth = (int32_t)fh->depth;
    t->hlasti = fh->lasti;
  }
  if (!reach(b, 0, 0, 0, "entering"))
    return false;
  for (uint32_t k = 0; k < b->nblks; k++)
    if (b->blks[k].hdepth >= 0 &&
        !reach(b, k, b->blks[k].hdepth + b->blks[k].hlasti + 1,
               dec->instrs[b->blks[k].first].unit, "entering the exception handler at"))
      return false;
  while (b->nwork) {
    uint32_t k = b->work[--b->nwork];
    Blk *bk = &b->blks[k];
    int32_t d = bk->depth;
    for (uint32_t i = bk->first; i <= bk->last; i++) {
      const FeInstr *in = &dec->instrs[i];
      const FeOpInfo *oi = &fe_op_info[in->op];
      int pops, push, pjmp;
      fe_stack_effect(in->op, in->arg, &pops, &push, &pjmp);
      b->depth_before[i] = d;
      if (d < pops) {
        fe_error_at(b->d, c, in->unit, "stack underflow: %s needs %d stack values, %d there",
                    oi->name, pops, d);
        return false;
      }
      int32_t after = d - pops + push, after_jump = d - pops + pjmp;
      int32_t hi = after > after_jump ? after : after_jump;
      if (hi > (int32_t)c->stacksize) {
        fe_error_at(b->d, c, in->unit, "stack depth %d exceeds co_stacksize %lu", hi,
                    (unsigned long)c->stacksize);
        return false;
      }
      if ((uint32_t)hi > b->maxdepth)
        b->maxdepth = (uint32_t)hi;
      if ((uint32_t)d > b->maxdepth)
        b->maxdepth = (uint32_t)d;
      if (in->target >= 0 &&
          !reach(b, (uint32_t)b->blk_of[in->target],
                 oi->jump == FE_J_COND ? after_jump : after, in->unit, "jumping to"))
        return false;
      d = after;
    }
    const FeInstr *last = &dec->instrs[bk->last];
    uint8_t j = fe_op_info[last->op].jump;
    if (j == FE_J_NONE || j == FE_J_COND) {
      if (bk->last + 1 >= dec->ninstrs) {
        fe_error_at(b->d, c, last->unit, "execution falls off the end of the code");
        return false;
      }
      if (!reach(b, k + 1, d, last->unit, "falling into"))
        return false;
    }
  }
  for (uint32_t h = 0; h < dec->nhandlers; h++) {
    const FeHandler *fh = &dec->handlers[h];
    for (uint32_t u = fh->start; u < fh->end; u++) {
      int32_t i = dec->index_of_unit[u];
      int32_t d = i >= 0 ? raise_depth(b, (uint32_t)i) : -1;
      if (d >= 0 && d < (int32_t)fh->depth) {
        fe_error_at(b->d, c, dec->instrs[i].unit,
                    "stack depth %d below the depth %lu its exception handler keeps", d,
                    (unsigned long)fh->depth);
        return false;
      }
    }
  }
  return true;
}

/* The exception table as a map: instruction -> block of its handler (the first entry
 * covering the instruction's own unit, as the interpreter's lookup finds it). */
static void map_handlers(Builder *b) {
  const FeDecoded *dec = b->dec;
  b->handler_of = malloc(sizeof *b->handler_of * (dec->ninstrs + 1));
  if (!b->handler_of)
    PYLLC_DIE("out of memory");
  for (uint32_t i = 0; i < dec->ninstrs; i++)
    b->handler_of[i] = -1;
  for (uint32_t i = 0; i < dec->ninstrs; i++) {
    uint32_t u = dec->instrs[i].unit;
    for (uint32_t h = 0; h < dec->nhandlers; h++) {
      const FeHandler *fh = &dec->handlers[h];
      if (fh->start <= u && u < fh->end) {
        b->handler_of[i] = b->blk_of[fh->target];
        break;
      }
    }
  }
}

/* ---- emission helpers -------------------------------------------------------------- */

/* Operations that may run other code (Python or C): anything that may raise or leave,
 * except reading and deleting the frame's own variables and the tracing checks. */
static bool may_call_out(IrOp op) {
  switch (op) {
  case IR_LOAD_LOCAL: case IR_DELETE_LOCAL: case IR_LOAD_DEREF: case IR_DELETE_DEREF:
  case IR_MAKE_CELL:
    return false;
  default:
    return (ir_op_info[op].flags & IRF_NEEDS_FS) != 0;
  }
}

static IrRef emit(FeLower *l, IrOp op, const IrRef *args, uint32_t n) {
  IrFunc *fn = l->fn;
  IrRef r = ir_emit(fn, l->cur, op, args, n);
  fn->instrs[r].line = l->line;
  if (op == IR_RESUME || op == IR_EVAL_BREAKER || op == IR_TRACE_CHECK)
    l->called_out = false; /* each tests tracing */
  else
    l->called_out |= may_call_out(op);
  if (ir_op_info[op].flags & IRF_NEEDS_FS) {
    /* A consuming op (CALL) was emitted after its operands were popped: its frame state
     * is the stack without them, as the interpreter's on failure. */
    bool consumes = ir_op_info[op].flags & IRF_CONSUME;
    const IrRef *stack = consumes ? l->stack : l->pre;
    uint32_t n = consumes ? l->sp : l->pre_sp;
    if (l->on_fstate) {
      l->on_fstate(l->data, r, stack, n);
      return r;
    }
    uint32_t fs = ir_new_fstate(fn, l->fs_offset, n);
    IrFrameState *f = &fn->fstates[fs];
    f->bc_start = l->fs_start;
    f->handler = l->handler;
    for (uint32_t k = 0; k < n; k++)
      f->vals[f->nlocals + k] = stack[k];
    ir_attach_fstate(fn, r, fs);
  }
  return r;
}

/* The index of a None/True constant added on first use (*slot is UINT32_MAX until then):
 * constants the front end needs that the code object's pool may lack. */
static uint32_t singleton_const(IrFunc *fn, uint32_t *slot, int kind) {
  if (*slot == UINT32_MAX) {
    IrConst k;
    memset(&k, 0, sizeof k);
    k.kind = kind;
    k.src_index = -1;
    *slot = ir_add_const(fn, k);
  }
  return *slot;
}

static IrRef emit0(FeLower *l, IrOp op) { return emit(l, op, NULL, 0); }
static IrRef emit1(FeLower *l, IrOp op, IrRef a) { return emit(l, op, &a, 1); }
static IrRef emit2(FeLower *l, IrOp op, IrRef a, IrRef c) {
  IrRef v[2] = {a, c};
  return emit(l, op, v, 2);
}
static IrRef emit3(FeLower *l, IrOp op, IrRef a, IrRef c, IrRef e) {
  IrRef v[3] = {a, c, e};
  return emit(l, op, v, 3);
}
static IrRef with_imm(FeLower *l, IrRef r, int64_t i0, int64_t i1) {
  l->fn->instrs[r].imm[0] = i0;
  l->fn->instrs[r].imm[1] = i1;
  return r;
}

static void push(FeLower *l, IrRef v) { l->stack[l->sp++] = v; }
static IrRef pop(FeLower *l) { return l->stack[--l->sp]; }
static IrRef top(FeLower *l, uint32_t k) { return l->stack[l->sp - 1 - k]; } /* k=0: TOS */

/* Py_DECREF of a popped value; a known NULL needs nothing (finish() turns decrefs of
 * values that may be NULL into xdecrefs). */
static void release(FeLower *l, IrRef v) {
  if (l->fn->instrs[v].op == IR_NULLOBJ)
    return;
  emit1(l, IR_DECREF, v);
}

static IrRef null(FeLower *l) { return emit0(l, IR_NULLOBJ); }

static void unary(FeLower *l, IrOp op) {
  IrRef a = pop(l);
  IrRef r = emit1(l, op, a);
  release(l, a);
  push(l, r);
}

static void binary(FeLower *l, IrOp op, int64_t imm) {
  IrRef rhs = pop(l), lhs = pop(l);
  IrRef r = with_imm(l, emit2(l, op, lhs, rhs), imm, 0);
  release(l, lhs);
  release(l, rhs);
  push(l, r);
}

/* unary() with an immediate. */
static void unary_imm(FeLower *l, IrOp op, int64_t imm) {
  IrRef a = pop(l);
  IrRef r = with_imm(l, emit1(l, op, a), imm, 0);
  release(l, a);
  push(l, r);
}

static IrRef box(FeLower *l, IrRef cond) { return emit1(l, IR_BOX_BOOL, cond); }

/* Pops n values (bottom first) into args. */
static void pop_n(FeLower *l, IrRef *args, uint32_t n) {
  l->sp -= n;
  memcpy(args, l->stack + l->sp, n * sizeof *args);
}

static IrRef *scratch(FeLower *l, uint32_t n) { return IR_NEW_ARRAY(l->fn->arena, IrRef, n + 1); }

/* Builder ops that consume n stack values. */
static void build(FeLower *l, IrOp op, uint32_t n) {
  IrRef *args = scratch(l, n);
  pop_n(l, args, n);
  push(l, emit(l, op, args, n));
}

/* Splits tuple t (new ref) into n new refs on the stack and releases t. UNPACK_* push the
 * last item first (item 0 on top); a helper's pair (CHECK_EG_MATCH, BEFORE_WITH) pushes
 * item 0 first. */
static void push_tuple_items(FeLower *l, IrRef t, uint32_t n, bool item0_on_top) {
  for (uint32_t i = 0; i < n; i++) {
    uint32_t k = item0_on_top ? n - 1 - i : i;
    push(l, with_imm(l, emit1(l, IR_TUPLE_ITEM, t), k, 0));
  }
  emit1(l, IR_DECREF, t);
}

/* CALL consumes its n + 2 operands (the callee's frame takes them over): no releases. */
static void lower_call(FeLower *l, uint32_t n, uint16_t spec) {
  IrRef *args = scratch(l, n + 2);
  pop_n(l, args, n + 2);
  IrRef r = with_imm(l, emit(l, IR_CALL, args, n + 2), l->kwnames, 0);
  l->fn->instrs[r].spec = spec ? spec : l->precall_spec;
  l->kwnames = -1;
  l->precall_spec = 0;
  push(l, r);
}

void fe_lower_one(FeLower *l, int op, uint32_t oparg, uint16_t spec) {
  IrFunc *fn = l->fn;
  IrRef a, c, e, r;
  switch (op) {
  case FE_NOP:
  case FE_EXTENDED_ARG:
  case FE_CACHE:
    break;
  case FE_RESUME:
    with_imm(l, emit0(l, IR_RESUME), oparg, 0);
    break;
  case FE_POP_TOP:
    release(l, pop(l));
    break;
  case FE_PUSH_NULL:
    push(l, null(l));
    break;
  case FE_COPY:
    a = top(l, oparg - 1);
    if (fn->instrs[a].op != IR_NULLOBJ)
      emit1(l, IR_INCREF, a);
    push(l, a);
    break;
  case FE_SWAP:
    a = l->stack[l->sp - 1];
    l->stack[l->sp - 1] = l->stack[l->sp - oparg];
    l->stack[l->sp - oparg] = a;
    break;

  /* ---- constants, locals, cells ---- */
  case FE_LOAD_CONST:
    push(l, with_imm(l, emit0(l, IR_CONST), oparg, 0));
    break;
  case FE_LOAD_FAST:
  case FE_LOAD_CLOSURE:
    push(l, with_imm(l, emit0(l, IR_LOAD_LOCAL), oparg, 0));
    break;
  case FE_STORE_FAST:
    with_imm(l, emit1(l, IR_STORE_LOCAL, pop(l)), oparg, 0);
    break;
  case FE_DELETE_FAST:
    with_imm(l, emit0(l, IR_DELETE_LOCAL), oparg, 0);
    break;
  case FE_MAKE_CELL:
    with_imm(l, emit0(l, IR_MAKE_CELL), oparg, 0);
    break;
  case FE_LOAD_DEREF:
    push(l, with_imm(l, emit0(l, IR_LOAD_DEREF), oparg, 0));
    break;
  case FE_LOAD_CLASSDEREF:
    push(l, with_imm(l, emit0(l, IR_LOAD_CLASSDEREF), oparg, 0));
    break;
  case FE_STORE_DEREF:
    with_imm(l, emit1(l, IR_STORE_DEREF, pop(l)), oparg, 0);
    break;
  case FE_DELETE_DEREF:
    with_imm(l, emit0(l, IR_DELETE_DEREF), oparg, 0);
    break;
  case FE_COPY_FREE_VARS:
    with_imm(l, emit0(l, IR_COPY_FREE_VARS), oparg, 0);
    break;

  /* ---- names and globals ---- */
  case FE_LOAD_GLOBAL:
    if (oparg & 1)
      push(l, null(l));
    r = with_imm(l, emit0(l, IR_LOAD_GLOBAL), oparg >> 1, 0);
    fn->instrs[r].spec = spec;
    push(l, r);
    break;
  case FE_STORE_GLOBAL:
  case FE_STORE_NAME:
    a = pop(l);
    with_imm(l, emit1(l, op == FE_STORE_GLOBAL ? IR_STORE_GLOBAL : IR_STORE_NAME, a),
             oparg, 0);
    release(l, a);
    break;
  case FE_DELETE_GLOBAL:
    with_imm(l, emit0(l, IR_DELETE_GLOBAL), oparg, 0);
    break;
  case FE_LOAD_NAME:
    push(l, with_imm(l, emit0(l, IR_LOAD_NAME), oparg, 0));
    break;
  case FE_DELETE_NAME:
    with_imm(l, emit0(l, IR_DELETE_NAME), oparg, 0);
    break;

  /* ---- attributes and subscripts ---- */
  case FE_LOAD_ATTR:
    a = pop(l);
    r = with_imm(l, emit1(l, IR_LOAD_ATTR, a), oparg, 0);
    fn->instrs[r].spec = spec;
    release(l, a);
    push(l, r);
    break;
  case FE_STORE_ATTR:
    a = pop(l); /* owner */
    c = pop(l); /* value */
    r = with_imm(l, emit2(l, IR_STORE_ATTR, a, c), oparg, 0);
    fn->instrs[r].spec = spec;
    release(l, c);
    release(l, a);
    break;
  case FE_DELETE_ATTR:
    a = pop(l);
    with_imm(l, emit1(l, IR_DELETE_ATTR, a), oparg, 0);
    release(l, a);
    break;
  case FE_LOAD_METHOD:
    a = pop(l);
    c = with_imm(l, emit1(l, IR_LOAD_METHOD, a), oparg, 0);
    fn->instrs[c].spec = spec;
    e = with_imm(l, emit2(l, IR_LOAD_METHOD_SELF, a, c), oparg, 0);
    release(l, a);
    push(l, c);
    push(l, e);
    break;
  case FE_BINARY_SUBSCR:
    binary(l, IR_BINARY_SUBSCR, 0);
    fn->instrs[l->stack[l->sp - 1]].spec = spec;
    break;
  case FE_STORE_SUBSCR:
    a = pop(l); /* key */
    c = pop(l); /* container */
    e = pop(l); /* value */
    r = emit3(l, IR_STORE_SUBSCR, c, a, e);
    fn->instrs[r].spec = spec;
    release(l, e);
    release(l, c);
    release(l, a);
    break;
  case FE_DELETE_SUBSCR:
    a = pop(l);
    c = pop(l);
    emit2(l, IR_DELETE_SUBSCR, c, a);
    release(l, c);
    release(l, a);
    break;

  /* ---- operators ---- */
  case FE_UNARY_POSITIVE: unary(l, IR_UNARY_POS); break;
  case FE_UNARY_NEGATIVE: unary(l, IR_UNARY_NEG); break;
  case FE_UNARY_INVERT: unary(l, IR_UNARY_INVERT); break;
  case FE_UNARY_NOT:
    a = pop(l);
    c = emit1(l, IR_TRUTH, a);
    release(l, a);
    push(l, box(l, emit1(l, IR_NOT, c)));
    break;
  case FE_BINARY_OP:
    binary(l, IR_BINARY_OP, oparg);
    fn->instrs[l->stack[l->sp - 1]].spec = spec;
    break;
  case FE_COMPARE_OP:
    binary(l, IR_COMPARE_OP, oparg);
    fn->instrs[l->stack[l->sp - 1]].spec = spec;
    break;
  case FE_IS_OP:
  case FE_CONTAINS_OP:
    c = pop(l);
    a = pop(l);
    r = emit2(l, op == FE_IS_OP ? IR_IS : IR_CONTAINS, a, c);
    if (oparg)
      r = emit1(l, IR_NOT, r);
    release(l, a);
    release(l, c);
    push(l, box(l, r));
    break;

  /* ---- containers ---- */
  case FE_BUILD_TUPLE: build(l, IR_BUILD_TUPLE, oparg); break;
  case FE_BUILD_LIST: build(l, IR_BUILD_LIST, oparg); break;
  case FE_BUILD_SET: build(l, IR_BUILD_SET, oparg); break;
  case FE_BUILD_MAP: build(l, IR_BUILD_MAP, 2 * oparg); break;
  case FE_BUILD_STRING: build(l, IR_BUILD_STRING, oparg); break;
  case FE_BUILD_CONST_KEY_MAP: {
    IrRef *args = scratch(l, oparg + 1);
    args[0] = pop(l);
    pop_n(l, args + 1, oparg);
    push(l, emit(l, IR_BUILD_CONST_KEY_MAP, args, oparg + 1));
    break;
  }
  case FE_BUILD_SLICE:
    e = oparg == 3 ? pop(l) : IR_NOREF;
    c = pop(l);
    a = pop(l);
    if (e == IR_NOREF)
      e = null(l);
    push(l, emit3(l, IR_BUILD_SLICE, a, c, e));
    break;
  case FE_LIST_APPEND:
    a = pop(l);
    emit2(l, IR_LIST_APPEND, top(l, oparg - 1), a);
    break;
  case FE_SET_ADD:
  case FE_LIST_EXTEND:
  case FE_SET_UPDATE:
  case FE_DICT_UPDATE: {
    IrOp iop = op == FE_SET_ADD       ? IR_SET_ADD
               : op == FE_LIST_EXTEND ? IR_LIST_EXTEND
               : op == FE_SET_UPDATE  ? IR_SET_UPDATE
                                      : IR_DICT_UPDATE;
    a = pop(l);
    emit2(l, iop, top(l, oparg - 1), a);
    release(l, a);
    break;
  }
  case FE_DICT_MERGE:
    a = pop(l);
    emit3(l, IR_DICT_MERGE, top(l, oparg + 1), top(l, oparg - 1), a);
    release(l, a);
    break;
  case FE_MAP_ADD:
    e = pop(l); /* value */
    c = pop(l); /* key */
    emit3(l, IR_MAP_ADD, top(l, oparg - 1), c, e);
    release(l, c);
    release(l, e);
    break;
  case FE_LIST_TO_TUPLE: unary(l, IR_LIST_TO_TUPLE); break;
  case FE_FORMAT_VALUE:
    c = (oparg & 4) ? pop(l) : IR_NOREF;
    a = pop(l);
    r = with_imm(l, emit2(l, IR_FORMAT_VALUE, a, c == IR_NOREF ? null(l) : c), oparg & 3, 0);
    release(l, a);
    if (c != IR_NOREF)
      release(l, c);
    push(l, r);
    break;
  case FE_UNPACK_SEQUENCE:
    a = pop(l);
    r = with_imm(l, emit1(l, IR_UNPACK_SEQUENCE, a), oparg, 0);
    fn->instrs[r].spec = spec;
    release(l, a);
    push_tuple_items(l, r, oparg, true);
    break;
  case FE_UNPACK_EX:
    a = pop(l);
    r = with_imm(l, emit1(l, IR_UNPACK_EX, a), oparg & 0xFF, oparg >> 8);
    release(l, a);
    push_tuple_items(l, r, (oparg & 0xFF) + (oparg >> 8) + 1, true);
    break;

  /* ---- calls and functions ---- */
  case FE_KW_NAMES:
    l->kwnames = oparg;
    break;
  case FE_PRECALL:
    /* CALL does PRECALL's bound-method unpacking itself: nothing to emit. Its
     * specialisation is feedback about the callee, kept on the call. */
    l->precall_spec = spec;
    break;
  case FE_CALL:
    lower_call(l, oparg, spec);
    break;
  case FE_CALL_FUNCTION_EX: {
    /* Consumes f, args and kw; the NULL below them stays in its frame state, as on the
     * interpreter's stack. */
    IrRef kw = (oparg & 1) ? pop(l) : IR_NOREF;
    IrRef args = pop(l), f = pop(l);
    r = emit3(l, IR_CALL_EX, f, args, kw == IR_NOREF ? null(l) : kw);
    release(l, pop(l));
    push(l, r);
    break;
  }
  case FE_MAKE_FUNCTION: {
    IrRef v[5];
    v[0] = pop(l);
    for (int bit = 3, k = 1; bit >= 0; bit--, k++)
      v[k] = (oparg & (1u << bit)) ? pop(l) : IR_NOREF;
    for (int k = 1; k < 5; k++)
      if (v[k] == IR_NOREF)
        v[k] = null(l);
    push(l, with_imm(l, emit(l, IR_MAKE_FUNCTION, v, 5), oparg, 0));
    break;
  }
  case FE_LOAD_BUILD_CLASS:
    push(l, emit0(l, IR_LOAD_BUILD_CLASS));
    break;
  case FE_SETUP_ANNOTATIONS:
    emit0(l, IR_SETUP_ANNOTATIONS);
    break;
  case FE_PRINT_EXPR:
    a = pop(l);
    emit1(l, IR_PRINT_EXPR, a);
    release(l, a);
    break;
  case FE_LOAD_ASSERTION_ERROR:
    push(l, emit0(l, IR_LOAD_ASSERTION_ERROR));
    break;

  /* ---- imports ---- */
  case FE_IMPORT_NAME:
    c = pop(l); /* fromlist */
    a = pop(l); /* level */
    r = with_imm(l, emit2(l, IR_IMPORT_NAME, a, c), oparg, 0);
    release(l, a);
    release(l, c);
    push(l, r);
    break;
  case FE_IMPORT_FROM:
    push(l, with_imm(l, emit1(l, IR_IMPORT_FROM, top(l, 0)), oparg, 0));
    break;
  case FE_IMPORT_STAR:
    a = pop(l);
    emit1(l, IR_IMPORT_STAR, a);
    release(l, a);
    break;

  /* ---- iteration ---- */
  case FE_GET_ITER: unary(l, IR_GET_ITER); break;
  case FE_GET_YIELD_FROM_ITER: unary(l, IR_GET_YIELD_FROM_ITER); break;
  case FE_RETURN_VALUE:
    emit1(l, IR_RET, pop(l));
    break;

  /* ---- exceptions ---- */
  case FE_RAISE_VARARGS:
    c = oparg == 2 ? pop(l) : null(l);
    a = oparg >= 1 ? pop(l) : null(l);
    emit2(l, IR_RAISE, a, c);
    break;
  case FE_RERAISE:
    with_imm(l, emit1(l, IR_RERAISE, top(l, 0)), oparg, 0);
    break;
  case FE_PUSH_EXC_INFO:
    a = pop(l);
    push(l, emit1(l, IR_PUSH_EXC_INFO, a));
    push(l, a);
    break;
  case FE_POP_EXCEPT:
    emit1(l, IR_POP_EXCEPT, pop(l));
    break;
  case FE_CHECK_EXC_MATCH:
    c = pop(l);
    r = emit2(l, IR_CHECK_EXC_MATCH, top(l, 0), c);
    release(l, c);
    push(l, box(l, r));
    break;
  case FE_CHECK_EG_MATCH:
    c = pop(l); /* match type */
    a = pop(l); /* exception */
    r = emit2(l, IR_CHECK_EG_MATCH, a, c);
    release(l, c);
    release(l, a);
    push_tuple_items(l, r, 2, false);
    break;
  case FE_PREP_RERAISE_STAR:
    binary(l, IR_PREP_RERAISE_STAR, 0);
    break;
  case FE_WITH_EXCEPT_START:
    push(l, emit2(l, IR_WITH_EXCEPT_START, top(l, 3), top(l, 0)));
    break;
  case FE_BEFORE_WITH:
  case FE_BEFORE_ASYNC_WITH:
    a = pop(l);
    r = emit1(l, op == FE_BEFORE_WITH ? IR_BEFORE_WITH : IR_BEFORE_ASYNC_WITH, a);
    release(l, a);
    push_tuple_items(l, r, 2, false);
    break;
  case FE_END_ASYNC_FOR:
    c = pop(l); /* exception */
    a = pop(l); /* async iterator */
    emit2(l, IR_END_ASYNC_FOR, a, c);
    release(l, c);
    release(l, a);
    break;

  /* ---- generators and coroutines (RETURN_GENERATOR, YIELD_VALUE: lower_suspend) ---- */
  case FE_GET_AWAITABLE: unary_imm(l, IR_GET_AWAITABLE, oparg); break;
  case FE_GET_AITER: unary(l, IR_GET_AITER); break;
  case FE_GET_ANEXT:
    push(l, emit1(l, IR_GET_ANEXT, top(l, 0)));
    break;
  case FE_ASYNC_GEN_WRAP: unary(l, IR_ASYNC_GEN_WRAP); break;

  /* ---- pattern matching ---- */
  case FE_MATCH_CLASS: {
    IrRef names = pop(l), cls = pop(l), subj = pop(l);
    r = with_imm(l, emit3(l, IR_MATCH_CLASS, subj, cls, names), oparg, 0);
    release(l, names);
    release(l, cls);
    release(l, subj);
    push(l, r);
    break;
  }
  case FE_MATCH_MAPPING:
  case FE_MATCH_SEQUENCE:
    r = emit1(l, op == FE_MATCH_MAPPING ? IR_MATCH_MAPPING : IR_MATCH_SEQUENCE, top(l, 0));
    push(l, box(l, r));
    break;
  case FE_MATCH_KEYS:
    push(l, emit2(l, IR_MATCH_KEYS, top(l, 1), top(l, 0)));
    break;
  case FE_GET_LEN:
    push(l, emit1(l, IR_GET_LEN, top(l, 0)));
    break;
  default:
    PYLLC_DIE("opcode %d (%s) has no lowering here", op, fe_op_info[op].name);
  }
}

/* ---- edges ------------------------------------------------------------------------- */

/* Control goes from IR block `from` into bytecode block k with the stack stack[0..n). */
static void edge(Builder *b, IrBlockId from, uint32_t k, const IrRef *stack, uint32_t n) {
  Blk *t = &b->blks[k];
  if (t->npreds <= 1) {
    t->entry = IR_NEW_ARRAY(b->fn->arena, IrRef, n + 1);
    memcpy(t->entry, stack, n * sizeof *stack);
    t->has_entry = true;
  } else {
    for (uint32_t s = 0; s < n; s++)
      ir_phi_set(b->fn, t->entry[s], t->nfilled, stack[s], from);
    t->nfilled++;
  }
  push_work(b, k);
}

/* Gives the current block's terminator the instruction's line. */
static void term_line(Builder *b) {
  b->fn->instrs[b->fn->blocks[b->lw.cur].term].line = b->in ? b->in->line : -1;
}

/* A branch to block k with the current stack, from the current IR block. */
static void jump_to(Builder *b, uint32_t k) {
  ir_emit_br(b->fn, b->lw.cur, b->blks[k].ir);
  term_line(b);
  edge(b, b->lw.cur, k, b->lw.stack, b->lw.sp);
}

/* A new IR block on the way to bytecode block k (code that runs on one edge only). */
static IrBlockId edge_block(Builder *b, uint32_t k) {
  IrBlockId e = ir_new_block(b->fn);
  b->fn->blocks[e].bc_offset = (int32_t)b->dec->instrs[b->blks[k].first].start * 2;
  return e;
}

/* ---- step 4: one lowering per opcode --------------------------------------------- */

static uint32_t blk_index(Builder *b, int32_t instr) { return (uint32_t)b->blk_of[instr]; }

/* Conditional jump on the truth of `cond` (a bool value): to the jump target when
 * cond == jump_if, else falls through. The stacks for both edges are the current one. */
static void branch(Builder *b, IrRef cond, bool jump_if) {
  uint32_t kt = blk_index(b, b->in->target);
  uint32_t kf = blk_index(b, (int32_t)(b->in - b->dec->instrs) + 1);
  if (kt == kf) {
    jump_to(b, kt);
    return;
  }
  IrBlockId t = b->blks[kt].ir, f = b->blks[kf].ir;
  ir_emit_cbr(b->fn, b->lw.cur, cond, jump_if ? t : f, jump_if ? f : t);
  term_line(b);
  edge(b, b->lw.cur, kt, b->lw.stack, b->lw.sp);
  edge(b, b->lw.cur, kf, b->lw.stack, b->lw.sp);
}

/* The instructions that branch (FE_J_COND, FE_J_ALWAYS): their successors are bytecode
 * blocks. */
static void lower_branching(Builder *b) {
  FeLower *l = &b->lw;
  const FeInstr *in = b->in;
  IrFunc *fn = b->fn;
  IrRef a, c, r;
  switch (in->op) {
  case FE_FOR_ITER: {
    a = top(l, 0);
    r = emit1(l, IR_ITER_NEXT, a);
    c = emit1(l, IR_IS_NULL, r);
    uint32_t kt = blk_index(b, in->target), kf = blk_index(b, (int32_t)(in - b->dec->instrs) + 1);
    IrBlockId exit = edge_block(b, kt);
    ir_emit_cbr(fn, l->cur, c, exit, b->blks[kf].ir);
    term_line(b);
    push(l, r);
    edge(b, l->cur, kf, l->stack, l->sp);
    l->sp--;
    l->cur = exit;
    release(l, pop(l));
    jump_to(b, kt);
    return;
  }

  /* ---- jumps ---- */
  case FE_JUMP_FORWARD:
  case FE_JUMP_BACKWARD_NO_INTERRUPT:
    jump_to(b, blk_index(b, in->target));
    return;
  case FE_JUMP_BACKWARD:
    emit0(l, IR_EVAL_BREAKER);
    jump_to(b, blk_index(b, in->target));
    return;
  case FE_POP_JUMP_FORWARD_IF_FALSE:
  case FE_POP_JUMP_BACKWARD_IF_FALSE:
  case FE_POP_JUMP_FORWARD_IF_TRUE:
  case FE_POP_JUMP_BACKWARD_IF_TRUE:
    a = pop(l);
    c = emit1(l, IR_TRUTH, a);
    release(l, a);
    branch(b, c, in->op == FE_POP_JUMP_FORWARD_IF_TRUE || in->op == FE_POP_JUMP_BACKWARD_IF_TRUE);
    return;
  case FE_POP_JUMP_FORWARD_IF_NONE:
  case FE_POP_JUMP_BACKWARD_IF_NONE:
  case FE_POP_JUMP_FORWARD_IF_NOT_NONE:
  case FE_POP_JUMP_BACKWARD_IF_NOT_NONE:
    a = pop(l);
    c = emit1(l, IR_IS_NONE, a);
    release(l, a);
    branch(b, c, in->op == FE_POP_JUMP_FORWARD_IF_NONE || in->op == FE_POP_JUMP_BACKWARD_IF_NONE);
    return;
  case FE_JUMP_IF_FALSE_OR_POP:
  case FE_JUMP_IF_TRUE_OR_POP: {
    a = top(l, 0);
    c = emit1(l, IR_TRUTH, a);
    bool jump_if = in->op == FE_JUMP_IF_TRUE_OR_POP;
    uint32_t kt = blk_index(b, in->target), kf = blk_index(b, (int32_t)(in - b->dec->instrs) + 1);
    IrBlockId fall = edge_block(b, kf);
    IrBlockId t = b->blks[kt].ir;
    ir_emit_cbr(fn, l->cur, c, jump_if ? t : fall, jump_if ? fall : t);
    term_line(b);
    edge(b, l->cur, kt, l->stack, l->sp);
    l->cur = fall;
    release(l, pop(l));
    jump_to(b, kf);
    return;
  }
  case FE_SEND: {
    c = pop(l); /* value */
    a = top(l, 0); /* receiver */
    r = emit2(l, IR_SEND, a, c);
    release(l, c);
    IrRef val = with_imm(l, emit1(l, IR_TUPLE_ITEM, r), 0, 0);
    IrRef flag = with_imm(l, emit1(l, IR_TUPLE_ITEM, r), 1, 0);
    emit1(l, IR_DECREF, r);
    /* flag is True or False: `is True` (pure, so no frame state with the released v) */
    uint32_t true_k = singleton_const(fn, &l->true_const, IR_C_TRUE);
    IrRef t = with_imm(l, emit0(l, IR_CONST), true_k, 0);
    IrRef done = emit2(l, IR_IS, flag, t);
    emit1(l, IR_DECREF, t);
    emit1(l, IR_DECREF, flag);
    uint32_t kt = blk_index(b, in->target), kf = blk_index(b, (int32_t)(in - b->dec->instrs) + 1);
    IrBlockId ret = edge_block(b, kt);
    ir_emit_cbr(fn, l->cur, done, ret, b->blks[kf].ir);
    term_line(b);
    push(l, val);
    edge(b, l->cur, kf, l->stack, l->sp);
    l->cur = ret;
    l->sp -= 2;
    release(l, a);
    push(l, val);
    jump_to(b, kt);
    return;
  }
  default:
    PYLLC_DIE("opcode %u (%s) does not branch", in->op, fe_op_info[in->op].name);
  }
}

/* RETURN_GENERATOR hands the fresh frame to the interpreter, which makes the generator;
 * YIELD_VALUE returns its operand. Both end the block: the next instruction is entered
 * from its resume landing (make_landing). */
static void lower_suspend(Builder *b) {
  FeLower *l = &b->lw;
  if (b->in->op == FE_YIELD_VALUE)
    emit1(l, IR_YIELD_VALUE, pop(l));
  else
    emit0(l, IR_RETURN_GENERATOR);
  term_line(b);
}

/* The landing block of the handler of the current instruction, IR_NOREF if none. */
static IrBlockId instr_handler(Builder *b) {
  int32_t h = b->handler_of[b->in - b->dec->instrs];
  return h >= 0 ? b->blks[h].land : IR_NOREF;
}

/* pyllc.asm("..."): if the callee is the real pyllc.asm, its code spliced here, then None
 * as the call's result; else the interpreter makes the call (deopt at the CALL, its stack
 * intact). The code's operations leave at the CALL, as an exception out of the call. */
static void lower_asm_call(Builder *b, uint32_t site) {
  FeLower *l = &b->lw;
  IrFunc *fn = b->fn;
  IrRef is = emit1(l, IR_IS_ASM, top(l, 1));
  IrBlockId yes = ir_new_block(fn), no = ir_new_block(fn);
  ir_emit_cbr(fn, l->cur, is, yes, no);
  term_line(b);
  l->cur = no;
  emit0(l, IR_DEOPT);
  l->cur = yes;
  for (int k = 0; k < 3; k++)
    release(l, pop(l));
  l->kwnames = -1;
  l->precall_spec = 0;
  pyasm_splice_at(b->splicer, site, &l->cur, l->stack, l->sp, l->fs_offset, l->handler);
  if (l->cur == IR_NOREF)
    l->cur = ir_new_block(fn); /* the code does not end here: what follows is dead */
  uint32_t none_k = singleton_const(fn, &b->none_const, IR_C_NONE);
  push(l, with_imm(l, emit0(l, IR_CONST), none_k, 0));
  l->called_out = true;
}

static void lower_instr(Builder *b) {
  const FeInstr *in = b->in;
  uint8_t j = fe_op_info[in->op].jump;
  b->lw.line = in->line;
  b->lw.fs_offset = (int32_t)in->unit * 2;
  b->lw.fs_start = (int32_t)in->start * 2;
  b->lw.handler = instr_handler(b);
  if (j == FE_J_COND || j == FE_J_ALWAYS) {
    lower_branching(b);
    return;
  }
  if (suspends(in)) {
    lower_suspend(b);
    return;
  }
  uint32_t arg = in->arg;
  if (fe_op_info[in->op].arg == FE_ARG_CONST)
    arg = b->const_map[arg];
  int32_t site = b->splicer ? b->asm_site[in - b->dec->instrs] : -1;
  if (site >= 0)
    lower_asm_call(b, (uint32_t)site);
  else
    fe_lower_one(&b->lw, in->op, arg, in->spec);
  /* Falling into the next block. */
  if (j == FE_J_NONE && in == &b->dec->instrs[b->blks[b->blk_of[in - b->dec->instrs]].last])
    jump_to(b, (uint32_t)b->blk_of[in - b->dec->instrs] + 1);
}

/* ---- step 3 and the driver --------------------------------------------------------- */

/* Whether name index i of fn is "asm". */
static bool names_asm(const IrFunc *fn, uint32_t i) {
  return i < fn->nnames && !strcmp(fn->names[i], "asm");
}

/* A call `pyllc.asm("...")` (or `asm("...")`) at CALL instruction i: PRECALL 1 and CALL 1
 * on a str constant and a callee that is the attribute or global `asm` (3.11 loads a
 * module's attribute with LOAD_ATTR after a NULL), in one block. Its text is the
 * constant. Whether the callee is pyllc.asm is checked when it runs. */
static const IrConst *asm_text(Builder *b, uint32_t i) {
  const FeInstr *ins = b->dec->instrs;
  if (i < 3 || ins[i].op != FE_CALL || ins[i].arg != 1 || ins[i - 1].op != FE_PRECALL ||
      ins[i - 1].arg != 1 || ins[i - 2].op != FE_LOAD_CONST || b->blk_of[i - 3] != b->blk_of[i])
    return NULL;
  const FeInstr *callee = &ins[i - 3];
  bool named = ((callee->op == FE_LOAD_METHOD || callee->op == FE_LOAD_ATTR) &&
                names_asm(b->fn, callee->arg)) ||
               (callee->op == FE_LOAD_GLOBAL && (callee->arg & 1) &&
                names_asm(b->fn, callee->arg >> 1));
  const IrConst *k = &b->fn->consts[b->const_map[ins[i - 2].arg]];
  return named && k->kind == IR_C_STR ? k : NULL;
}

/* Column (1-based) of the first character of the string literal that starts at 0-based
 * byte column col0 of `line` of the source: after its prefix and quotes. Without the
 * source, one quote is assumed. */
static int text_column(const FeCode *c, int32_t line, int32_t col0) {
  const char *p = c->source, *end = c->source + c->nsource;
  for (int32_t l = 1; p && p < end && l < line; l++) {
    p = memchr(p, '\n', (size_t)(end - p));
    p = p ? p + 1 : NULL;
  }
  if (!p || col0 < 0 || end - p <= col0)
    return col0 + 2;
  const char *q = p + col0;
  while (q < end && strchr("rRuUbBfF", *q) && *q)
    q++;
  int quote = end - q >= 3 && (q[0] == '"' || q[0] == '\'') && q[1] == q[0] && q[2] == q[0]
                  ? 3 : 1;
  return (int)(q - p) + quote + 1;
}

/* The pyllc.asm() sites of the code, handed to the .pyasm front end: false after errors
 * in their code (reported). No sites, or code that cannot be spliced: no splicer. */
static bool find_asm_sites(Builder *b) {
  const FeDecoded *dec = b->dec;
  if (!(b->fn->flags & 0x1)) /* not CO_OPTIMIZED: module and class bodies have no fast
                                locals, and pyllc.asm() raises TypeError there */
    return true;
  b->asm_site = malloc(sizeof *b->asm_site * (dec->ninstrs + 1));
  FeAsmSite *sites = malloc(sizeof *sites * (dec->ninstrs + 1));
  if (!b->asm_site || !sites)
    PYLLC_DIE("out of memory");
  uint32_t n = 0;
  for (uint32_t i = 0; i < dec->ninstrs; i++) {
    const IrConst *k = b->depth_before[i] >= 3 ? asm_text(b, i) : NULL;
    b->asm_site[i] = k ? (int32_t)n : -1;
    if (!k)
      continue;
    uint32_t unit = dec->instrs[i - 2].unit;
    int32_t line = fe_line_of(b->c, unit);
    sites[n++] = (FeAsmSite){.text = k->u.str, .len = k->n, .line = line > 0 ? line : 1,
                             .col = text_column(b->c, line, fe_col_of(b->c, unit)),
                             .depth = (uint32_t)b->depth_before[i] - 3};
  }
  bool failed = false;
  const char *why = NULL;
  if (n)
    b->splicer = pyasm_splice_begin(b->d, b->fn, b->c->filename, sites, n, b->c->asm_opts,
                                    &failed, &why);
  free(sites);
  return !failed;
}

static void mark_loop_headers(Builder *b) {
  for (uint32_t i = 0; i < b->dec->ninstrs; i++) {
    int32_t t = b->dec->instrs[i].target;
    if (t >= 0 && (uint32_t)t <= i)
      b->blks[b->blk_of[t]].loop_header = true;
    if (t >= 0 && b->dec->instrs[i].op == FE_SEND)
      b->blks[b->blk_of[t]].send_target = true;
  }
}

static void count_preds(Builder *b) {
  for (uint32_t k = 0; k < b->nblks; k++) {
    Blk *bk = &b->blks[k];
    if (bk->depth < 0)
      continue;
    if (bk->hdepth >= 0)
      b->blks[k].npreds++; /* the landing block */
    const FeInstr *last = &b->dec->instrs[bk->last];
    uint8_t j = fe_op_info[last->op].jump;
    int32_t fall = (j == FE_J_NONE || j == FE_J_COND) ? (int32_t)k + 1 : -1;
    int32_t tgt = last->target >= 0 ? b->blk_of[last->target] : -1;
    if (j == FE_J_COND && tgt == fall && last->op != FE_FOR_ITER &&
        last->op != FE_SEND && last->op != FE_JUMP_IF_FALSE_OR_POP &&
        last->op != FE_JUMP_IF_TRUE_OR_POP)
      tgt = -1; /* both ways to the same block: one edge */
    if (fall >= 0)
      b->blks[fall].npreds++;
    if (tgt >= 0)
      b->blks[tgt].npreds++;
  }
}

/* A tracer or profiler set while compiled code runs (by a callee) must see what the
 * interpreter would show next: the next line event and the return. So compiled code
 * checks tracing where a line starts and before a return, if anything that may have run
 * other code came since the last check (loop back-edges and RESUME check already; a block
 * may be entered from anywhere). The check's frame state is the instruction's, which the
 * interpreter then runs itself from its first EXTENDED_ARG (bc_start). */
static bool is_trace_point(const Builder *b, uint32_t i) {
  const FeInstr *in = &b->dec->instrs[i];
  if (i < b->first_traceable || !b->lw.called_out)
    return false;
  if (in->op == FE_RETURN_VALUE)
    return true;
  return in->line > 0 && (i == 0 || b->dec->instrs[i - 1].line != in->line);
}

static void emit_trace_check(Builder *b) {
  FeLower *l = &b->lw;
  l->line = b->in->line;
  l->fs_offset = (int32_t)b->in->unit * 2;
  l->fs_start = (int32_t)b->in->start * 2;
  l->handler = instr_handler(b);
  emit0(l, IR_TRACE_CHECK);
}

static void lower_block(Builder *b, uint32_t k) {
  Blk *bk = &b->blks[k];
  FeLower *l = &b->lw;
  l->cur = bk->ir;
  l->sp = (uint32_t)bk->depth;
  memcpy(l->stack, bk->entry, l->sp * sizeof *l->stack);
  l->kwnames = -1;
  l->precall_spec = 0;
  l->called_out = true;
  for (uint32_t i = bk->first; i <= bk->last; i++) {
    b->in = &b->dec->instrs[i];
    memcpy(l->pre, l->stack, l->sp * sizeof *l->stack);
    l->pre_sp = l->sp;
    if (is_trace_point(b, i))
      emit_trace_check(b);
    lower_instr(b);
  }
}

/* Is block k entered from the dispatch: after a suspension; at a SEND's target, where
 * generator.throw() resumes a delegating frame whose delegate returned (it pops the
 * delegate, sends its value and moves prev_instr there); or as a loop header when the
 * code is compiled for on-stack replacement? */
static bool is_resume_point(Builder *b, uint32_t k) {
  if (k == 0 || b->blks[k].depth < 0)
    return false;
  if (suspends(&b->dec->instrs[b->blks[k - 1].last]) || b->blks[k].send_target)
    return true;
  return b->c->osr_entries && b->blks[k].loop_header;
}

/* A block entered from outside with the stack the interpreter left in the frame: it takes
 * the values (entry_stack) and goes to bytecode block k. */
static IrBlockId make_landing(Builder *b, uint32_t k) {
  Blk *bk = &b->blks[k];
  IrFunc *fn = b->fn;
  IrBlockId land = ir_new_block(fn);
  fn->blocks[land].bc_offset = (int32_t)b->dec->instrs[bk->first].start * 2;
  b->lw.cur = land;
  b->in = &b->dec->instrs[bk->first];
  b->lw.line = b->in->line;
  b->lw.fs_offset = (int32_t)b->in->unit * 2;
  b->lw.fs_start = (int32_t)b->in->start * 2;
  b->lw.pre_sp = 0;
  for (int32_t s = 0; s < bk->depth; s++)
    b->lw.stack[s] = with_imm(&b->lw, emit0(&b->lw, IR_ENTRY_STACK), s, 0);
  b->lw.sp = (uint32_t)bk->depth;
  jump_to(b, k);
  return land;
}

/* The entry of resumable code: a fresh frame starts at bytecode block 0, a resumed one at
 * the landing of the block after the instruction that suspended it. */
static void make_dispatch(Builder *b, IrBlockId entry) {
  IrFunc *fn = b->fn;
  IrBlockId *succ = IR_NEW_ARRAY(fn->arena, IrBlockId, b->nblks + 1);
  uint32_t n = 0;
  succ[n++] = b->blks[0].ir;
  edge(b, entry, 0, b->lw.stack, 0);
  for (uint32_t k = 1; k < b->nblks; k++)
    if (is_resume_point(b, k))
      succ[n++] = make_landing(b, k);
  IrRef t = ir_emit0(fn, entry, IR_DISPATCH);
  ir_set_succ(fn, t, succ, n);
  fn->instrs[t].line = -1;
}

/* Decrefs of values that may be NULL become xdecrefs (a fixpoint over phis). */
static void finish(IrFunc *fn) {
  bool *maybe = calloc(fn->ninstrs + 1, sizeof *maybe);
  if (!maybe)
    PYLLC_DIE("out of memory");
  for (uint32_t r = 0; r < fn->ninstrs; r++) {
    uint16_t op = fn->instrs[r].op;
    maybe[r] = op == IR_NULLOBJ || op == IR_LOAD_METHOD || op == IR_ENTRY_STACK;
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t r = 0; r < fn->ninstrs; r++) {
      IrInstr *in = &fn->instrs[r];
      if (in->op != IR_PHI || in->dead || maybe[r])
        continue;
      for (uint32_t k = 0; k < in->nargs; k++)
        if (in->args[k] != IR_NOREF && maybe[in->args[k]]) {
          maybe[r] = changed = true;
          break;
        }
    }
  }
  for (uint32_t r = 0; r < fn->ninstrs; r++) {
    IrInstr *in = &fn->instrs[r];
    if (in->op == IR_DECREF && maybe[in->args[0]])
      in->op = IR_XDECREF;
  }
  free(maybe);
}

bool fe_build(PyllcDiag *d, const FeCode *c, const FeDecoded *dec, IrFunc *fn,
              const uint32_t *const_map) {
  Builder b = {.d = d, .c = c, .dec = dec, .fn = fn, .const_map = const_map,
               .lw = {.fn = fn, .handler = IR_NOREF, .kwnames = -1,
                      .true_const = UINT32_MAX},
               .none_const = UINT32_MAX};
  bool ok = false;
  find_blocks(&b);
  b.first_traceable = UINT32_MAX;
  for (uint32_t i = 0; i < dec->ninstrs && b.first_traceable == UINT32_MAX; i++)
    if (dec->instrs[i].op == FE_RESUME)
      b.first_traceable = i + 1;
  if (!compute_depths(&b))
    goto done;
  count_preds(&b);
  map_handlers(&b);
  mark_loop_headers(&b);
  if (c->asm_opts && !find_asm_sites(&b))
    goto done;
  bool resumable = false;
  for (uint32_t k = 1; k < b.nblks; k++)
    if (is_resume_point(&b, k)) {
      resumable = true;
      if (!suspends(&dec->instrs[b.blks[k - 1].last]))
        b.blks[k].npreds++; /* an OSR landing: one more way in */
    }
  IrBlockId pre_entry = IR_NOREF;
  if (b.blks[0].npreds > 0 || resumable) {
    /* something jumps back to offset 0, or the dispatch: a separate entry */
    pre_entry = ir_new_block(fn);
    b.blks[0].npreds++;
  }
  /* IR blocks in bytecode order: bb0 is the entry (depth 0: no phis, whatever jumps
   * back to it). Phis for every merge, before anything is lowered. */
  for (uint32_t k = 0; k < b.nblks; k++) {
    Blk *bk = &b.blks[k];
    if (bk->depth < 0)
      continue;
    bk->ir = ir_new_block(fn);
    fn->blocks[bk->ir].bc_offset = (int32_t)dec->instrs[bk->first].start * 2;
    if (bk->npreds > 1) {
      bk->entry = IR_NEW_ARRAY(fn->arena, IrRef, (uint32_t)bk->depth + 1);
      for (int32_t s = 0; s < bk->depth; s++)
        bk->entry[s] = ir_emit_phi(fn, bk->ir, IR_T_OBJ, bk->npreds);
      bk->has_entry = true;
    }
  }
  b.lw.stack = calloc(b.maxdepth + 8, sizeof *b.lw.stack);
  b.lw.pre = calloc(b.maxdepth + 8, sizeof *b.lw.pre);
  if (!b.lw.stack || !b.lw.pre)
    PYLLC_DIE("out of memory");
  for (uint32_t k = 0; k < b.nblks; k++)
    b.blks[k].queued = false;
  b.nwork = 0;
  /* Handler landings: the stack the interpreter leaves, then into the handler. */
  for (uint32_t k = 0; k < b.nblks; k++) {
    Blk *bk = &b.blks[k];
    if (bk->hdepth < 0)
      continue;
    bk->land = make_landing(&b, k);
    fn->blocks[bk->land].eh_depth = bk->hdepth;
    fn->blocks[bk->land].eh_lasti = bk->hlasti;
  }
  if (pre_entry != IR_NOREF) {
    b.lw.cur = pre_entry;
    b.in = &dec->instrs[0];
    b.lw.sp = 0;
    if (resumable)
      make_dispatch(&b, pre_entry);
    else
      jump_to(&b, 0);
  }
  push_work(&b, 0);
  if (!b.blks[0].has_entry) {
    b.blks[0].entry = IR_NEW_ARRAY(fn->arena, IrRef, 1);
    b.blks[0].has_entry = true;
  }
  while (b.nwork) {
    uint32_t k = b.work[--b.nwork];
    lower_block(&b, k);
  }
  if (b.splicer) {
    bool spliced = pyasm_splice_end(b.splicer);
    b.splicer = NULL;
    if (!spliced)
      goto done;
  }
  ir_remove_trivial_phis(fn); /* merges where the stack slot did not change */
  finish(fn);
  ok = true;
done:
  pyasm_splice_free(b.splicer);
  free(b.asm_site);
  free(b.blks);
  free(b.blk_of);
  free(b.depth_before);
  free(b.handler_of);
  free(b.work);
  free(b.lw.stack);
  free(b.lw.pre);
  return ok;
}
