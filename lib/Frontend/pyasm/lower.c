/* lower.c - the semantic checks and the lowering of .pyasm to pyllc SSA IR, in one walk.
 *
 * One walker does both, so that what is checked is exactly what is lowered: pyasm_sema
 * runs it and throws the IR away; pyasm_compile keeps the IR when no error was found.
 *
 * Terms
 *   value stack  the SSA values CPython's stack would hold: what .pyasm code leaves there
 *                (the visible part, `vis` entries) plus the temporaries of the expression
 *                being evaluated above them, exactly as bytecode would push them. Every
 *                entry is an owned reference. An operation that may raise gets a frame
 *                state holding the whole stack, operands included (they are consumed only
 *                on success), so an exception path releases everything exactly.
 *   join         a block where control merges (IF/WHILE ends, labels, short-circuit
 *                results): its stack depth is fixed by the first edge into it, and it
 *                has one phi per stack slot, filled when the function is complete.
 *   env          a macro expansion: the macro, the argument expressions (passed by name:
 *                `&p` evaluates the argument in the caller's env at each use), the
 *                expansion number that makes its locals and labels private, and the
 *                caller's env. A macro already in the chain of callers is a recursion.
 *   floor        stack entries that .pyasm code may not pop (FOREACH's iterator).
 *
 * Frame states are built when a function is finished, because its locals are only known
 * then (macro expansions add private ones); likewise localsplus is ordered then (plain
 * locals, cells, free variables) and the local immediates are renumbered. There is no
 * bytecode: frame state k names code unit k (code.c builds code objects to match).
 *
 * Bounds: nesting (PYASM_MAX_NESTING), expansion depth, the number of expansions and of
 * statements after expansion are capped, and every lookup is hashed, so that compile
 * time stays linear whatever the input (fuzz/pyasm_fuzz.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../bytecode/bytecode.h"
#include "pyasm_ast.h"
#include "pyllc/frontend.h"
#include "pyllc/ir_passes.h"
#include "pyllc/support.h"

/* CPython's code flags */
enum {
  CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
  CO_NESTED = 0x10, CO_GENERATOR = 0x20,
};

typedef enum { FK_MODULE, FK_FUNC, FK_CLASS } FnKind;

typedef struct Edge {
  IrBlockId from;
  IrRef *vals;
} Edge;

typedef struct Join {
  IrBlockId block;     /* IR_NOREF until the first edge or entry */
  int depth;           /* stack depth at entry, -1 until known */
  IrRef *phis;         /* depth phis */
  Edge *edges;
  uint32_t nedges, capedges;
  bool placed;         /* control has entered it (a jump to it goes backwards) */
  const char *name;    /* labels: the name, else NULL */
  int line, col;       /* where the label is defined */
  struct Join *next;   /* next join of the function */
  struct Join *next_label; /* next label of the same scope */
  const PyasmStmt *def;    /* the statement defining the label */
  const char *what;        /* for messages: "at the end of the IF" */
  uint32_t loops;          /* FOREACH loops around it: jumping there from deeper inside
                              releases the iterators of the loops left */
} Join;

typedef struct LabelScope {
  struct LabelScope *parent;
  Join *labels;
} LabelScope;

typedef struct Pending { /* a frame state to build at the end */
  IrRef instr;
  uint32_t nstack;
  IrRef *stack;
  int32_t offset;      /* spliced code: the pyllc.asm() call's offset, handler and the */
  IrBlockId handler;   /* depth of the Python stack below it (the values kept when */
  uint32_t nframe;     /* leaving); else unused */
} Pending;

/* A string -> index map (open addressing over the strings of an array), so that names
 * and locals are found in constant time however many a function has. */
typedef struct StrMap {
  uint32_t *slots;     /* index into the array, UINT32_MAX: empty */
  uint32_t cap, n;
} StrMap;

static uint64_t str_hash(const char *s) {
  uint64_t h = 1469598103934665603u;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* Finds `name` among strs[] through the map; UINT32_MAX when absent. */
static uint32_t strmap_find(const StrMap *m, const char *const *strs, const char *name) {
  if (!m->cap)
    return UINT32_MAX;
  for (uint64_t h = str_hash(name) & (m->cap - 1); m->slots[h] != UINT32_MAX;
       h = (h + 1) & (m->cap - 1))
    if (!strcmp(strs[m->slots[h]], name))
      return m->slots[h];
  return UINT32_MAX;
}

/* Records that strs[index] is in the array (strs holds index + 1 entries at least). */
static void strmap_add(StrMap *m, const char *const *strs, uint32_t index) {
  if (2 * (m->n + 1) > m->cap) {
    uint32_t cap = m->cap ? m->cap * 2 : 64;
    uint32_t *slots = malloc(sizeof(uint32_t) * cap);
    if (!slots)
      PYLLC_DIE("out of memory");
    memset(slots, 0xff, sizeof(uint32_t) * cap);
    for (uint32_t i = 0; i < m->cap; i++) {
      if (m->slots[i] == UINT32_MAX)
        continue;
      uint64_t h = str_hash(strs[m->slots[i]]) & (cap - 1);
      while (slots[h] != UINT32_MAX)
        h = (h + 1) & (cap - 1);
      slots[h] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
  }
  uint64_t h = str_hash(strs[index]) & (m->cap - 1);
  while (m->slots[h] != UINT32_MAX)
    h = (h + 1) & (m->cap - 1);
  m->slots[h] = index;
  m->n++;
}

typedef struct FnCtx {
  struct FnCtx *parent;
  FnKind kind;
  IrFunc *fn;
  IrBlockId cur;       /* the block being filled; IR_NOREF: unreachable code */
  IrRef *stack;
  uint32_t sp, cap, vis, floor;
  uint32_t maxsp;      /* deepest stack: co_stacksize */
  uint32_t *ctab;      /* add_const's hash table of fn->consts (UINT32_MAX: empty) */
  uint32_t ctab_cap;
  uint32_t *iterpos;   /* stack slot of the iterator of each FOREACH we are in */
  uint32_t nloops, caploops;
  int builtins_slot;   /* hidden local holding the builtins module, -1 until used */
  StrMap local_map;    /* locals[] */
  StrMap name_map;     /* fn->names */
  const char **locals; /* FK_FUNC: localsplus names in order of discovery */
  uint8_t *kinds;      /* IR_LOCAL_* */
  uint32_t nlocals, caplocals;
  Join *joins;         /* every join of the function (for the phis) */
  Pending *pending;
  uint32_t npending, cappending;
  bool generator;
  IrBlockId start;     /* where the prologue goes: bb0, or a generator's first block */
  IrBlockId body;      /* the block of the entry's `resume` */
  IrBlockId *landings; /* generators: resume landing blocks (dispatch successors) ... */
  IrRef *suspends;     /* ... and the return_generator/yield each follows */
  uint32_t nlandings, caplandings;
  const char *qualname;
  const char **gnames; /* names captured from module level: globals here */
  uint32_t ngnames;
  int64_t raw_kwnames; /* RAW KW_NAMES's tuple (fn->consts index) for the next RAW CALL */
  struct PySite *pysites; /* PYTHON blocks in a DEF: their write-backs, made at the end */
  uint32_t npysites, cappysites;
  bool splice;         /* pyllc.asm() code spliced into a bytecode function: its locals are
                          the code object's, fixed; no back-edge checks of its own (the
                          lowering's leave no frame to re-run the call) */
} FnCtx;

/* A PYTHON block in a DEF ran exec() on a locals() dict (hidden local `slot`); block
 * `from` will copy what the code wrote back into the function's variables, then go on
 * to `to`. Filled by finish_function, when every variable of the function is known. */
typedef struct PySite {
  IrBlockId from, to;
  int slot, line;
} PySite;

typedef struct Env {
  struct Env *caller;  /* NULL: not inside a macro */
  PyasmMacro *macro;
  const PyasmArg *args;          /* arguments as resolved (never &p) */
  struct Env **arg_envs;         /* env of each argument */
  uint32_t nargs;
  const char **eager;  /* per parameter: hidden variable of a !p parameter, or NULL */
  uint32_t id;         /* expansion number */
  const char *ns;      /* namespace for macro lookup */
  int line, col;       /* call site */
  Join *ret;           /* MACRO_RETURN target */
  bool has_ret;
  LabelScope *scope;   /* labels of the call site (a code block's scope) */
  const char *file;    /* the file the call is written in */
  bool own_locals;     /* a DEF/CLASS body inside a macro: its $x are its own */
} Env;

typedef struct W {
  PyasmCtx *cx;
  PyasmMacros *tab;
  IrModule *m;
  FnCtx *f;
  LabelScope *scope;
  uint32_t next_id;
  int expansion_depth;
  int line;            /* line of the statement being lowered */
  int depth;           /* recursion guard */
  Env *env;            /* env of the statement being lowered */
  uint32_t nexpansions; /* macro expansions and code-block pastes so far */
  uint32_t nstmts;     /* statements lowered so far (expansions included) */
  uint32_t scan_loops; /* scan_labels: FOREACH loops around the statements scanned */
  bool too_big;        /* the expansion budget was exceeded (reported once) */
  const char *root_file; /* the file being compiled (cx->filename moves into imports) */
  const PyasmInline *inl; /* pyllc.asm() code: the function's variables only, no RETURN */
  int32_t site_offset;   /* spliced code: where its frame states leave (the call) ... */
  IrBlockId site_handler;
  uint32_t site_depth;   /* ... and the Python stack depth they keep */
  const char *cant;      /* why the code cannot be spliced (a new local), NULL if it can */
} W;

static void stmts(W *w, Env *env, PyasmStmt *list);
static void gen_expr(W *w, Env *env, PyasmExpr *e);
static PyasmExpr *synth_local(W *w, const char *name, const PyasmExpr *at);
static void store_top(W *w, Env *env, PyasmExpr *t);

#define ERR(w, node, ...) pyasm_error((w)->cx, (node)->line, (node)->col, __VA_ARGS__)

/* The line the code being lowered gets: `line` of the file being compiled; in code of a
 * file MACRO_IMPORT read (a macro expanded from there), the line of the outermost use
 * in this file, since code objects have one file name. */
static int line_here(W *w, int line) {
  return w->cx->filename == w->root_file ? line : w->line;
}

static void at_line(W *w, int line) { w->line = line_here(w, line); }

/* ---- the value stack and emission --------------------------------------------------- */

static void *alloc(W *w, size_t n) { return ir_arena_alloc(w->cx->arena, n); }

static void push(W *w, IrRef v) {
  FnCtx *f = w->f;
  if (f->sp == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 16;
    f->stack = realloc(f->stack, sizeof(IrRef) * f->cap);
    if (!f->stack)
      PYLLC_DIE("out of memory");
  }
  f->stack[f->sp++] = v;
  if (f->sp > f->maxsp)
    f->maxsp = f->sp;
}

static IrRef pop(W *w) {
  if (w->f->sp == 0)
    PYLLC_DIE("pyasm: value stack empty");
  return w->f->stack[--w->f->sp];
}

static IrRef top(W *w) { return w->f->stack[w->f->sp - 1]; }

/* The block to emit into; in unreachable code (which is skipped statement by statement,
 * see stmts) a fresh block without predecessors. */
static IrBlockId cur(W *w) {
  FnCtx *f = w->f;
  if (f->cur == IR_NOREF)
    f->cur = ir_new_block(f->fn);
  return f->cur;
}

static void set_line(W *w, IrRef r) { w->f->fn->instrs[r].line = w->line; }

/* Records that instruction r needs a frame state with this stack (built at the end,
 * when the function's locals are known). */
static void add_pending(FnCtx *f, IrRef r, const IrRef *stack, uint32_t n, W *w) {
  if (f->npending == f->cappending) {
    f->cappending = f->cappending ? f->cappending * 2 : 32;
    f->pending = realloc(f->pending, sizeof(Pending) * f->cappending);
    if (!f->pending)
      PYLLC_DIE("out of memory");
  }
  Pending *p = &f->pending[f->npending++];
  p->instr = r;
  p->nstack = n;
  p->offset = w->site_offset;
  p->handler = w->site_handler;
  p->nframe = w->site_depth;
  p->stack = alloc(w, sizeof(IrRef) * (n ? n : 1));
  if (n)
    memcpy(p->stack, stack, sizeof(IrRef) * n);
}

static IrRef emit(W *w, IrOp op, const IrRef *args, uint32_t nargs) {
  IrRef r = ir_emit(w->f->fn, cur(w), op, args, nargs);
  set_line(w, r);
  if (ir_op_info[op].flags & IRF_NEEDS_FS)
    add_pending(w->f, r, w->f->stack, w->f->sp, w);
  if (ir_op_info[op].flags & IRF_TERM)
    w->f->cur = IR_NOREF;
  return r;
}

static IrRef emit0(W *w, IrOp op, int64_t imm) {
  IrRef r = emit(w, op, NULL, 0);
  w->f->fn->instrs[r].imm[0] = imm;
  return r;
}

static bool is_null_value(W *w, IrRef v) { return w->f->fn->instrs[v].op == IR_NULLOBJ; }

/* Releases an owned stack value. */
static void release(W *w, IrRef v) {
  if (!is_null_value(w, v))
    emit(w, IR_DECREF, &v, 1);
}

/* Emits `op` on the top n stack entries (they stay on the stack for the frame state,
 * unless the op consumes them even when it fails: `call`), then pops them, releasing the
 * borrowed ones, and pushes the result if there is one. */
static IrRef apply(W *w, IrOp op, uint32_t n, int64_t imm0, int64_t imm1) {
  FnCtx *f = w->f;
  IrRef *args = alloc(w, sizeof(IrRef) * (n ? n : 1));
  memcpy(args, f->stack + f->sp - n, sizeof(IrRef) * n);
  uint16_t fl = ir_op_info[op].flags;
  if (fl & IRF_CONSUME)
    f->sp -= n;
  IrRef r = emit(w, op, args, n);
  f->fn->instrs[r].imm[0] = imm0;
  f->fn->instrs[r].imm[1] = imm1;
  if (!(fl & IRF_CONSUME))
    f->sp -= n;
  if (!(fl & (IRF_STEAL | IRF_CONSUME))) {
    for (uint32_t i = 0; i < n; i++)
      if (!((fl & IRF_STEAL_LAST) && i == n - 1))
        release(w, args[i]);
  }
  if (ir_op_info[op].sig[0] == 'o')
    push(w, r);
  return r;
}

static bool same_const(const IrConst *k, const IrConst *c) {
  if (k->kind != c->kind || k->big != c->big)
    return false;
  switch (c->kind) {
  case IR_C_NONE: case IR_C_TRUE: case IR_C_FALSE: case IR_C_ELLIPSIS: return true;
  case IR_C_INT:
    return c->big ? k->n == c->n && !memcmp(k->u.str, c->u.str, c->n) : k->u.i == c->u.i;
  case IR_C_FLOAT: return !memcmp(&k->u.f, &c->u.f, sizeof(double));
  case IR_C_STR: case IR_C_BYTES: return k->n == c->n && !memcmp(k->u.str, c->u.str, c->n);
  default: return false;
  }
}

static uint64_t const_hash(const IrConst *c) {
  uint64_t h = 1469598103934665603u ^ c->kind;
  const unsigned char *p = NULL;
  size_t n = 0;
  if (c->kind == IR_C_STR || c->kind == IR_C_BYTES || (c->kind == IR_C_INT && c->big)) {
    p = (const unsigned char *)c->u.str;
    n = c->n;
  } else if (c->kind == IR_C_INT || c->kind == IR_C_FLOAT) {
    p = (const unsigned char *)&c->u;
    n = 8;
  }
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 1099511628211u;
  return h;
}

/* The pool index of literal constant c, shared by equal ones (1, 1.0 and True stay
 * apart: the kind is part of the key). An open-addressing table keeps it linear. */
static uint32_t add_const(W *w, IrConst c) {
  FnCtx *f = w->f;
  IrFunc *fn = f->fn;
  if (2 * (fn->nconsts + 1) > f->ctab_cap) { /* rehash */
    uint32_t cap = f->ctab_cap ? f->ctab_cap * 2 : 64;
    while (2 * (fn->nconsts + 1) > cap)
      cap *= 2;
    uint32_t *tab = malloc(sizeof(uint32_t) * cap);
    if (!tab)
      PYLLC_DIE("out of memory");
    memset(tab, 0xff, sizeof(uint32_t) * cap);
    for (uint32_t i = 0; i < fn->nconsts; i++) {
      uint64_t h = const_hash(&fn->consts[i]) & (cap - 1);
      while (tab[h] != UINT32_MAX)
        h = (h + 1) & (cap - 1);
      tab[h] = i;
    }
    free(f->ctab);
    f->ctab = tab;
    f->ctab_cap = cap;
  }
  uint64_t h = const_hash(&c) & (f->ctab_cap - 1);
  for (; f->ctab[h] != UINT32_MAX; h = (h + 1) & (f->ctab_cap - 1))
    if (same_const(&fn->consts[f->ctab[h]], &c))
      return f->ctab[h];
  c.src_index = -1;
  uint32_t i = ir_add_const(fn, c);
  f->ctab[h] = i;
  return i;
}

/* The pool entry of a static value. */
static IrConst val_const(const PyasmVal *v) {
  IrConst c = {0};
  switch (v->kind) {
  case PA_V_NONE_: c.kind = IR_C_NONE; break;
  case PA_V_TRUE: c.kind = IR_C_TRUE; break;
  case PA_V_FALSE: c.kind = IR_C_FALSE; break;
  case PA_V_INT: c.kind = IR_C_INT; c.u.i = v->i; break;
  case PA_V_BIGINT:
    c.kind = IR_C_INT;
    c.big = true;
    c.u.str = v->s;
    c.n = v->slen;
    break;
  case PA_V_FLOAT: c.kind = IR_C_FLOAT; c.u.f = v->f; break;
  case PA_V_STR: case PA_V_BYTES:
    c.kind = v->kind == PA_V_STR ? IR_C_STR : IR_C_BYTES;
    c.u.str = v->s;
    c.n = v->slen;
    break;
  }
  return c;
}

static void push_val(W *w, const PyasmVal *v) {
  push(w, emit0(w, IR_CONST, add_const(w, val_const(v))));
}

static void push_none(W *w) {
  PyasmVal v = {.kind = PA_V_NONE_};
  push_val(w, &v);
}

static void push_str(W *w, const char *s, size_t n) {
  PyasmVal v = {.kind = PA_V_STR, .s = s, .slen = (uint32_t)n};
  push_val(w, &v);
}

static void push_null(W *w) { push(w, emit(w, IR_NULLOBJ, NULL, 0)); }

/* The index of `name` in fn->names (co_names: each name once). */
static uint32_t name_index(W *w, const char *name) {
  FnCtx *f = w->f;
  IrFunc *fn = f->fn;
  uint32_t i = strmap_find(&f->name_map, fn->names, name);
  if (i != UINT32_MAX)
    return i;
  fn->names = pyllc_grow(fn->names, sizeof *fn->names, fn->nnames, &fn->cap_names);
  fn->names[fn->nnames] = ir_strdup(fn->arena, name, strlen(name));
  strmap_add(&f->name_map, fn->names, fn->nnames);
  return fn->nnames++;
}

/* ---- joins -------------------------------------------------------------------------- */

static Join *new_join(W *w) {
  Join *j = alloc(w, sizeof *j);
  j->block = IR_NOREF;
  j->depth = -1;
  j->loops = w->f->nloops;
  j->next = w->f->joins;
  w->f->joins = j;
  return j;
}

static void join_materialize(W *w, Join *j, int depth) {
  j->depth = depth;
  j->block = ir_new_block(w->f->fn);
  j->phis = alloc(w, sizeof(IrRef) * (depth ? (size_t)depth : 1));
  for (int k = 0; k < depth; k++) {
    j->phis[k] = ir_emit_phi(w->f->fn, j->block, IR_T_OBJ, 0);
    w->f->fn->instrs[j->phis[k]].line = w->line;
  }
}

/* Checks the stack depth against the join's; the first edge fixes it. */
static bool join_check(W *w, Join *j, int line, int col) {
  FnCtx *f = w->f;
  if (j->depth < 0) {
    join_materialize(w, j, (int)f->sp);
    return true;
  }
  if ((int)f->sp != j->depth) {
    if (j->name)
      pyasm_error(w->cx, line, col,
                  "stack depth %u here differs from %d at label '%s' (line %d)", f->sp,
                  j->depth, j->name, j->line);
    else
      pyasm_error(w->cx, line, col, "stack depth %u here differs from %d %s", f->sp,
                  j->depth, j->what ? j->what : "where the paths join");
    return false;
  }
  return true;
}

/* Records an edge cur -> j with the current stack (the terminator is emitted by the
 * caller). */
static void join_record(W *w, Join *j, IrBlockId from) {
  FnCtx *f = w->f;
  if (j->nedges == j->capedges) {
    uint32_t cap = j->capedges ? j->capedges * 2 : 4;
    Edge *e = alloc(w, sizeof(Edge) * cap);
    if (j->nedges)
      memcpy(e, j->edges, sizeof(Edge) * j->nedges);
    j->edges = e;
    j->capedges = cap;
  }
  Edge *e = &j->edges[j->nedges++];
  e->from = from;
  e->vals = alloc(w, sizeof(IrRef) * (f->sp ? f->sp : 1));
  memcpy(e->vals, f->stack, sizeof(IrRef) * f->sp);
}

/* Jumping to j from inside FOREACH loops that j is outside of: the iterators of those
 * loops come off the stack (with `release`, released there), the other values keep
 * their order. Returns how many came off. */
static uint32_t leave_loops(W *w, Join *j, bool release_them) {
  FnCtx *f = w->f;
  uint32_t n = 0;
  for (uint32_t k = f->nloops; k-- > j->loops;) {
    uint32_t at = f->iterpos[k];
    if (at >= f->sp)
      continue;
    IrRef it = f->stack[at];
    memmove(f->stack + at, f->stack + at + 1, sizeof(IrRef) * (f->sp - at - 1));
    f->sp--;
    if (release_them)
      release(w, it);
    n++;
  }
  return n;
}

/* A copy of the value stack, to put back after a jump that left loops. */
static IrRef *save_stack(W *w, uint32_t *sp) {
  *sp = w->f->sp;
  IrRef *copy = alloc(w, sizeof(IrRef) * (*sp ? *sp : 1));
  memcpy(copy, w->f->stack, sizeof(IrRef) * *sp);
  return copy;
}

static void restore_stack(W *w, const IrRef *copy, uint32_t sp) {
  memcpy(w->f->stack, copy, sizeof(IrRef) * sp);
  w->f->sp = sp;
}

/* JUMP_BACKWARD's check of signals, the GIL and tracing. Spliced code has none of its
 * own: tracing would leave to the interpreter, which would run the pyllc.asm() call
 * again; the lowering's check of back-edges handles the rest in place. */
static void back_edge_check(W *w) {
  if (!w->f->splice)
    emit(w, IR_EVAL_BREAKER, NULL, 0);
}

/* An unconditional jump from the current block to j (nothing in unreachable code). */
static void jump_to(W *w, Join *j, int line, int col) {
  FnCtx *f = w->f;
  if (f->cur == IR_NOREF)
    return;
  uint32_t sp;
  IrRef *full = save_stack(w, &sp);
  leave_loops(w, j, false);
  bool ok = join_check(w, j, line, col);
  restore_stack(w, full, sp);
  if (!ok) {
    emit(w, IR_UNREACHABLE, NULL, 0);
    return;
  }
  if (j->placed)
    back_edge_check(w); /* a backward jump: signals, GIL, tracing */
  leave_loops(w, j, true);
  IrBlockId from = cur(w);
  join_record(w, j, from);
  IrRef br = ir_emit_br(f->fn, from, j->block);
  set_line(w, br);
  f->cur = IR_NOREF;
  restore_stack(w, full, sp);
}

/* Enters j: control continues there with its phis as the stack. */
static void enter_join(W *w, Join *j) {
  FnCtx *f = w->f;
  if (j->depth < 0)
    join_materialize(w, j, (int)f->sp);
  f->cur = j->block;
  f->sp = 0;
  for (int k = 0; k < j->depth; k++)
    push(w, j->phis[k]);
  f->vis = f->sp;
  j->placed = true;
}

/* Enters the join that ends a construct; unreachable when nothing jumps there (an END
 * label may still be jumped to later, backwards). */
static void enter_end(W *w, Join *j) {
  enter_join(w, j);
  if (j->nedges == 0 && !j->name)
    w->f->cur = IR_NOREF;
}

/* Falls through into j and enters it. */
static void place_join(W *w, Join *j, int line, int col) {
  if (w->f->cur != IR_NOREF) {
    bool was_placed = j->placed;
    j->placed = false; /* a fall-through is not a backward jump */
    jump_to(w, j, line, col);
    j->placed = was_placed;
  }
  enter_join(w, j);
}

/* Branches on bool `c` to t / f; f_join NULL: fall through into a new block. The edge
 * to t goes through a block of its own when it is a backward jump (eval breaker) or
 * leaves FOREACH loops (their iterators are released there). */
static void branch(W *w, IrRef c, Join *t, Join *fj, int line, int col) {
  FnCtx *f = w->f;
  IrFunc *fn = f->fn;
  IrBlockId from = cur(w);
  Join *fall = fj ? fj : new_join(w);
  uint32_t sp;
  IrRef *full = save_stack(w, &sp);
  uint32_t nleft = leave_loops(w, t, false);
  bool ok = join_check(w, t, line, col);
  restore_stack(w, full, sp);
  ok = ok && join_check(w, fall, line, col);
  if (!ok) {
    emit(w, IR_UNREACHABLE, NULL, 0);
    if (!fj)
      enter_join(w, fall);
    return;
  }
  IrBlockId tb = t->block;
  if (t->placed || nleft) {
    IrBlockId mid = ir_new_block(fn);
    f->cur = mid;
    if (t->placed)
      back_edge_check(w);
    leave_loops(w, t, true);
    join_record(w, t, mid);
    set_line(w, ir_emit_br(fn, mid, t->block));
    restore_stack(w, full, sp);
    f->cur = from;
    tb = mid;
  } else {
    join_record(w, t, from);
  }
  join_record(w, fall, from);
  IrRef br = ir_emit_cbr(fn, from, c, tb, fall->block);
  set_line(w, br);
  f->cur = IR_NOREF;
  if (!fj)
    enter_join(w, fall);
}

/* Pops TOS and branches on its truth. */
static void branch_on_top(W *w, Join *t, Join *f, int line, int col, bool negate) {
  IrRef v = top(w);
  IrRef b = emit(w, IR_TRUTH, &v, 1);
  pop(w);
  release(w, v);
  if (negate)
    b = emit(w, IR_NOT, &b, 1);
  branch(w, b, t, f, line, col);
}

/* ---- labels ------------------------------------------------------------------------- */

static Join *find_label_in(LabelScope *s, const char *name) {
  for (Join *j = s ? s->labels : NULL; j; j = j->next_label)
    if (!strcmp(j->name, name))
      return j;
  return NULL;
}

static Join *find_label(W *w, const char *name) {
  for (LabelScope *s = w->scope; s; s = s->parent) {
    Join *j = find_label_in(s, name);
    if (j)
      return j;
  }
  return NULL;
}

static void define_label(W *w, LabelScope *s, const char *name, const char *suffix,
                         PyasmStmt *at) {
  char *full = (char *)name;
  if (suffix) {
    size_t a = strlen(name), b = strlen(suffix);
    full = alloc(w, a + b + 2);
    memcpy(full, name, a);
    full[a] = ':';
    memcpy(full + a + 1, suffix, b + 1);
  }
  if (find_label_in(s, full))
    return; /* reported when the walk gets there (check_label), in source order */
  Join *j = new_join(w);
  j->loops = w->scan_loops;
  j->def = at;
  j->name = full;
  j->line = at->line;
  j->col = at->col;
  j->next_label = s->labels;
  s->labels = j;
}

/* Labels of a statement list, without entering functions, classes or macros. */
static void scan_labels(W *w, LabelScope *s, PyasmStmt *list, int depth) {
  if (depth > PYASM_MAX_NESTING)
    return;
  for (PyasmStmt *st = list; st; st = st->next) {
    switch (st->kind) {
    case PA_S_LABEL: define_label(w, s, st->name, NULL, st); break;
    case PA_S_IF:
      if (st->name) {
        define_label(w, s, st->name, NULL, st);
        define_label(w, s, st->name, "HEAD", st);
        define_label(w, s, st->name, "END", st);
      }
      scan_labels(w, s, st->body, depth + 1);
      scan_labels(w, s, st->orelse, depth + 1);
      break;
    case PA_S_WHILE:
    case PA_S_FOREACH:
      /* a FOREACH's labels and body are inside it: its iterator is on the stack */
      w->scan_loops += st->kind == PA_S_FOREACH;
      if (st->name) {
        define_label(w, s, st->name, NULL, st);
        define_label(w, s, st->name, "INNER", st);
        define_label(w, s, st->name, "END", st);
      }
      scan_labels(w, s, st->body, depth + 1);
      w->scan_loops -= st->kind == PA_S_FOREACH;
      break;
    case PA_S_NAMESPACE: scan_labels(w, s, st->body, depth + 1); break;
    default: break;
    }
  }
}

/* The labels of a scope's statements, which start inside the loops open here. */
static void scan_scope(W *w, LabelScope *s, PyasmStmt *list) {
  w->scan_loops = w->f->nloops;
  scan_labels(w, s, list, 0);
}

/* A statement defining label `name` that an earlier one already defines. */
static void check_label(W *w, const PyasmStmt *s) {
  Join *j = s->name ? find_label_in(w->scope, s->name) : NULL;
  if (j && j->def != s)
    ERR(w, s, "label '%s' already defined at line %d", s->name, j->line);
}

/* The join of label name[:suffix] defined by statement s, else a fresh one. */
static Join *label_or_new(W *w, const PyasmStmt *s, const char *suffix) {
  if (!s->name)
    return new_join(w);
  size_t n = strlen(s->name) + 16;
  char *buf = alloc(w, n);
  snprintf(buf, n, "%s%s%s", s->name, suffix ? ":" : "", suffix ? suffix : "");
  Join *j = find_label_in(w->scope, buf);
  return j && j->def == s ? j : new_join(w);
}

/* ---- variables ---------------------------------------------------------------------- */

/* The name a `$x` of env denotes: private inside a macro expansion. */
static const char *var_name(W *w, Env *env, const char *name) {
  if (!env || !env->macro || env->own_locals)
    return name;
  size_t n = strlen(name) + 32;
  char *s = alloc(w, n);
  snprintf(s, n, "__macro%u_%s", env->id, name);
  return s;
}

static int find_local(FnCtx *f, const char *name);
static bool is_private(const char *name);
static bool is_cell(FnCtx *f, int i);

/* var_name of a variable the program names at line:col. In pyllc.asm() code it must be
 * a variable of the Python function (or a macro's private one): reported otherwise. */
static const char *user_var(W *w, Env *env, const char *name, int line, int col) {
  const char *v = var_name(w, env, name);
  if (w->inl && !is_private(v) && find_local(w->f, v) < 0) {
    pyasm_error(w->cx, line, col,
                "'%s' is not a variable of the function (pyllc.asm() code uses the "
                "variables of the function it is in)", v);
  }
  return v;
}

static int find_local(FnCtx *f, const char *name) {
  uint32_t i = strmap_find(&f->local_map, f->locals, name);
  return i == UINT32_MAX ? -1 : (int)i;
}

static int add_local(W *w, FnCtx *f, const char *name, uint8_t kind) {
  int i = find_local(f, name);
  if (f->splice) { /* the code object's variables are all there is: only a dry run (see
                      splice_dry_run) goes on, with the variable added */
    if (i < 0)
      w->cant = "it needs a variable the function does not have (a macro's own)";
    else if (kind == IR_LOCAL_CELL && !is_cell(f, i))
      w->cant = "it needs a variable to be a cell (CALL PARTIAL with ?arguments)";
  }
  if (i >= 0) {
    if (kind == IR_LOCAL_CELL && !(f->kinds[i] & IR_LOCAL_FREE))
      f->kinds[i] |= IR_LOCAL_CELL;
    return i;
  }
  if (f->nlocals == f->caplocals) {
    f->caplocals = f->caplocals ? f->caplocals * 2 : 16;
    f->locals = realloc(f->locals, sizeof(char *) * f->caplocals);
    f->kinds = realloc(f->kinds, f->caplocals);
    if (!f->locals || !f->kinds)
      PYLLC_DIE("out of memory");
  }
  f->locals[f->nlocals] = ir_strdup(f->fn->arena, name, strlen(name));
  f->kinds[f->nlocals] = kind;
  strmap_add(&f->local_map, f->locals, f->nlocals);
  return (int)f->nlocals++;
}

static bool is_global_here(FnCtx *f, const char *name) {
  for (uint32_t i = 0; i < f->ngnames; i++)
    if (!strcmp(f->gnames[i], name))
      return true;
  return false;
}

static bool is_cell(FnCtx *f, int i) {
  return i >= 0 && (f->kinds[i] & (IR_LOCAL_CELL | IR_LOCAL_FREE));
}

/* Pushes the value of variable `name` (already made private if need be). */
/* A macro expansion's private variable (var_name's "__macroN_x"): at module and class
 * level it is a fast local of the body's frame, not a name in its namespace. */
static bool is_private(const char *name) {
  return !strncmp(name, "__macro", 7) && name[7] >= '0' && name[7] <= '9';
}

static void load_var(W *w, const char *name) {
  FnCtx *f = w->f;
  switch (f->kind) {
  case FK_MODULE:
  case FK_CLASS:
    if (is_private(name)) {
      int i = find_local(f, name);
      push(w, emit0(w, IR_LOAD_LOCAL, i >= 0 ? i : add_local(w, f, name, IR_LOCAL_PLAIN)));
      return;
    }
    push(w, emit0(w, IR_LOAD_NAME, name_index(w, name)));
    return;
  case FK_FUNC: {
    if (is_global_here(f, name)) {
      push(w, emit0(w, IR_LOAD_GLOBAL, name_index(w, name)));
      return;
    }
    int i = find_local(f, name);
    if (i < 0)
      i = add_local(w, f, name, IR_LOCAL_PLAIN);
    push(w, emit0(w, is_cell(f, i) ? IR_LOAD_DEREF : IR_LOAD_LOCAL, i));
    return;
  }
  }
}

/* Pops TOS into variable `name`. */
static void store_var(W *w, const char *name) {
  FnCtx *f = w->f;
  if (f->kind != FK_FUNC && is_private(name)) {
    int i = find_local(f, name);
    apply(w, IR_STORE_LOCAL, 1, i >= 0 ? i : add_local(w, f, name, IR_LOCAL_PLAIN), 0);
    return;
  }
  if (f->kind != FK_FUNC) {
    apply(w, IR_STORE_NAME, 1, name_index(w, name), 0);
    return;
  }
  if (is_global_here(f, name)) {
    apply(w, IR_STORE_GLOBAL, 1, name_index(w, name), 0);
    return;
  }
  int i = find_local(f, name);
  if (i < 0)
    i = add_local(w, f, name, IR_LOCAL_PLAIN);
  apply(w, is_cell(f, i) ? IR_STORE_DEREF : IR_STORE_LOCAL, 1, i, 0);
}

/* ---- macro arguments ---------------------------------------------------------------- */

static int param_index(Env *env, const char *name) {
  const PyasmStmt *d = env->macro->def;
  for (uint32_t i = 0; i < d->nparams; i++)
    if (!strcmp(d->params[i].name, name))
      return (int)i;
  return -1;
}

/* The argument `&name` stands for: *out_env receives the env to evaluate it in and *pi
 * the parameter's index (a VARIABLE_ARG parameter stands for the arguments from *pi on).
 * NULL, reported, when there is no such parameter or argument. */
static const PyasmArg *resolve_param(W *w, Env *env, const PyasmExpr *e, Env **out_env,
                                     int *pi) {
  if (!env || !env->macro) {
    ERR(w, e, "'&%s' outside a macro", e->name);
    return NULL;
  }
  int i = param_index(env, e->name);
  if (i < 0) {
    ERR(w, e, "macro '%s' has no parameter '%s'", env->macro->full, e->name);
    return NULL;
  }
  *pi = i;
  *out_env = env->arg_envs[i < (int)env->nargs ? i : 0];
  return i < (int)env->nargs ? &env->args[i] : NULL;
}

static bool static_value(W *w, Env *env, const PyasmExpr *e, PyasmVal *out, int depth);

static bool static_op(W *w, Env *env, const PyasmOp *op, PyasmVal *out, int depth) {
  PyasmVal a, b;
  switch (op->form) {
  case PA_OPF_VALUE: return static_value(w, env, op->lhs, out, depth + 1);
  case PA_OPF_UNARY:
    return static_value(w, env, op->lhs, &a, depth + 1) && pyasm_fold_unary(op->op, &a, out);
  case PA_OPF_BINARY:
    return static_value(w, env, op->lhs, &a, depth + 1) &&
           static_value(w, env, op->rhs, &b, depth + 1) &&
           pyasm_fold_binary(w->cx->arena, op->op, &a, &b, out);
  default: return false;
  }
}

/* The value of @!name or of a .!name chain (on ~name or @!name) at compile time, from
 * the embedder (PyasmOptions.resolve), when it is a constant. */
static bool resolve_static(W *w, const PyasmExpr *e, PyasmVal *out) {
  const PyasmOptions *o = w->cx->opts;
  if (!o || !o->resolve)
    return false;
  const char *attrs[PYASM_MAX_NESTING];
  uint32_t n = 0;
  const PyasmExpr *root = e;
  for (; root->kind == PA_E_ATTR_STATIC; root = root->a)
    if (n == PYASM_MAX_NESTING)
      return false;
    else
      attrs[n++] = root->name;
  if (root->kind != PA_E_GLOBAL_STATIC && root->kind != PA_E_BUILTIN)
    return false;
  if (root->kind == PA_E_BUILTIN && !strcmp(root->name, "PY_VERSION"))
    return false;
  for (uint32_t i = 0; i < n / 2; i++) { /* outermost first */
    const char *t = attrs[i];
    attrs[i] = attrs[n - 1 - i];
    attrs[n - 1 - i] = t;
  }
  IrConst c = {0};
  if (o->resolve(o->resolve_data, root->kind == PA_E_BUILTIN ? '~' : '@', root->name, attrs,
                 n, &c) != 1)
    return false;
  memset(out, 0, sizeof *out);
  switch (c.kind) {
  case IR_C_NONE: out->kind = PA_V_NONE_; break;
  case IR_C_TRUE: out->kind = PA_V_TRUE; break;
  case IR_C_FALSE: out->kind = PA_V_FALSE; break;
  case IR_C_FLOAT: out->kind = PA_V_FLOAT; out->f = c.u.f; break;
  case IR_C_INT:
    out->kind = c.big ? PA_V_BIGINT : PA_V_INT;
    out->i = c.big ? 0 : c.u.i;
    break;
  case IR_C_STR: out->kind = PA_V_STR; break;
  case IR_C_BYTES: out->kind = PA_V_BYTES; break;
  default:
    free((char *)c.u.str);
    return false;
  }
  if (c.kind == IR_C_STR || c.kind == IR_C_BYTES || (c.kind == IR_C_INT && c.big)) {
    out->s = pyasm_strndup(w->cx, c.u.str, c.n);
    out->slen = c.n;
    free((char *)c.u.str);
  }
  return true;
}

/* The compile-time value of e, when it has one. Reports nothing. */
static bool static_value(W *w, Env *env, const PyasmExpr *e, PyasmVal *out, int depth) {
  if (depth > PYASM_MAX_NESTING)
    return false;
  if (pyasm_literal_val(e, out))
    return true;
  switch (e->kind) {
  case PA_E_OP: return static_op(w, env, e->op, out, depth);
  case PA_E_BUILTIN:
    if (!strcmp(e->name, "PY_VERSION")) {
      memset(out, 0, sizeof *out);
      out->kind = PA_V_INT;
      out->i = 311;
      return true;
    }
    return false;
  case PA_E_GLOBAL_STATIC:
  case PA_E_ATTR_STATIC:
    return resolve_static(w, e, out);
  case PA_E_PARAM: {
    if (!env || !env->macro || param_index(env, e->name) < 0)
      return false;
    int i = param_index(env, e->name);
    if (i >= (int)env->nargs || env->macro->def->params[i].mtype == PA_MT_VARIABLE_ARG)
      return false;
    return static_value(w, env->arg_envs[i], env->args[i].value, out, depth + 1);
  }
  default: return false;
  }
}

/* ---- expressions -------------------------------------------------------------------- */

static PyasmExpr *synth(W *w, PyasmExprKind kind, const PyasmExpr *at) {
  PyasmExpr *e = alloc(w, sizeof *e);
  e->kind = (uint8_t)kind;
  e->line = at->line;
  e->col = at->col;
  return e;
}

/* builtins.<name>: an exact builtin, whatever the module's globals hold. */
/* builtins.<name>. The builtins module is imported once per call of the function, at
 * its entry, into a hidden fast local (see init_builtins); each use loads from there. */
static void push_builtin(W *w, const char *name) {
  FnCtx *f = w->f;
  if (f->splice) { /* no hidden local there: __import__('builtins') at each use */
    IrConst none = {.kind = IR_C_NONE}, zero = {.kind = IR_C_INT};
    push(w, emit0(w, IR_CONST, add_const(w, zero)));
    push(w, emit0(w, IR_CONST, add_const(w, none)));
    apply(w, IR_IMPORT_NAME, 2, name_index(w, "builtins"), 0);
    apply(w, IR_LOAD_ATTR, 1, name_index(w, name), 0);
    return;
  }
  if (f->builtins_slot < 0)
    f->builtins_slot = add_local(w, f, "__pyasm_builtins", IR_LOCAL_PLAIN);
  push(w, emit0(w, IR_LOAD_LOCAL, f->builtins_slot));
  apply(w, IR_LOAD_ATTR, 1, name_index(w, name), 0);
}

/* Right after the entry's `resume`: __pyasm_builtins := __import__('builtins'). */
static void init_builtins(W *w, FnCtx *f) {
  IrFunc *fn = f->fn;
  IrBlockId b0 = f->body;
  IrBlock *bb = &fn->blocks[b0];
  uint32_t pos = 0;
  while (pos < bb->ninstrs && fn->instrs[bb->instrs[pos]].op != IR_RESUME)
    pos++;
  pos = pos < bb->ninstrs ? pos + 1 : 0;
  IrConst none = {.kind = IR_C_NONE}, zero = {.kind = IR_C_INT};
  IrRef n = ir_insert(fn, b0, pos++, IR_CONST, NULL, 0);
  fn->instrs[n].imm[0] = add_const(w, none);
  IrRef z = ir_insert(fn, b0, pos++, IR_CONST, NULL, 0);
  fn->instrs[z].imm[0] = add_const(w, zero);
  IrRef args[2] = {z, n}; /* level, fromlist */
  IrRef m = ir_insert(fn, b0, pos++, IR_IMPORT_NAME, args, 2);
  fn->instrs[m].imm[0] = name_index(w, "builtins");
  IrRef stack[2] = {n, z};
  add_pending(f, m, stack, 2, w);
  IrRef d1 = ir_insert(fn, b0, pos++, IR_DECREF, &z, 1);
  IrRef d2 = ir_insert(fn, b0, pos++, IR_DECREF, &n, 1);
  IrRef st = ir_insert(fn, b0, pos++, IR_STORE_LOCAL, &m, 1);
  fn->instrs[st].imm[0] = f->builtins_slot;
  IrRef all[6] = {n, z, m, d1, d2, st};
  for (int i = 0; i < 6; i++)
    fn->instrs[all[i]].line = fn->firstlineno > 0 ? fn->firstlineno : 1;
}

static const char *const py_builtins[] = {
    "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray",
    "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits",
    "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter",
    "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex",
    "id", "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list",
    "locals", "map", "max", "memoryview", "min", "next", "object", "open", "ord", "pow",
    "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr",
    "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
    "__build_class__", "__import__", "__debug__", "Ellipsis", "NotImplemented",
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
    "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError",
    "BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
    "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError",
    "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup",
    "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
    "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError",
    "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt",
    "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError",
    "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning",
    "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError",
    "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration",
    "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
    "TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning",
    "UserWarning", "ValueError", "Warning", "ZeroDivisionError",
};

static bool is_py_builtin(const char *name) {
  for (size_t i = 0; i < sizeof py_builtins / sizeof *py_builtins; i++)
    if (!strcmp(py_builtins[i], name))
      return true;
  return false;
}

/* ~name: a builtin, else the module `name` imported. */
static void gen_builtin(W *w, const PyasmExpr *e) {
  if (!strcmp(e->name, "PY_VERSION")) {
    PyasmVal v = {.kind = PA_V_INT, .i = 311};
    push_val(w, &v);
    return;
  }
  if (is_py_builtin(e->name)) {
    push_builtin(w, e->name);
    return;
  }
  push_none(w);
  PyasmVal zero = {.kind = PA_V_INT, .i = 0};
  push_val(w, &zero);
  FnCtx *f = w->f;
  IrRef args[2] = {f->stack[f->sp - 1], f->stack[f->sp - 2]};
  IrRef mod = emit(w, IR_IMPORT_NAME, args, 2);
  f->fn->instrs[mod].imm[0] = name_index(w, e->name);
  pop(w);
  pop(w);
  release(w, args[0]);
  release(w, args[1]);
  push(w, mod);
}

/* Moves the stack entries [from, sp) so that entry `from + order[i]` goes to slot
 * `from + i` (the values are SSA names: this costs nothing at run time). */
static void permute(W *w, uint32_t from, const uint32_t *order, uint32_t n) {
  IrRef *tmp = alloc(w, sizeof(IrRef) * (n ? n : 1));
  for (uint32_t i = 0; i < n; i++)
    tmp[i] = w->f->stack[from + order[i]];
  memcpy(w->f->stack + from, tmp, sizeof(IrRef) * n);
}

/* Emits `op` on the top n entries, then pops and releases all but the first of them,
 * which stays (list_extend, map_add and the like). */
static void apply_keep(W *w, IrOp op, uint32_t n) {
  FnCtx *f = w->f;
  IrRef *args = alloc(w, sizeof(IrRef) * n);
  memcpy(args, f->stack + f->sp - n, sizeof(IrRef) * n);
  emit(w, op, args, n);
  f->sp -= n - 1;
  for (uint32_t i = 1; i < n; i++)
    if (!((ir_op_info[op].flags & IRF_STEAL_LAST) && i == n - 1))
      release(w, args[i]);
}

/* The arguments of a call, then the call. On the stack already: NULL, the callee and
 * `npre` leading positional arguments. Pushes the result. */
static void gen_call_args(W *w, Env *env, const PyasmArg *cargs, uint32_t nargs,
                          uint32_t npre) {
  FnCtx *f = w->f;
  bool ex = false;
  for (uint32_t i = 0; i < nargs; i++)
    if (cargs[i].kind == PA_ARG_STAR || cargs[i].kind == PA_ARG_DSTAR)
      ex = true;
  if (!ex) {
    uint32_t base = f->sp, nkw = 0;
    for (uint32_t i = 0; i < nargs; i++) {
      gen_expr(w, env, cargs[i].value);
      nkw += cargs[i].kind == PA_ARG_KW;
    }
    int64_t kwconst = -1;
    if (nkw) {
      /* positional first, in their order; then the keywords, in theirs */
      uint32_t *order = alloc(w, sizeof(uint32_t) * nargs);
      uint32_t *items = alloc(w, sizeof(uint32_t) * nkw);
      uint32_t k = 0, kk = 0;
      for (uint32_t i = 0; i < nargs; i++)
        if (cargs[i].kind != PA_ARG_KW)
          order[k++] = i;
      for (uint32_t i = 0; i < nargs; i++) {
        if (cargs[i].kind != PA_ARG_KW)
          continue;
        order[k++] = i;
        for (uint32_t j = 0; j < i; j++)
          if (cargs[j].kind == PA_ARG_KW && !strcmp(cargs[j].name, cargs[i].name))
            ERR(w, cargs[i].value, "keyword argument '%s' repeated", cargs[i].name);
        IrConst c = {.kind = IR_C_STR, .u.str = cargs[i].name,
                     .n = (uint32_t)strlen(cargs[i].name)};
        items[kk++] = add_const(w, c);
      }
      permute(w, base, order, nargs);
      IrConst t = {.kind = IR_C_TUPLE, .n = nkw, .u.items = items, .src_index = -1};
      kwconst = ir_add_const(f->fn, t);
    }
    apply(w, IR_CALL, 2 + npre + nargs, kwconst, 0);
    return;
  }
  /* f(*a, b, **k): a list of the positional ones made a tuple, a dict of the keywords */
  IrRef callee = f->stack[f->sp - 1 - npre];
  apply(w, IR_BUILD_LIST, npre, 0, 0);
  for (uint32_t i = 0; i < nargs; i++) {
    if (cargs[i].kind == PA_ARG_POS) {
      gen_expr(w, env, cargs[i].value);
      apply_keep(w, IR_LIST_APPEND, 2);
    } else if (cargs[i].kind == PA_ARG_STAR) {
      gen_expr(w, env, cargs[i].value);
      apply_keep(w, IR_LIST_EXTEND, 2);
    }
  }
  apply(w, IR_LIST_TO_TUPLE, 1, 0, 0);
  bool kw = false;
  for (uint32_t i = 0; i < nargs; i++) {
    if (cargs[i].kind != PA_ARG_KW && cargs[i].kind != PA_ARG_DSTAR)
      continue;
    if (!kw)
      apply(w, IR_BUILD_MAP, 0, 0, 0);
    kw = true;
    if (cargs[i].kind == PA_ARG_KW) {
      push_str(w, cargs[i].name, strlen(cargs[i].name));
      gen_expr(w, env, cargs[i].value);
      apply_keep(w, IR_MAP_ADD, 3);
    } else {
      /* dict_merge %f, %d, %m: the callee names itself in the error */
      gen_expr(w, env, cargs[i].value);
      IrRef args[3] = {callee, f->stack[f->sp - 2], f->stack[f->sp - 1]};
      emit(w, IR_DICT_MERGE, args, 3);
      release(w, pop(w));
    }
  }
  if (!kw)
    push_null(w);
  /* stack: NULL, f, args, kw -> call_ex f, args, kw; then drop the NULL */
  IrRef r = apply(w, IR_CALL_EX, 3, 0, 0);
  pop(w);
  pop(w); /* the NULL */
  push(w, r);
}

static void gen_op(W *w, Env *env, const PyasmOp *op, const PyasmExpr *at);

/* Evaluates e and pushes its value (one new reference). */
static void gen_expr(W *w, Env *env, PyasmExpr *e) {
  if (++w->depth > PYASM_MAX_NESTING * 4) {
    ERR(w, e, "expression nested too deeply");
    push_none(w);
    w->depth--;
    return;
  }
  FnCtx *f = w->f;
  PyasmVal v;
  switch (e->kind) {
  case PA_E_INT: case PA_E_FLOAT: case PA_E_STR: case PA_E_BYTES: case PA_E_NONE:
  case PA_E_TRUE: case PA_E_FALSE:
    pyasm_literal_val(e, &v);
    push_val(w, &v);
    break;
  case PA_E_LOCAL:
    load_var(w, user_var(w, env, e->name, e->line, e->col));
    break;
  case PA_E_CALLER:
    if (!env || !env->macro) {
      ERR(w, e, "'$:%s' outside a macro", e->name);
      push_none(w);
      break;
    }
    load_var(w, user_var(w, env->caller, e->name, e->line, e->col));
    break;
  case PA_E_GLOBAL:
  case PA_E_GLOBAL_STATIC:
    if (e->kind == PA_E_GLOBAL_STATIC && resolve_static(w, e, &v)) {
      push_val(w, &v); /* its value at compile time */
      break;
    }
    push(w, emit0(w, IR_LOAD_GLOBAL, name_index(w, e->name)));
    break;
  case PA_E_CELL: {
    user_var(w, NULL, e->name, e->line, e->col);
    if (f->kind != FK_FUNC && !(f->kind == FK_CLASS && find_local(f, e->name) >= 0)) {
      ERR(w, e, "'\xc2\xa7%s': cell variables exist only inside DEF (and CLASS <%s>)",
          e->name, e->name);
      push_none(w);
      break;
    }
    int i = add_local(w, f, e->name, find_local(f, e->name) >= 0 ? 0 : IR_LOCAL_CELL);
    if (!is_cell(f, i))
      f->kinds[i] |= IR_LOCAL_CELL;
    push(w, emit0(w, IR_LOAD_DEREF, i));
    break;
  }
  case PA_E_PARAM: {
    Env *aenv = NULL;
    int pi = -1;
    const PyasmArg *a = resolve_param(w, env, e, &aenv, &pi);
    const PyasmParam *pa = env && env->macro && pi >= 0 ? &env->macro->def->params[pi] : NULL;
    if (pa && pa->mtype == PA_MT_VARIABLE_ARG) {
      uint32_t n = 0;
      for (uint32_t i = (uint32_t)pi; i < env->nargs; i++, n++)
        gen_expr(w, env->arg_envs[i], env->args[i].value);
      apply(w, IR_BUILD_TUPLE, n, 0, 0);
      break;
    }
    if (!a) {
      if (pa)
        ERR(w, e, "no argument for '&%s'", e->name);
      push_none(w);
      break;
    }
    if (env->eager[pi]) {
      load_var(w, env->eager[pi]);
      break;
    }
    if (a->value->kind == PA_E_BLOCK) {
      ERR(w, e, "'&%s' is a code block: paste it with MACRO_PASTE", e->name);
      push_none(w);
      break;
    }
    gen_expr(w, aenv, a->value);
    break;
  }
  case PA_E_BUILTIN:
    gen_builtin(w, e);
    break;
  case PA_E_TOS:
    if (e->has_n) {
      if ((uint64_t)e->ival >= f->vis - f->floor) {
        ERR(w, e, "stack underflow: '%%%lld' needs %lld value%s on the stack, there %s %u",
            (long long)e->ival, (long long)e->ival + 1, e->ival ? "s" : "",
            f->vis - f->floor == 1 ? "is" : "are", f->vis - f->floor);
        push_none(w);
        break;
      }
      IrRef x = f->stack[f->vis - 1 - (uint32_t)e->ival];
      emit(w, IR_INCREF, &x, 1);
      push(w, x);
    } else {
      if (f->vis <= f->floor) {
        ERR(w, e, "stack underflow: '%%' on an empty stack");
        push_none(w);
        break;
      }
      /* move the visible top above the temporaries */
      uint32_t at = f->vis - 1;
      IrRef x = f->stack[at];
      memmove(f->stack + at, f->stack + at + 1, sizeof(IrRef) * (f->sp - at - 1));
      f->stack[f->sp - 1] = x;
      f->vis--;
    }
    break;
  case PA_E_DISCARD:
    ERR(w, e, "'\\' (discard) can only be a target");
    push_none(w);
    break;
  case PA_E_OP:
    gen_op(w, env, e->op, e);
    break;
  case PA_E_ATTR:
  case PA_E_ATTR_STATIC:
    if (e->kind == PA_E_ATTR_STATIC) {
      const PyasmExpr *root = e->a;
      while (root->kind == PA_E_ATTR_STATIC)
        root = root->a;
      if (root->kind != PA_E_BUILTIN && root->kind != PA_E_GLOBAL_STATIC)
        ERR(w, e, "'.!%s' needs a static root (~name or @!name)", e->name);
      else if (resolve_static(w, e, &v)) {
        push_val(w, &v); /* its value at compile time */
        break;
      }
    }
    gen_expr(w, env, e->a);
    apply(w, IR_LOAD_ATTR, 1, name_index(w, e->name), 0);
    break;
  case PA_E_ATTR_DYN: {
    PyasmExpr *call = synth(w, PA_E_CALL, e), *fn = synth(w, PA_E_BUILTIN, e);
    fn->name = "getattr";
    call->a = fn;
    call->nargs = 2;
    call->args = alloc(w, sizeof(PyasmArg) * 2);
    call->args[0].value = e->a;
    call->args[1].value = e->b;
    gen_expr(w, env, call);
    break;
  }
  case PA_E_SUBSCR:
    gen_expr(w, env, e->a);
    gen_expr(w, env, e->b);
    apply(w, IR_BINARY_SUBSCR, 2, 0, 0);
    break;
  case PA_E_CALL:
    if (e->a->kind == PA_E_MACRO_NAME) {
      ERR(w, e, "a macro call is not an expression: use CALL MACRO %s(...)", e->a->name);
      push_none(w);
      break;
    }
    push_null(w);
    gen_expr(w, env, e->a);
    gen_call_args(w, env, e->args, e->nargs, 0);
    break;
  case PA_E_LATE:
    ERR(w, e, "'?' marks arguments of CALL PARTIAL only");
    push_none(w);
    break;
  case PA_E_BLOCK:
    ERR(w, e, "a code block is not a value");
    push_none(w);
    break;
  case PA_E_MACRO_NAME:
    ERR(w, e, "'%s' is not a value", e->name);
    push_none(w);
    break;
  }
  w->depth--;
}

/* ---- OP ----------------------------------------------------------------------------- */

/* Pushes the boxed bool `b`. */
static void push_bool(W *w, IrRef b) { push(w, emit(w, IR_BOX_BOOL, &b, 1)); }

/* Pops TOS, pushes its truth as a bool object (negated if asked). */
static IrRef top_truth(W *w, bool negate) {
  IrRef v = top(w);
  IrRef b = emit(w, IR_TRUTH, &v, 1);
  pop(w);
  release(w, v);
  if (negate)
    b = emit(w, IR_NOT, &b, 1);
  return b;
}

static void push_static_bool(W *w, bool b) {
  PyasmVal v = {.kind = b ? PA_V_TRUE : PA_V_FALSE};
  push_val(w, &v);
}

/* a and b / a or b (short-circuit), nand/nor: the result is a bool. */
static void gen_logic(W *w, Env *env, const PyasmOp *op) {
  bool is_and = op->op == PA_OP_LAND || op->op == PA_OP_NAND;
  bool negate = op->op == PA_OP_NAND || op->op == PA_OP_NOR;
  Join *done = new_join(w), *rhs = new_join(w), *shortc = new_join(w);
  gen_expr(w, env, op->lhs);
  IrRef b = top_truth(w, false);
  if (is_and)
    branch(w, b, rhs, shortc, op->line, op->col);
  else
    branch(w, b, shortc, rhs, op->line, op->col);
  uint32_t vis = w->f->vis;
  enter_join(w, shortc);
  w->f->vis = vis;
  push_static_bool(w, is_and ? negate : !negate);
  jump_to(w, done, op->line, op->col);
  enter_join(w, rhs);
  w->f->vis = vis;
  gen_expr(w, env, op->rhs);
  push_bool(w, top_truth(w, negate));
  jump_to(w, done, op->line, op->col);
  enter_join(w, done);
  w->f->vis = vis;
}

/* andeval/oreval/xor/xnor: both sides evaluated, then combined. */
static void gen_eager_logic(W *w, Env *env, const PyasmOp *op) {
  gen_expr(w, env, op->lhs);
  gen_expr(w, env, op->rhs);
  IrRef b2 = top_truth(w, false);
  IrRef b1 = top_truth(w, false);
  if (op->op == PA_OP_LXOR || op->op == PA_OP_LXNOR) {
    /* True and False are singletons: equal bools box to the same object */
    push_bool(w, b1);
    push_bool(w, b2);
    FnCtx *f = w->f;
    IrRef args[2] = {f->stack[f->sp - 2], f->stack[f->sp - 1]};
    IrRef r = emit(w, IR_IS, args, 2);
    pop(w);
    pop(w);
    release(w, args[1]);
    release(w, args[0]);
    if (op->op == PA_OP_LXOR)
      r = emit(w, IR_NOT, &r, 1);
    push_bool(w, r);
    return;
  }
  /* and: b1 ? b2 : False;  or: b1 ? True : b2 */
  bool is_and = op->op == PA_OP_ANDEVAL;
  Join *done = new_join(w), *t = new_join(w), *fj = new_join(w);
  uint32_t vis = w->f->vis;
  branch(w, b1, t, fj, op->line, op->col);
  enter_join(w, t);
  w->f->vis = vis;
  if (is_and)
    push_bool(w, b2);
  else
    push_static_bool(w, true);
  jump_to(w, done, op->line, op->col);
  enter_join(w, fj);
  w->f->vis = vis;
  if (is_and)
    push_static_bool(w, false);
  else
    push_bool(w, b2);
  jump_to(w, done, op->line, op->col);
  enter_join(w, done);
  w->f->vis = vis;
}

/* A call of a builtin with the given operands. */
static void gen_builtin_call(W *w, Env *env, const char *name, PyasmExpr **items, uint32_t n,
                             const PyasmExpr *at) {
  PyasmExpr *call = synth(w, PA_E_CALL, at), *fn = synth(w, PA_E_BUILTIN, at);
  fn->name = name;
  call->a = fn;
  call->nargs = n;
  call->args = alloc(w, sizeof(PyasmArg) * (n ? n : 1));
  for (uint32_t i = 0; i < n; i++)
    call->args[i].value = items[i];
  gen_expr(w, env, call);
}

static void gen_op(W *w, Env *env, const PyasmOp *op, const PyasmExpr *at) {
  PyasmVal v;
  if (op->form != PA_OPF_VALUE && static_op(w, env, op, &v, 0)) {
    push_val(w, &v); /* folded */
    return;
  }
  switch (op->form) {
  case PA_OPF_VALUE:
    gen_expr(w, env, op->lhs);
    return;
  case PA_OPF_UNARY:
    gen_expr(w, env, op->lhs);
    switch (op->op) {
    case PA_OP_NEG: apply(w, IR_UNARY_NEG, 1, 0, 0); return;
    case PA_OP_POS: apply(w, IR_UNARY_POS, 1, 0, 0); return;
    case PA_OP_INVERT: apply(w, IR_UNARY_INVERT, 1, 0, 0); return;
    default: push_bool(w, top_truth(w, true)); return;
    }
  case PA_OPF_PREFIX: {
    uint32_t n = op->nitems;
    switch (op->op) {
    case PA_OP_TUPLE: case PA_OP_LIST: case PA_OP_SET: case PA_OP_DICT:
      if (op->op == PA_OP_DICT && n % 2) {
        pyasm_error(w->cx, op->line, op->col, "dict takes key, value pairs (%u operands)", n);
        push_none(w);
        return;
      }
      for (uint32_t i = 0; i < n; i++)
        gen_expr(w, env, op->items[i]);
      apply(w, op->op == PA_OP_TUPLE ? IR_BUILD_TUPLE : op->op == PA_OP_LIST ? IR_BUILD_LIST
               : op->op == PA_OP_SET ? IR_BUILD_SET : IR_BUILD_MAP, n, 0, 0);
      return;
    default: {
      bool mul = op->op == PA_OP_PROD;
      if (n == 0 && (op->op == PA_OP_AVG || op->op == PA_OP_AVGI)) {
        pyasm_error(w->cx, op->line, op->col, "%s of no operands", pyasm_op_text[op->op]);
        push_none(w);
        return;
      }
      if (n == 0) {
        PyasmVal id = {.kind = PA_V_INT, .i = mul ? 1 : 0};
        push_val(w, &id);
        return;
      }
      gen_expr(w, env, op->items[0]);
      for (uint32_t i = 1; i < n; i++) {
        gen_expr(w, env, op->items[i]);
        apply(w, IR_BINARY_OP, 2, pyasm_op_arg[mul ? PA_OP_MUL : PA_OP_ADD], 0);
      }
      if (op->op == PA_OP_AVG || op->op == PA_OP_AVGI) {
        PyasmVal cnt = {.kind = PA_V_INT, .i = n};
        push_val(w, &cnt);
        apply(w, IR_BINARY_OP, 2,
              pyasm_op_arg[op->op == PA_OP_AVG ? PA_OP_TRUEDIV : PA_OP_FLOORDIV], 0);
      }
      return;
    }
    }
  }
  case PA_OPF_BINARY:
    break;
  }
  switch (op->op) {
  case PA_OP_LAND: case PA_OP_LOR: case PA_OP_NAND: case PA_OP_NOR:
    gen_logic(w, env, op);
    return;
  case PA_OP_ANDEVAL: case PA_OP_OREVAL: case PA_OP_LXOR: case PA_OP_LXNOR:
    gen_eager_logic(w, env, op);
    return;
  case PA_OP_WALRUS: case PA_OP_RWALRUS: {
    PyasmExpr *src = op->op == PA_OP_WALRUS ? op->rhs : op->lhs;
    PyasmExpr *dst = op->op == PA_OP_WALRUS ? op->lhs : op->rhs;
    gen_expr(w, env, src);
    IrRef x = top(w);
    emit(w, IR_INCREF, &x, 1);
    push(w, x);
    store_top(w, env, dst);
    return;
  }
  case PA_OP_ISINSTANCE: case PA_OP_ISSUBCLASS: case PA_OP_HASATTR: case PA_OP_GETATTR: {
    PyasmExpr *items[2] = {op->lhs, op->rhs};
    gen_builtin_call(w, env, pyasm_op_text[op->op], items, 2, at);
    return;
  }
  default:
    break;
  }
  gen_expr(w, env, op->lhs);
  gen_expr(w, env, op->rhs);
  switch (op->op) {
  case PA_OP_LT: case PA_OP_LE: case PA_OP_EQ: case PA_OP_NE: case PA_OP_GT: case PA_OP_GE:
    apply(w, IR_COMPARE_OP, 2, pyasm_op_arg[op->op], 0);
    return;
  case PA_OP_IS: case PA_OP_ISNOT: {
    FnCtx *f = w->f;
    IrRef args[2] = {f->stack[f->sp - 2], f->stack[f->sp - 1]};
    IrRef r = emit(w, IR_IS, args, 2);
    pop(w);
    pop(w);
    release(w, args[0]);
    release(w, args[1]);
    if (op->op == PA_OP_ISNOT)
      r = emit(w, IR_NOT, &r, 1);
    push_bool(w, r);
    return;
  }
  case PA_OP_IN: case PA_OP_NOTIN: {
    IrRef r = apply(w, IR_CONTAINS, 2, 0, 0);
    if (op->op == PA_OP_NOTIN)
      r = emit(w, IR_NOT, &r, 1);
    push_bool(w, r);
    return;
  }
  default:
    apply(w, IR_BINARY_OP, 2, pyasm_op_arg[op->op], 0);
    return;
  }
}

/* ---- targets ------------------------------------------------------------------------ */

static const char *what_is(const PyasmExpr *t) {
  switch (t->kind) {
  case PA_E_INT: case PA_E_FLOAT: case PA_E_STR: case PA_E_BYTES: case PA_E_NONE:
  case PA_E_TRUE: case PA_E_FALSE: return "a literal";
  case PA_E_OP: return "an OP expression";
  case PA_E_CALL: return "a call";
  case PA_E_BUILTIN: return "a builtin (~name)";
  case PA_E_GLOBAL_STATIC: return "a static global (@!name)";
  case PA_E_ATTR_STATIC: return "a static attribute (.!name)";
  case PA_E_BLOCK: return "a code block";
  default: return "this expression";
  }
}

/* Pops TOS into target t. */
static void store_top(W *w, Env *env, PyasmExpr *t) {
  FnCtx *f = w->f;
  switch (t->kind) {
  case PA_E_LOCAL:
    store_var(w, user_var(w, env, t->name, t->line, t->col));
    return;
  case PA_E_CALLER:
    if (!env || !env->macro) {
      ERR(w, t, "'$:%s' outside a macro", t->name);
      release(w, pop(w));
      return;
    }
    store_var(w, user_var(w, env->caller, t->name, t->line, t->col));
    return;
  case PA_E_GLOBAL:
    apply(w, IR_STORE_GLOBAL, 1, name_index(w, t->name), 0);
    return;
  case PA_E_CELL: {
    user_var(w, NULL, t->name, t->line, t->col);
    if (f->kind != FK_FUNC && !(f->kind == FK_CLASS && find_local(f, t->name) >= 0)) {
      ERR(w, t, "'\xc2\xa7%s': cell variables exist only inside DEF (and CLASS <%s>)",
          t->name, t->name);
      release(w, pop(w));
      return;
    }
    int i = add_local(w, f, t->name, find_local(f, t->name) >= 0 ? 0 : IR_LOCAL_CELL);
    if (!is_cell(f, i))
      f->kinds[i] |= IR_LOCAL_CELL;
    apply(w, IR_STORE_DEREF, 1, i, 0);
    return;
  }
  case PA_E_PARAM: {
    Env *aenv = NULL;
    int pi = -1;
    const PyasmArg *a = resolve_param(w, env, t, &aenv, &pi);
    if (!a) {
      release(w, pop(w));
      return;
    }
    if (env->macro->def->params[pi].mtype == PA_MT_VARIABLE_ARG) {
      ERR(w, t, "cannot store into the VARIABLE_ARG parameter '&%s'", t->name);
      release(w, pop(w));
      return;
    }
    if (env->eager[pi]) {
      store_var(w, env->eager[pi]);
      return;
    }
    store_top(w, aenv, a->value);
    return;
  }
  case PA_E_ATTR: {
    gen_expr(w, env, t->a);
    uint32_t order[2] = {1, 0}; /* store_attr %o, %v */
    permute(w, f->sp - 2, order, 2);
    apply(w, IR_STORE_ATTR, 2, name_index(w, t->name), 0);
    return;
  }
  case PA_E_SUBSCR: {
    gen_expr(w, env, t->a);
    gen_expr(w, env, t->b);
    /* stack: v, c, k -> store_subscr c, k, v */
    uint32_t order[3] = {1, 2, 0};
    permute(w, f->sp - 3, order, 3);
    apply(w, IR_STORE_SUBSCR, 3, 0, 0);
    return;
  }
  case PA_E_ATTR_DYN: {
    /* setattr(obj, name, value): NULL, setattr, v, obj, name -> reorder */
    uint32_t base = f->sp - 1;
    push_null(w);
    push_builtin(w, "setattr");
    gen_expr(w, env, t->a);
    gen_expr(w, env, t->b);
    uint32_t order[5] = {1, 2, 3, 4, 0}; /* v moves last */
    permute(w, base, order, 5);
    apply(w, IR_CALL, 5, -1, 0);
    release(w, pop(w));
    return;
  }
  case PA_E_DISCARD:
    release(w, pop(w));
    return;
  case PA_E_TOS:
    if (t->has_n) {
      ERR(w, t, "'%%%lld' is not a target (write '%%' to leave the value on the stack)",
          (long long)t->ival);
      release(w, pop(w));
      return;
    }
    f->vis = f->sp; /* stays on the stack */
    return;
  default:
    ERR(w, t, "cannot store into %s", what_is(t));
    release(w, pop(w));
    return;
  }
}

/* Target t or, without one, leave the value on the stack. */
static void store_or_keep(W *w, Env *env, PyasmExpr *t) {
  if (t)
    store_top(w, env, t);
  w->f->vis = w->f->sp;
}

/* ---- macros ------------------------------------------------------------------------- */

static bool contains_macro_return(PyasmStmt *list, int depth) {
  if (depth > PYASM_MAX_NESTING)
    return false;
  for (PyasmStmt *s = list; s; s = s->next) {
    if (s->kind == PA_S_MACRO_RETURN)
      return true;
    if ((s->kind == PA_S_IF || s->kind == PA_S_WHILE || s->kind == PA_S_FOREACH ||
         s->kind == PA_S_NAMESPACE) &&
        (contains_macro_return(s->body, depth + 1) ||
         contains_macro_return(s->orelse, depth + 1)))
      return true;
  }
  return false;
}

/* After an error inside a macro expansion: where the macro was used, outwards. */
static void expansion_notes(void *data) {
  W *w = data;
  PyasmCtx *cx = w->cx;
  const char *file = cx->filename;
  cx->on_error = NULL;
  int n = 0;
  for (Env *x = w->env; x && x->macro && n < 8; x = x->caller, n++) {
    cx->filename = x->file;
    pyasm_note(cx, x->line, x->col, "in the expansion of macro '%s' used here",
               x->macro->full);
  }
  cx->filename = file;
  cx->on_error = expansion_notes;
}

/* Macros that expand others several times can grow exponentially: the total number of
 * expansions is bounded, so that compile time and memory stay bounded too. */
static bool expansion_budget(W *w, const PyasmExpr *at) {
  if (++w->nexpansions <= PYASM_MAX_EXPANSIONS)
    return true;
  if (!w->too_big)
    ERR(w, at, "more than %d macro expansions: the program is too large", PYASM_MAX_EXPANSIONS);
  w->too_big = true;
  return false;
}

/* Expands macro call `call` (callee: the macro name) of statement s. Returns true when
 * a value was left on the stack (MACRO_RETURN). */
static bool expand_macro(W *w, Env *env, PyasmStmt *s, PyasmExpr *call) {
  PyasmCtx *cx = w->cx;
  /* resolve &p arguments to what they stand for, so that types can be matched */
  uint32_t n = call->nargs;
  PyasmArg *args = alloc(w, sizeof(PyasmArg) * (n ? n : 1));
  Env **envs = alloc(w, sizeof(Env *) * (n ? n : 1));
  for (uint32_t i = 0; i < n; i++) {
    args[i] = call->args[i];
    envs[i] = env;
    int guard = 0;
    while (args[i].value->kind == PA_E_PARAM && envs[i] && envs[i]->macro && guard++ < 256) {
      Env *e2 = NULL;
      int pi = -1;
      const PyasmArg *a = resolve_param(w, envs[i], args[i].value, &e2, &pi);
      if (!a || envs[i]->eager[pi] ||
          envs[i]->macro->def->params[pi].mtype == PA_MT_VARIABLE_ARG)
        break;
      args[i] = *a;
      envs[i] = e2;
    }
  }
  const char *ns = env ? env->ns : "";
  PyasmMacro *m = pyasm_find_macro(cx, w->tab, ns, call->a->name, args, n, call->line,
                                   call->col, true);
  if (!m)
    return false;
  if (s->kind == PA_S_MACRO_USE && !m->def->assembly) {
    ERR(w, call, "macro '%s' is not a MACRO ASSEMBLY: use CALL MACRO %s(...)", m->full,
        call->a->name);
    return false;
  }
  /* recursion: the macro already in the chain of callers */
  int chain = 0;
  for (Env *e = env; e && e->macro; e = e->caller, chain++) {
    if (e->macro != m)
      continue;
    cx->on_error = NULL;
    ERR(w, call, "recursive expansion of macro '%s'", m->full);
    cx->on_error = expansion_notes;
    const char *file = cx->filename;
    for (Env *x = env; x && x->macro; x = x->caller) {
      cx->filename = x->file;
      pyasm_note(cx, x->line, x->col, "in the expansion of macro '%s' used here",
                 x->macro->full);
      if (x == e)
        break;
    }
    cx->filename = file;
    return false;
  }
  if (!expansion_budget(w, call))
    return false;
  if (chain >= PYASM_MAX_EXPANSION_DEPTH || w->expansion_depth >= PYASM_MAX_EXPANSION_DEPTH) {
    ERR(w, call, "macro expansion deeper than %d levels", PYASM_MAX_EXPANSION_DEPTH);
    return false;
  }
  Env *ne = alloc(w, sizeof *ne);
  ne->caller = env;
  ne->macro = m;
  ne->args = args;
  ne->arg_envs = envs;
  ne->nargs = n;
  ne->id = ++w->next_id;
  ne->ns = m->ns;
  ne->line = call->line;
  ne->col = call->col;
  ne->file = cx->filename;
  ne->scope = w->scope;
  const PyasmStmt *d = m->def;
  ne->eager = alloc(w, sizeof(char *) * (d->nparams ? d->nparams : 1));
  /* !p parameters: evaluated once, here, into a private variable */
  for (uint32_t i = 0; i < d->nparams && i < n; i++) {
    if (!d->params[i].eager || d->params[i].mtype == PA_MT_VARIABLE_ARG)
      continue;
    gen_expr(w, envs[i], args[i].value);
    ne->eager[i] = var_name(w, ne, d->params[i].name);
    store_var(w, ne->eager[i]);
  }
  ne->has_ret = contains_macro_return(d->body, 0);
  Join *ret = new_join(w);
  ret->what = "where the macro returns";
  ne->ret = ret;
  uint32_t depth0 = w->f->sp;
  LabelScope *saved_scope = w->scope;
  LabelScope *sc = alloc(w, sizeof *sc);
  sc->parent = w->scope;
  w->scope = sc;
  const char *file = cx->filename;
  cx->filename = m->file;
  scan_scope(w, sc, d->body);
  w->expansion_depth++;
  stmts(w, ne, d->body);
  w->expansion_depth--;
  cx->filename = file;
  w->scope = saved_scope;
  if (ne->has_ret) {
    if (w->f->cur != IR_NOREF) {
      if (w->f->sp == depth0)
        push_none(w); /* fell off the end: None */
      jump_to(w, ret, s->line, s->col);
    }
    enter_join(w, ret);
    return true;
  }
  if (ret->nedges)
    enter_join(w, ret);
  return false;
}

/* ---- statements --------------------------------------------------------------------- */

/* The value a statement works on: e, else TOS (or None when allowed and the stack is
 * empty). Pushes it (TOS stays where it is). */
static bool operand_or_top(W *w, Env *env, PyasmStmt *s, bool none_if_empty) {
  FnCtx *f = w->f;
  if (s->e) {
    gen_expr(w, env, s->e);
    return true;
  }
  if (f->vis > f->floor) {
    f->vis--;
    return true;
  }
  if (none_if_empty) {
    push_none(w);
    return true;
  }
  ERR(w, s, "stack underflow: %s needs a value on the stack", pyasm_stmt_names[s->kind]);
  return false;
}

static void gen_return(W *w, Env *env, PyasmStmt *s) {
  FnCtx *f = w->f;
  if (f->kind == FK_CLASS) {
    ERR(w, s, "RETURN in a CLASS body");
    return;
  }
  if (!operand_or_top(w, env, s, true))
    return;
  IrRef v = pop(w);
  /* everything else on the stack is released */
  while (f->sp)
    release(w, pop(w));
  f->vis = 0;
  emit(w, IR_RET, &v, 1);
}

static IrRef tuple_item(W *w, IrRef t, uint32_t k) {
  IrRef r = emit(w, IR_TUPLE_ITEM, &t, 1);
  w->f->fn->instrs[r].imm[0] = k;
  return r;
}

/* After a suspension (return_generator, yield) the frame comes back through a landing
 * block (make_dispatch), which takes the n values the frame kept, the sent value on top
 * (entry_stack), and goes on in a new block: the values of before are gone. */
static void resume_after(W *w, IrRef suspend, uint32_t n) {
  FnCtx *f = w->f;
  IrFunc *fn = f->fn;
  IrBlockId land = ir_new_block(fn);
  f->sp = 0;
  for (uint32_t k = 0; k < n; k++) {
    IrRef v = ir_emit0(fn, land, IR_ENTRY_STACK);
    fn->instrs[v].imm[0] = k;
    set_line(w, v);
    push(w, v);
  }
  f->cur = ir_new_block(fn);
  set_line(w, ir_emit_br(fn, land, f->cur));
  if (f->nlandings == f->caplandings) {
    f->caplandings = f->caplandings ? f->caplandings * 2 : 8;
    f->landings = realloc(f->landings, sizeof *f->landings * f->caplandings);
    f->suspends = realloc(f->suspends, sizeof *f->suspends * f->caplandings);
    if (!f->landings || !f->suspends)
      PYLLC_DIE("out of memory");
  }
  f->landings[f->nlandings] = land;
  f->suspends[f->nlandings++] = suspend;
}

/* yield of the top of the stack; the value sent back is pushed. */
static void yield_top(W *w) {
  uint32_t depth = w->f->sp;
  IrRef y = apply(w, IR_YIELD_VALUE, 1, 0, 0);
  resume_after(w, y, depth);
}

static void gen_yield(W *w, Env *env, PyasmStmt *s) {
  FnCtx *f = w->f;
  if (f->kind != FK_FUNC) {
    ERR(w, s, "YIELD outside a DEF");
    return;
  }
  if (!operand_or_top(w, env, s, true))
    return;
  if (!s->star) {
    yield_top(w);
    if (s->target)
      store_top(w, env, s->target);
    else
      release(w, pop(w));
    f->vis = f->sp;
    return;
  }
  /* yield from: it = get_yield_from_iter(x); v = None;
   * loop: (r, done) = send(it, v); if done: result r; else v = yield r */
  apply(w, IR_GET_YIELD_FROM_ITER, 1, 0, 0);
  push_none(w);
  Join *loop = new_join(w), *out = new_join(w), *more = new_join(w);
  uint32_t vis = f->vis;
  jump_to(w, loop, s->line, s->col);
  enter_join(w, loop);
  f->vis = vis;
  /* stack: it, v */
  {
    IrRef args[2] = {f->stack[f->sp - 2], f->stack[f->sp - 1]};
    IrRef pair = emit(w, IR_SEND, args, 2);
    IrRef v = pop(w);
    release(w, v);
    push(w, pair);
  }
  /* stack: it, pair */
  IrRef pair = top(w);
  IrRef r = tuple_item(w, pair, 0);
  IrRef done = tuple_item(w, pair, 1);
  pop(w);
  release(w, pair);
  push(w, r);
  push(w, done);
  IrRef b = top_truth(w, false);
  branch(w, b, out, more, s->line, s->col);
  enter_join(w, more);
  f->vis = vis;
  yield_top(w); /* stack: it, sent */
  jump_to(w, loop, s->line, s->col);
  enter_join(w, out);
  f->vis = vis;
  /* stack: it, result */
  {
    IrRef res = pop(w), it = pop(w);
    release(w, it);
    push(w, res);
  }
  if (s->target)
    store_top(w, env, s->target);
  else
    release(w, pop(w));
  f->vis = f->sp;
}

static void gen_if(W *w, Env *env, PyasmStmt *s) {
  Join *head = label_or_new(w, s, "HEAD");
  Join *body = label_or_new(w, s, NULL);
  Join *end = label_or_new(w, s, "END");
  Join *els = new_join(w);
  check_label(w, s);
  end->what = "at the end of the IF";
  if (s->name)
    place_join(w, head, s->line, s->col);
  gen_expr(w, env, s->e);
  branch_on_top(w, body, s->has_else ? els : end, s->line, s->col, false);
  enter_join(w, body);
  stmts(w, env, s->body);
  jump_to(w, end, s->end_line, s->col);
  if (s->has_else) {
    enter_join(w, els);
    stmts(w, env, s->orelse);
    jump_to(w, end, s->line, s->col);
  }
  enter_end(w, end);
}

static void gen_while(W *w, Env *env, PyasmStmt *s) {
  Join *head = label_or_new(w, s, NULL);
  Join *inner = label_or_new(w, s, "INNER");
  Join *end = label_or_new(w, s, "END");
  head->what = "at the start of the WHILE loop";
  check_label(w, s);
  place_join(w, head, s->line, s->col);
  gen_expr(w, env, s->e);
  branch_on_top(w, inner, end, s->line, s->col, false);
  enter_join(w, inner);
  stmts(w, env, s->body);
  jump_to(w, head, s->end_line, s->col);
  enter_end(w, end);
}

static void gen_foreach(W *w, Env *env, PyasmStmt *s) {
  FnCtx *f = w->f;
  if (s->nsrcs == 1) {
    gen_expr(w, env, s->srcs[0]);
  } else {
    PyasmExpr *fn = synth(w, PA_E_BUILTIN, s->srcs[0]);
    fn->name = "zip";
    if (s->star) {
      PyasmExpr *mod = synth(w, PA_E_BUILTIN, s->srcs[0]);
      mod->name = "itertools";
      fn = synth(w, PA_E_ATTR, s->srcs[0]);
      fn->a = mod;
      fn->name = "product";
    }
    PyasmExpr *call = synth(w, PA_E_CALL, s->srcs[0]);
    call->a = fn;
    call->nargs = s->nsrcs;
    call->args = alloc(w, sizeof(PyasmArg) * s->nsrcs);
    for (uint32_t i = 0; i < s->nsrcs; i++)
      call->args[i].value = s->srcs[i];
    gen_expr(w, env, call);
  }
  apply(w, IR_GET_ITER, 1, 0, 0);
  f->vis = f->sp;
  if (f->nloops == f->caploops) {
    f->caploops = f->caploops ? f->caploops * 2 : 8;
    f->iterpos = realloc(f->iterpos, sizeof(uint32_t) * f->caploops);
    if (!f->iterpos)
      PYLLC_DIE("out of memory");
  }
  f->iterpos[f->nloops++] = f->sp - 1;
  uint32_t floor = f->floor;
  f->floor = f->sp; /* the iterator cannot be popped by the body */
  Join *head = label_or_new(w, s, NULL);
  Join *inner = label_or_new(w, s, "INNER");
  Join *end = label_or_new(w, s, "END");
  Join *exhausted = new_join(w);
  check_label(w, s);
  place_join(w, head, s->line, s->col);
  IrRef it = top(w);
  IrRef item = emit(w, IR_ITER_NEXT, &it, 1);
  IrRef isnull = emit(w, IR_IS_NULL, &item, 1);
  branch(w, isnull, exhausted, inner, s->line, s->col);
  enter_join(w, inner);
  /* the item: NULL on the exhausted path, where it is not used */
  push(w, item);
  if (s->nlist == 1) {
    store_top(w, env, s->list[0]);
  } else {
    apply(w, IR_UNPACK_SEQUENCE, 1, s->nlist, 0);
    IrRef tup = top(w);
    for (uint32_t i = 0; i < s->nlist; i++) {
      push(w, tuple_item(w, tup, i));
      store_top(w, env, s->list[i]);
    }
    release(w, pop(w));
  }
  f->vis = f->sp;
  stmts(w, env, s->body);
  jump_to(w, head, s->end_line, s->col);
  enter_join(w, exhausted);
  jump_to(w, end, s->line, s->col);
  enter_join(w, end);
  f->floor = floor;
  f->nloops--;
  if (f->sp > f->floor)
    release(w, pop(w)); /* the iterator, on every path to the end */
  f->vis = f->sp;
}

static void gen_jump(W *w, Env *env, PyasmStmt *s) {
  Join *j = find_label(w, s->name);
  if (!j && w->inl && !w->f->splice && !(env && env->macro)) {
    ERR(w, s, "JUMP to undefined label '%s' (a label of another pyllc.asm() of the function "
        "is reached only when pyllc compiles the function)", s->name);
    return;
  }
  if (!j) {
    ERR(w, s, "JUMP to undefined label '%s'", s->name);
    return;
  }
  if (!s->e) {
    jump_to(w, j, s->line, s->col);
    return;
  }
  gen_expr(w, env, s->e);
  branch_on_top(w, j, NULL, s->line, s->col, false);
}

static IrFunc *new_function(W *w, const char *name, const char *qualname, int line) {
  IrFunc *fn = ir_new_func(w->m, name);
  fn->no_bytecode = true; /* the interpreter could not run it: tracing does not leave */
  fn->qualname = ir_strdup(fn->arena, qualname, strlen(qualname));
  fn->firstlineno = line;
  return fn;
}

/* `return None` where control reaches the end of a body (the stack released first). */
static void return_none_at_end(W *w) {
  if (w->f->cur == IR_NOREF)
    return;
  while (w->f->sp)
    release(w, pop(w));
  push_none(w);
  IrRef v = pop(w);
  emit(w, IR_RET, &v, 1);
}

static void finish_function(W *w, FnCtx *f);
static void begin_function(W *w, FnCtx *f, FnKind kind, IrFunc *fn, FnCtx *parent);

/* Names captured by DEF/CLASS statements directly inside `list` (not deeper functions),
 * which must become cells of the function being built. */
/* The $x names an expression uses (for the closures of CALL PARTIAL's ?-arguments). */
static void expr_locals(W *w, const PyasmExpr *e, const char ***names, uint32_t *n,
                        uint32_t *cap, int depth) {
  if (!e || depth > PYASM_MAX_NESTING)
    return;
  if (e->kind == PA_E_LOCAL) {
    for (uint32_t i = 0; i < *n; i++)
      if (!strcmp((*names)[i], e->name))
        return;
    if (*n == *cap) {
      *cap = *cap ? *cap * 2 : 8;
      const char **a = alloc(w, sizeof(char *) * *cap);
      if (*n)
        memcpy(a, *names, sizeof(char *) * *n);
      *names = a;
    }
    (*names)[(*n)++] = e->name;
    return;
  }
  if (e->kind == PA_E_BLOCK)
    return;
  expr_locals(w, e->a, names, n, cap, depth + 1);
  expr_locals(w, e->b, names, n, cap, depth + 1);
  for (uint32_t i = 0; i < e->nargs; i++)
    expr_locals(w, e->args[i].value, names, n, cap, depth + 1);
  if (e->op) {
    expr_locals(w, e->op->lhs, names, n, cap, depth + 1);
    expr_locals(w, e->op->rhs, names, n, cap, depth + 1);
    for (uint32_t i = 0; i < e->op->nitems; i++)
      expr_locals(w, e->op->items[i], names, n, cap, depth + 1);
  }
}

/* The $x the ?-arguments of a CALL PARTIAL use. */
static const char **late_locals(W *w, const PyasmExpr *call, uint32_t *n) {
  const char **names = NULL;
  uint32_t cap = 0;
  *n = 0;
  for (uint32_t i = 0; i < call->nargs; i++)
    if (call->args[i].value->kind == PA_E_LATE)
      expr_locals(w, call->args[i].value->a, &names, n, &cap, 0);
  return names;
}

static void scan_captures(W *w, FnCtx *f, PyasmStmt *list, int depth) {
  if (depth > PYASM_MAX_NESTING)
    return;
  for (PyasmStmt *s = list; s; s = s->next) {
    if (s->kind == PA_S_CALL && s->call_kind == PA_CALL_PARTIAL && f->kind == FK_FUNC) {
      uint32_t n;
      const char **names = late_locals(w, s->e, &n);
      for (uint32_t i = 0; i < n; i++)
        add_local(w, f, names[i], IR_LOCAL_CELL);
    }
    if (s->kind == PA_S_DEF || s->kind == PA_S_CLASS) {
      for (uint32_t i = 0; i < s->ncaptures; i++)
        if (f->kind == FK_FUNC)
          add_local(w, f, s->captures[i], IR_LOCAL_CELL);
    }
    if (s->kind == PA_S_IF || s->kind == PA_S_WHILE || s->kind == PA_S_FOREACH ||
        s->kind == PA_S_NAMESPACE) {
      scan_captures(w, f, s->body, depth + 1);
      scan_captures(w, f, s->orelse, depth + 1);
    }
  }
}

static bool contains_yield(PyasmStmt *list, int depth) {
  if (depth > PYASM_MAX_NESTING)
    return false;
  for (PyasmStmt *s = list; s; s = s->next) {
    if (s->kind == PA_S_YIELD)
      return true;
    if ((s->kind == PA_S_IF || s->kind == PA_S_WHILE || s->kind == PA_S_FOREACH ||
         s->kind == PA_S_NAMESPACE) &&
        (contains_yield(s->body, depth + 1) || contains_yield(s->orelse, depth + 1)))
      return true;
  }
  return false;
}

/* Whether an expression names `~super` or the variable `__class__`: a method that does
 * gets the __class__ cell of its class, as Python's compiler gives it (zero-argument
 * super() reads the cell from the frame's free variables). */
static bool expr_uses_class(const PyasmExpr *e, int depth) {
  if (!e || depth > PYASM_MAX_NESTING)
    return false;
  bool var = e->kind == PA_E_LOCAL || e->kind == PA_E_CELL;
  if ((e->kind == PA_E_BUILTIN && !strcmp(e->name, "super")) ||
      (var && !strcmp(e->name, "__class__")))
    return true;
  bool used = expr_uses_class(e->a, depth + 1) || expr_uses_class(e->b, depth + 1);
  for (uint32_t i = 0; i < e->nargs && !used; i++)
    used = expr_uses_class(e->args[i].value, depth + 1);
  if (e->op && !used)
    used = expr_uses_class(e->op->lhs, depth + 1) || expr_uses_class(e->op->rhs, depth + 1);
  for (uint32_t i = 0; e->op && i < e->op->nitems && !used; i++)
    used = expr_uses_class(e->op->items[i], depth + 1);
  return used;
}

/* The same for statements; nested DEF and CLASS bodies are not the method's code, and
 * macro bodies are not looked into. */
static bool stmts_use_class(const PyasmStmt *list, int depth) {
  if (depth > PYASM_MAX_NESTING)
    return false;
  for (const PyasmStmt *s = list; s; s = s->next) {
    if (expr_uses_class(s->e, depth) || expr_uses_class(s->target, depth) ||
        expr_uses_class(s->msg, depth))
      return true;
    if (s->op && (expr_uses_class(s->op->lhs, depth) || expr_uses_class(s->op->rhs, depth)))
      return true;
    for (uint32_t i = 0; s->op && i < s->op->nitems; i++)
      if (expr_uses_class(s->op->items[i], depth))
        return true;
    for (uint32_t i = 0; i < s->nlist; i++)
      if (expr_uses_class(s->list[i], depth))
        return true;
    for (uint32_t i = 0; i < s->nsrcs; i++)
      if (expr_uses_class(s->srcs[i], depth))
        return true;
    if (s->kind != PA_S_DEF && s->kind != PA_S_CLASS && s->kind != PA_S_MACRO &&
        (stmts_use_class(s->body, depth + 1) || stmts_use_class(s->orelse, depth + 1)))
      return true;
  }
  return false;
}

/* The closure (__class__,) of a method that uses it: the class body's cell, which the
 * body hands to type() as __classcell__ (class_cell_return). */
static void push_class_closure(W *w) {
  int k = add_local(w, w->f, "__class__", IR_LOCAL_CELL);
  push(w, emit0(w, IR_LOAD_LOCAL, k)); /* the cell itself (LOAD_CLOSURE) */
  apply(w, IR_BUILD_TUPLE, 1, 0, 0);
}

/* The end of a CLASS body whose methods use __class__: as CPython's class bodies do,
 * `__classcell__ = cell; return cell`, so that type() fills the cell with the class and
 * __build_class__ checks it did. False when the body has no such cell. */
static bool class_cell_return(W *w) {
  FnCtx *f = w->f;
  int k = find_local(f, "__class__");
  if (f->kind != FK_CLASS || k < 0 || f->cur == IR_NOREF)
    return false;
  while (f->sp)
    release(w, pop(w));
  push(w, emit0(w, IR_LOAD_LOCAL, k));
  push(w, emit0(w, IR_LOAD_LOCAL, k));
  apply(w, IR_STORE_NAME, 1, name_index(w, "__classcell__"), 0);
  IrRef v = pop(w);
  emit(w, IR_RET, &v, 1);
  return true;
}

static const char *child_qualname(W *w, FnCtx *parent, const char *name) {
  size_t n = strlen(name) + (parent->qualname ? strlen(parent->qualname) : 0) + 16;
  char *q = alloc(w, n);
  if (parent->kind == FK_MODULE)
    snprintf(q, n, "%s", name);
  else if (parent->kind == FK_CLASS)
    snprintf(q, n, "%s.%s", parent->qualname, name);
  else
    snprintf(q, n, "%s.<locals>.%s", parent->qualname, name);
  return q;
}

/* Pushes the closure tuple of the captured names (cells of the current function). */
static void push_closure(W *w, PyasmStmt *s) {
  FnCtx *f = w->f;
  for (uint32_t i = 0; i < s->ncaptures; i++) {
    int k = add_local(w, f, s->captures[i], IR_LOCAL_CELL);
    push(w, emit0(w, IR_LOAD_LOCAL, k)); /* the cell itself (LOAD_CLOSURE) */
  }
  apply(w, IR_BUILD_TUPLE, s->ncaptures, 0, 0);
}

/* After a DEF or CLASS body: `return None` if control reaches its end, the function
 * finished, and the walk back in the parent. */
static void end_body(W *w, const PyasmStmt *s, FnCtx *fc, FnCtx *parent,
                     LabelScope *saved_scope, int saved_line) {
  at_line(w, s->end_line);
  if (!class_cell_return(w))
    return_none_at_end(w);
  w->scope = saved_scope;
  finish_function(w, fc);
  w->f = parent;
  w->line = saved_line;
  free(fc);
}

/* Pushes the function a DEF makes (false, with nothing pushed, after an error). */
static bool def_value(W *w, Env *env, PyasmStmt *s) {
  FnCtx *parent = w->f;
  /* defaults, evaluated here */
  /* positional parameters, then keyword-only ones (after *args or a bare '*') */
  uint32_t ndef = 0, nkwdef = 0;
  bool seen_default = false, seen_star = false;
  for (uint32_t i = 0; i < s->nparams; i++) {
    PyasmParam *p = &s->params[i];
    bool kwonly = p->kind == PA_P_PLAIN && seen_star;
    if (p->kind == PA_P_STAR && seen_star) {
      pyasm_error(w->cx, p->line, p->col, "only one *args (or bare '*') parameter");
      return false;
    }
    if (p->kind == PA_P_STAR)
      seen_star = true;
    if (p->kind == PA_P_DSTAR && i + 1 != s->nparams) {
      pyasm_error(w->cx, p->line, p->col, "**%s must be the last parameter", p->name);
      return false;
    }
    if (p->kind == PA_P_STAR && !p->name &&
        (i + 1 == s->nparams || s->params[i + 1].kind != PA_P_PLAIN)) {
      pyasm_error(w->cx, p->line, p->col, "a bare '*' must be followed by a parameter");
      return false;
    }
    for (uint32_t k = 0; k < i && p->name; k++)
      if (s->params[k].name && !strcmp(s->params[k].name, p->name)) {
        pyasm_error(w->cx, p->line, p->col, "duplicate parameter '%s'", p->name);
        return false;
      }
    if (p->deflt && kwonly) {
      nkwdef++;
    } else if (p->deflt) {
      seen_default = true;
      ndef++;
    } else if (seen_default && p->kind == PA_P_PLAIN && !kwonly) {
      pyasm_error(w->cx, p->line, p->col,
                  "parameter '%s' without a default follows one with a default", p->name);
      return false;
    }
  }
  if (s->ncaptures && parent->kind == FK_CLASS) {
    ERR(w, s, "a DEF in a CLASS body cannot capture class variables");
    return false;
  }
  const char *qual = child_qualname(w, parent, s->name);
  IrFunc *fn = new_function(w, s->name, qual, line_here(w, s->line));
  uint32_t fidx = fn->index;
  /* make_function operands: code, closure, annotations, kwdefaults, defaults */
  IrConst code = {.kind = IR_C_CODE, .u.func = fidx, .src_index = -1};
  push(w, emit0(w, IR_CONST, ir_add_const(parent->fn, code)));
  int flags = 0;
  bool class_cell = parent->kind == FK_CLASS && stmts_use_class(s->body, 0);
  if (s->ncaptures && parent->kind == FK_FUNC) {
    push_closure(w, s);
    flags |= 8;
  } else if (class_cell) {
    push_class_closure(w);
    flags |= 8;
  } else {
    push_null(w);
  }
  push_null(w); /* annotations */
  bool star = false;
  if (nkwdef) { /* {name: default} of the keyword-only parameters */
    for (uint32_t i = 0; i < s->nparams; i++) {
      star |= s->params[i].kind == PA_P_STAR;
      if (star && s->params[i].kind == PA_P_PLAIN && s->params[i].deflt) {
        push_str(w, s->params[i].name, strlen(s->params[i].name));
        gen_expr(w, env, s->params[i].deflt);
      }
    }
    apply(w, IR_BUILD_MAP, 2 * nkwdef, 0, 0);
    flags |= 2;
  } else {
    push_null(w);
  }
  if (ndef) {
    star = false;
    for (uint32_t i = 0; i < s->nparams; i++) {
      star |= s->params[i].kind == PA_P_STAR;
      if (!star && s->params[i].deflt)
        gen_expr(w, env, s->params[i].deflt);
    }
    apply(w, IR_BUILD_TUPLE, ndef, 0, 0);
    flags |= 1;
  } else {
    push_null(w);
  }
  /* the body, as its own function */
  FnCtx *fc = calloc(1, sizeof *fc);
  if (!fc)
    PYLLC_DIE("out of memory");
  begin_function(w, fc, FK_FUNC, fn, parent);
  fc->qualname = qual;
  fn->flags = CO_OPTIMIZED | CO_NEWLOCALS | (parent->kind == FK_FUNC ? CO_NESTED : 0);
  /* localsplus as CPython lays it out: positional, keyword-only, *args, **kw */
  for (int pass = 0; pass < 4; pass++) {
    star = false;
    for (uint32_t i = 0; i < s->nparams; i++) {
      const PyasmParam *p = &s->params[i];
      int cls = p->kind == PA_P_STAR ? 2 : p->kind == PA_P_DSTAR ? 3 : star ? 1 : 0;
      star |= p->kind == PA_P_STAR;
      if (cls != pass || !p->name)
        continue;
      add_local(w, fc, p->name, IR_LOCAL_PLAIN);
      if (cls == 0)
        fn->argcount++;
      else if (cls == 1)
        fn->kwonlyargcount++;
      else
        fn->flags |= cls == 2 ? CO_VARARGS : CO_VARKEYWORDS;
    }
  }
  if (s->ncaptures && parent->kind == FK_MODULE) {
    /* module-level variables are globals of the function, shared as they are */
    fc->gnames = (const char **)s->captures;
    fc->ngnames = s->ncaptures;
  } else {
    for (uint32_t i = 0; i < s->ncaptures; i++)
      add_local(w, fc, s->captures[i], IR_LOCAL_FREE);
  }
  if (class_cell)
    add_local(w, fc, "__class__", IR_LOCAL_FREE);
  scan_captures(w, fc, s->body, 0);
  fc->generator = contains_yield(s->body, 0);
  if (fc->generator)
    fn->flags |= CO_GENERATOR;
  LabelScope *saved_scope = w->scope;
  LabelScope *sc = alloc(w, sizeof *sc);
  w->scope = sc;
  scan_scope(w, sc, s->body);
  int saved_line = w->line;
  at_line(w, s->line);
  /* prologue: cells, free variables, the generator, RESUME */
  /* make_cell and copy_free_vars come first: finish_function inserts them, when every
   * cell is known */
  if (fc->generator) {
    fc->start = fc->cur = ir_new_block(fn); /* bb0 gets the dispatch */
    resume_after(w, emit(w, IR_RETURN_GENERATOR, NULL, 0), 1);
    release(w, pop(w));
  }
  fc->body = fc->cur;
  emit0(w, IR_RESUME, 0);
  /* a DEF body inside a macro: its $x are its own, &p are still the macro's */
  Env fenv = *env;
  fenv.own_locals = true;
  fenv.ret = NULL;
  stmts(w, &fenv, s->body);
  end_body(w, s, fc, parent, saved_scope, saved_line);
  apply(w, IR_MAKE_FUNCTION, 5, flags, 0);
  return true;
}

static void gen_def(W *w, Env *env, PyasmStmt *s) {
  if (!def_value(w, env, s))
    return;
  if (s->target)
    store_top(w, env, s->target);
  else
    store_var(w, var_name(w, env, s->name));
  w->f->vis = w->f->sp;
}

static void gen_class(W *w, Env *env, PyasmStmt *s) {
  FnCtx *parent = w->f;
  const char *qual = child_qualname(w, parent, s->name);
  IrFunc *fn = new_function(w, s->name, qual, line_here(w, s->line));
  /* __build_class__(func, name, *bases, **kw) */
  push_null(w);
  push(w, emit(w, IR_LOAD_BUILD_CLASS, NULL, 0));
  IrConst code = {.kind = IR_C_CODE, .u.func = fn->index, .src_index = -1};
  push(w, emit0(w, IR_CONST, ir_add_const(parent->fn, code)));
  int flags = 0;
  if (s->ncaptures && parent->kind == FK_FUNC) {
    push_closure(w, s);
    flags |= 8;
  } else {
    push_null(w);
  }
  push_null(w);
  push_null(w);
  push_null(w);
  FnCtx *fc = calloc(1, sizeof *fc);
  if (!fc)
    PYLLC_DIE("out of memory");
  begin_function(w, fc, FK_CLASS, fn, parent);
  fc->qualname = qual;
  if (parent->kind == FK_FUNC) /* CLASS C <a>: the body reads the DEF's a as §a */
    for (uint32_t i = 0; i < s->ncaptures; i++)
      add_local(w, fc, s->captures[i], IR_LOCAL_FREE);
  LabelScope *saved_scope = w->scope;
  LabelScope *sc = alloc(w, sizeof *sc);
  w->scope = sc;
  scan_scope(w, sc, s->body);
  int saved_line = w->line;
  at_line(w, s->line);
  emit0(w, IR_RESUME, 0);
  push(w, emit0(w, IR_LOAD_NAME, name_index(w, "__name__")));
  apply(w, IR_STORE_NAME, 1, name_index(w, "__module__"), 0);
  push_str(w, qual, strlen(qual));
  apply(w, IR_STORE_NAME, 1, name_index(w, "__qualname__"), 0);
  Env fenv = *env;
  fenv.own_locals = true;
  fenv.ret = NULL;
  stmts(w, &fenv, s->body);
  end_body(w, s, fc, parent, saved_scope, saved_line);
  apply(w, IR_MAKE_FUNCTION, 5, flags, 0);
  push_str(w, s->name, strlen(s->name));
  gen_call_args(w, env, s->args, s->nargs, 2);
  if (s->target)
    store_top(w, env, s->target);
  else
    store_var(w, var_name(w, env, s->name));
  parent->vis = parent->sp;
}

/* PYTHON { code }: exec(compile(code, file, "exec"), globals()) at this point; the code
 * is padded with newlines so that its line numbers are the file's. */
static void gen_python(W *w, Env *env, PyasmStmt *s) {
  PyasmExpr pos = {.line = s->line, .col = s->col};
  PyasmExpr *at = synth(w, PA_E_STR, &pos);
  /* dedent: Python wants the first statement at column 0 */
  const char *code = s->code;
  size_t len = s->codelen;
  size_t indent = SIZE_MAX;
  for (size_t i = 0; i < len;) {
    size_t k = i, sp = 0;
    while (k < len && (code[k] == ' ' || code[k] == '\t'))
      k++, sp++;
    if (k < len && code[k] != '\n' && code[k] != '#' && code[k] != '\r' && sp < indent)
      indent = sp;
    while (k < len && code[k] != '\n')
      k++;
    i = k + 1;
  }
  if (indent == SIZE_MAX)
    indent = 0;
  size_t cap = len + (size_t)s->line + 8;
  char *src = alloc(w, cap);
  size_t n = 0;
  for (int i = 1; i < s->line; i++)
    src[n++] = '\n';
  for (size_t i = 0; i < len;) {
    size_t k = i, sp = 0;
    while (k < len && sp < indent && (code[k] == ' ' || code[k] == '\t'))
      k++, sp++;
    while (k < len && code[k] != '\n')
      src[n++] = code[k++];
    if (k < len)
      src[n++] = '\n';
    i = k + 1;
  }
  src[n] = 0;
  at->str = src;
  at->slen = (uint32_t)n;
  PyasmExpr *file = synth(w, PA_E_STR, at);
  file->str = w->cx->filename;
  file->slen = (uint32_t)strlen(w->cx->filename);
  PyasmExpr *mode = synth(w, PA_E_STR, at);
  mode->str = "exec";
  mode->slen = 4;
  PyasmExpr *citems[3] = {at, file, mode};
  PyasmExpr *compile = synth(w, PA_E_CALL, at), *cfn = synth(w, PA_E_BUILTIN, at);
  cfn->name = "compile";
  compile->a = cfn;
  compile->nargs = 3;
  compile->args = alloc(w, sizeof(PyasmArg) * 3);
  for (int i = 0; i < 3; i++)
    compile->args[i].value = citems[i];
  PyasmExpr *globals = synth(w, PA_E_CALL, at), *gfn = synth(w, PA_E_BUILTIN, at);
  gfn->name = "globals";
  globals->a = gfn;
  PyasmExpr *items[3] = {compile, globals, NULL};
  uint32_t nitems = 2;
  FnCtx *f = w->f;
  if (f->kind == FK_CLASS) { /* the class namespace is the body's locals() */
    PyasmExpr *locals = synth(w, PA_E_CALL, at), *lfn = synth(w, PA_E_BUILTIN, at);
    lfn->name = "locals";
    locals->a = lfn;
    items[2] = locals;
    nitems = 3;
  }
  int slot = -1;
  if (f->kind == FK_FUNC) { /* exec on a locals() snapshot, copied back afterwards */
    gen_builtin_call(w, NULL, "locals", NULL, 0, at);
    slot = add_local(w, f, "__pyasm_locals", IR_LOCAL_PLAIN);
    apply(w, IR_STORE_LOCAL, 1, slot, 0);
    items[2] = synth_local(w, "__pyasm_locals", at);
    nitems = 3;
  }
  gen_builtin_call(w, NULL, "exec", items, nitems, at);
  release(w, pop(w));
  if (slot >= 0 && f->cur != IR_NOREF) {
    f->pysites = pyllc_grow(f->pysites, sizeof *f->pysites, f->npysites, &f->cappysites);
    PySite *site = &f->pysites[f->npysites++];
    site->from = ir_new_block(f->fn);
    site->to = ir_new_block(f->fn);
    site->slot = slot;
    site->line = w->line;
    set_line(w, ir_emit_br(f->fn, f->cur, site->from));
    f->cur = site->to;
  }
}

/* Whether `name` is a variable of the program rather than one the lowering made. */
static bool is_user_variable(const char *name) {
  return strncmp(name, "__pyasm_", 8) && !is_private(name);
}

/* Each of the variables locals[0..n) of f that the program names and that the dict in
 * local `slot` holds gets the dict's value; with `unbind`, the others are unbound (a
 * `del x` in a PYTHON block removed x from the dict). */
static void copy_from_dict(W *w, FnCtx *f, int slot, uint32_t n, int line, bool unbind) {
  for (uint32_t i = 0; i < n; i++) {
    const char *name = f->locals[i];
    if (!is_user_variable(name) || is_global_here(f, name))
      continue;
    Join *yes = new_join(w), *no = new_join(w), *next = new_join(w);
    push_str(w, name, strlen(name));
    push(w, emit0(w, IR_LOAD_LOCAL, slot));
    IrRef in = apply(w, IR_CONTAINS, 2, 0, 0);
    branch(w, in, yes, unbind ? no : next, line, 0);
    enter_join(w, yes);
    push(w, emit0(w, IR_LOAD_LOCAL, slot));
    push_str(w, name, strlen(name));
    apply(w, IR_BINARY_SUBSCR, 2, 0, 0);
    store_var(w, name);
    jump_to(w, next, line, 0);
    if (unbind) { /* store_local/store_deref of NULL: unbound, like DELETE_FAST */
      enter_join(w, no);
      push_null(w);
      store_var(w, name);
      jump_to(w, next, line, 0);
    }
    enter_join(w, next);
  }
}

/* The write-back of a PYTHON block (PySite): each variable of the function that the
 * locals() dict holds after exec() gets the dict's value; then the dict is dropped. */
static void python_writeback(W *w, FnCtx *f, const PySite *site) {
  f->cur = site->from;
  f->sp = f->vis = 0;
  w->line = site->line;
  copy_from_dict(w, f, site->slot, f->nlocals, site->line, true); /* may add the builtins */
  push_none(w);
  apply(w, IR_STORE_LOCAL, 1, site->slot, 0);
  set_line(w, ir_emit_br(f->fn, f->cur, site->to));
  f->cur = IR_NOREF;
}

/* raise TOS (RAISE_VARARGS 1): the cause is a NULL operand, not a stack value. The
 * exception and the rest of the stack stay in the frame state: the interpreter releases
 * them as it unwinds. */
static void emit_raise(W *w) {
  IrRef nul = emit(w, IR_NULLOBJ, NULL, 0);
  IrRef args[2] = {top(w), nul};
  emit(w, IR_RAISE, args, 2);
  w->f->sp = 0;
  w->f->vis = 0;
}

static void gen_assert(W *w, Env *env, PyasmStmt *s) {
  Join *ok = new_join(w), *fail = new_join(w);
  gen_expr(w, env, s->e);
  branch_on_top(w, ok, fail, s->line, s->col, false);
  enter_join(w, fail);
  push_null(w);
  push(w, emit(w, IR_LOAD_ASSERTION_ERROR, NULL, 0));
  if (s->msg) {
    gen_expr(w, env, s->msg);
    apply(w, IR_CALL, 3, -1, 0);
  } else {
    apply(w, IR_CALL, 2, -1, 0);
  }
  emit_raise(w);
  enter_join(w, ok);
}

static void gen_assert_static(W *w, Env *env, PyasmStmt *s) {
  PyasmVal v;
  if (!static_value(w, env, s->e, &v, 0)) {
    ERR(w, s->e, "ASSERT_STATIC needs an expression known at compile time");
    return;
  }
  if (pyasm_val_truth(&v))
    return;
  PyasmVal m;
  if (s->msg && static_value(w, env, s->msg, &m, 0) && m.kind == PA_V_STR)
    ERR(w, s, "static assertion failed: %.*s", (int)m.slen, m.s);
  else
    ERR(w, s, "static assertion failed (the condition is %s)",
        pyasm_val_repr(w->cx->arena, &v));
}

static void gen_macro_paste(W *w, Env *env, PyasmStmt *s) {
  if (!env || !env->macro) {
    ERR(w, s, "MACRO_PASTE outside a macro");
    return;
  }
  int pi = param_index(env, s->name);
  if (pi < 0) {
    ERR(w, s, "macro '%s' has no parameter '%s'", env->macro->full, s->name);
    return;
  }
  if (pi >= (int)env->nargs || env->args[pi].value->kind != PA_E_BLOCK) {
    ERR(w, s, "MACRO_PASTE needs a CODE_BLOCK parameter; '%s' is not one", s->name);
    return;
  }
  PyasmExpr *blk = env->args[pi].value;
  Env *benv = env->arg_envs[pi];
  if (s->nlist != blk->nbnames) {
    ERR(w, s, "the code block binds %u name%s, MACRO_PASTE gives %u", blk->nbnames,
        blk->nbnames == 1 ? "" : "s", s->nlist);
    return;
  }
  for (uint32_t i = 0; i < s->nlist; i++) {
    gen_expr(w, env, s->list[i]);
    store_var(w, user_var(w, benv, blk->bnames[i], blk->line, blk->col));
  }
  if (!expansion_budget(w, blk))
    return;
  if (++w->expansion_depth > PYASM_MAX_EXPANSION_DEPTH * 4) {
    ERR(w, s, "code block pasted deeper than %d levels", PYASM_MAX_EXPANSION_DEPTH * 4);
    w->expansion_depth--;
    return;
  }
  LabelScope *saved = w->scope;
  LabelScope *sc = alloc(w, sizeof *sc);
  sc->parent = benv ? benv->scope : NULL;
  if (!sc->parent)
    sc->parent = saved;
  w->scope = sc;
  scan_scope(w, sc, blk->body);
  const char *file = w->cx->filename;
  int line = w->line;
  w->cx->filename = benv && benv->macro ? benv->macro->file : w->root_file;
  stmts(w, benv, blk->body);
  w->cx->filename = file;
  w->line = line;
  at_line(w, s->line);
  w->scope = saved;
  w->expansion_depth--;
  if (s->target && w->f->cur != IR_NOREF) {
    if (w->f->vis <= w->f->floor)
      ERR(w, s, "stack underflow: the pasted code block left no value for '->'");
    else
      store_top(w, env, s->target);
  }
}

static void gen_macro_return(W *w, Env *env, PyasmStmt *s) {
  if (!env->macro || !env->ret) {
    ERR(w, s, env->macro ? "MACRO_RETURN inside a DEF or CLASS of a macro"
                         : "MACRO_RETURN outside a macro");
    return;
  }
  if (s->e)
    gen_expr(w, env, s->e);
  else if (w->f->vis > w->f->floor)
    w->f->vis--;
  else
    push_none(w);
  jump_to(w, env->ret, s->line, s->col);
}

static bool has_late_args(const PyasmExpr *call) {
  for (uint32_t i = 0; i < call->nargs; i++)
    if (call->args[i].value->kind == PA_E_LATE)
      return true;
  return false;
}

static PyasmExpr *synth_local(W *w, const char *name, const PyasmExpr *at) {
  PyasmExpr *e = synth(w, PA_E_LOCAL, at);
  e->name = name;
  return e;
}

/* CALL PARTIAL f(a, ?b, k=?c): functools.partial(inner, f, a) where
 *   DEF inner<captures>(__f, __a0, *__args, **__kw) {
 *       RETURN __f(__a0, b, *__args, k=c, **__kw) }
 * so that b and c are evaluated at each call, in the scope of the CALL PARTIAL (the
 * names they use are captured: cells of the enclosing DEF, or globals at module level).
 * Keywords given now reach inner's **__kw through the partial. Pushes the partial. */
static bool gen_late_partial(W *w, Env *env, PyasmStmt *s) {
  PyasmExpr *call = s->e;
  uint32_t n = call->nargs, ncap;
  const char **caps = late_locals(w, call, &ncap);
  if (ncap && env->macro && !env->own_locals) {
    ERR(w, s, "'?' arguments in a macro cannot use the macro's variables ($%s)", caps[0]);
    return false;
  }
  for (uint32_t i = 0; i < n; i++)
    if ((call->args[i].kind == PA_ARG_STAR || call->args[i].kind == PA_ARG_DSTAR) &&
        call->args[i].value->kind != PA_E_LATE) {
      ERR(w, call->args[i].value, "'*'/'**' arguments cannot be mixed with '?' ones yet");
      return false;
    }
  PyasmStmt *def = alloc(w, sizeof *def);
  def->kind = PA_S_DEF;
  def->line = def->end_line = s->line;
  def->col = s->col;
  def->name = "<partial>";
  def->captures = caps;
  def->ncaptures = ncap;
  def->params = alloc(w, sizeof(PyasmParam) * (n + 3));
  PyasmArg *inner = alloc(w, sizeof(PyasmArg) * (n + 2));  /* the call in inner */
  PyasmArg *outer = alloc(w, sizeof(PyasmArg) * (n + 1));  /* partial's arguments */
  uint32_t np = 0, ni = 0, no = 0;
  def->params[np++] = (PyasmParam){.kind = PA_P_PLAIN, .name = "__f", .line = s->line};
  outer[no++] = (PyasmArg){.kind = PA_ARG_POS, .value = call->a};
  for (uint32_t i = 0; i < n; i++) { /* positional ones, in their order */
    const PyasmArg *a = &call->args[i];
    if (a->kind == PA_ARG_KW || a->kind == PA_ARG_DSTAR)
      continue;
    if (a->value->kind == PA_E_LATE) {
      inner[ni++] = (PyasmArg){.kind = a->kind, .value = a->value->a};
      continue;
    }
    char *pname = alloc(w, 24);
    snprintf(pname, 24, "__a%u", i);
    def->params[np++] = (PyasmParam){.kind = PA_P_PLAIN, .name = pname, .line = s->line};
    inner[ni++] = (PyasmArg){.kind = PA_ARG_POS, .value = synth_local(w, pname, call)};
    outer[no++] = *a;
  }
  def->params[np++] = (PyasmParam){.kind = PA_P_STAR, .name = "__args", .line = s->line};
  def->params[np++] = (PyasmParam){.kind = PA_P_DSTAR, .name = "__kw", .line = s->line};
  def->nparams = np;
  inner[ni++] = (PyasmArg){.kind = PA_ARG_STAR, .value = synth_local(w, "__args", call)};
  for (uint32_t i = 0; i < n; i++) { /* keywords: late ones in inner, others in partial */
    const PyasmArg *a = &call->args[i];
    if (a->kind != PA_ARG_KW && a->kind != PA_ARG_DSTAR)
      continue;
    if (a->value->kind == PA_E_LATE)
      inner[ni++] = (PyasmArg){.kind = a->kind, .name = a->name, .value = a->value->a};
    else
      outer[no++] = *a;
  }
  inner[ni++] = (PyasmArg){.kind = PA_ARG_DSTAR, .value = synth_local(w, "__kw", call)};
  PyasmExpr *icall = synth(w, PA_E_CALL, call);
  icall->a = synth_local(w, "__f", call);
  icall->args = inner;
  icall->nargs = ni;
  PyasmStmt *ret = alloc(w, sizeof *ret);
  ret->kind = PA_S_RETURN;
  ret->line = s->line;
  ret->col = s->col;
  ret->e = icall;
  def->body = ret;
  /* functools.partial(inner, f, a..., k=v...) */
  push_null(w);
  PyasmExpr *mod = synth(w, PA_E_BUILTIN, call);
  mod->name = "functools";
  PyasmExpr *pfn = synth(w, PA_E_ATTR, call);
  pfn->a = mod;
  pfn->name = "partial";
  gen_expr(w, env, pfn);
  if (!def_value(w, env, def)) {
    release(w, pop(w));
    pop(w);
    return false;
  }
  gen_call_args(w, env, outer, no, 1);
  return true;
}

static void gen_call_stmt(W *w, Env *env, PyasmStmt *s) {
  FnCtx *f = w->f;
  if (s->call_kind == PA_CALL_MACRO || s->kind == PA_S_MACRO_USE) {
    bool value = expand_macro(w, env, s, s->e);
    at_line(w, s->line);
    if (value) {
      if (s->target)
        store_top(w, env, s->target);
    } else if (s->target) {
      push_none(w);
      store_top(w, env, s->target);
    }
    f->vis = f->sp;
    return;
  }
  if (s->call_kind == PA_CALL_PARTIAL && has_late_args(s->e)) {
    if (gen_late_partial(w, env, s))
      store_or_keep(w, env, s->target);
    return;
  }
  if (s->call_kind == PA_CALL_PARTIAL) {
    /* functools.partial(f, args...) */
    PyasmExpr *call = s->e;
    PyasmExpr *mod = synth(w, PA_E_BUILTIN, call);
    mod->name = "functools";
    PyasmExpr *pfn = synth(w, PA_E_ATTR, call);
    pfn->a = mod;
    pfn->name = "partial";
    PyasmExpr *pc = synth(w, PA_E_CALL, call);
    pc->a = pfn;
    pc->nargs = call->nargs + 1;
    pc->args = alloc(w, sizeof(PyasmArg) * pc->nargs);
    pc->args[0].value = call->a;
    if (call->nargs)
      memcpy(pc->args + 1, call->args, sizeof(PyasmArg) * call->nargs);
    gen_expr(w, env, pc);
  } else {
    gen_expr(w, env, s->e);
  }
  store_or_keep(w, env, s->target);
}

/* ---- RAW ------------------------------------------------------------------------------ */

/* RAW OPNAME [arg] is one CPython 3.11 instruction, lowered by the bytecode front end's
 * own per-opcode lowering (fe_lower_one) on this function's simulated stack. Checked
 * here: the opcode (a base opcode of opcodes_311.def that does not branch), its argument
 * read by its kind (a number; a constant; names and locals of this function's pools) and
 * fe_oparg_valid, and the stack depth against the table's stack effect. */

/* The base opcode RAW s names, -1 when none. */
static int raw_opcode(const PyasmStmt *s) {
  if (!s->name)
    return s->n >= 0 && s->n < 256 && fe_op_info[s->n].name ? (int)s->n : -1;
  for (int k = 0; k < 256; k++)
    if (fe_op_info[k].name && !strcmp(fe_op_info[k].name, s->name))
      return k;
  return -1;
}

/* Why RAW refuses opcode op here, NULL when it does not. Jumps are refused by their jump
 * kind; these need what .pyasm code does not have (bytecode to jump in, an exception
 * table, a function's or generator's prologue) or operands only a compiler can promise. */
static const char *raw_refusal(int op, FnKind kind) {
  switch (op) {
  case FE_CACHE:
  case FE_EXTENDED_ARG:
    return "an encoding unit, not an instruction (RAW takes the whole argument)";
  case FE_RESUME: return "every function starts with its own RESUME";
  case FE_RETURN_GENERATOR:
  case FE_YIELD_VALUE: return "a generator needs its prologue: use YIELD";
  case FE_MAKE_FUNCTION: return "it needs a code object: use DEF";
  case FE_MAKE_CELL:
  case FE_COPY_FREE_VARS: return "the function's prologue makes its cells: use DEF f<x>";
  case FE_PUSH_EXC_INFO:
  case FE_POP_EXCEPT:
  case FE_RERAISE:
  case FE_CHECK_EXC_MATCH:
  case FE_CHECK_EG_MATCH:
  case FE_PREP_RERAISE_STAR:
  case FE_WITH_EXCEPT_START:
  case FE_END_ASYNC_FOR:
    return "exception handlers need an exception table, which .pyasm code has none of";
  case FE_LIST_EXTEND:
  case FE_SET_UPDATE:
  case FE_MATCH_KEYS:
  case FE_MATCH_CLASS:
    return "its operands must have types that only CPython's compiler guarantees";
  case FE_LOAD_NAME:
  case FE_STORE_NAME:
  case FE_DELETE_NAME:
  case FE_IMPORT_STAR:
  case FE_SETUP_ANNOTATIONS:
    return kind == FK_FUNC ? "a DEF has no namespace (use LOAD_FAST, STORE_FAST)" : NULL;
  case FE_LOAD_CLASSDEREF: return kind != FK_CLASS ? "only a CLASS body has one" : NULL;
  case FE_RETURN_VALUE: return kind == FK_CLASS ? "a CLASS body cannot return" : NULL;
  default: return NULL;
  }
}

/* The one name of RAW s's argument: a bare name, or for `sigil` also that form of
 * expression ($x, @x, §x); NULL when the argument is something else. */
static const char *raw_name(const PyasmStmt *s, PyasmExprKind sigil, PyasmExprKind sigil2) {
  if (s->nlist == 1)
    return s->list[0]->name;
  if (s->e && (s->e->kind == sigil || s->e->kind == sigil2))
    return s->e->name;
  return NULL;
}

/* RAW s's local variable argument for opcode op (a name, $name, §name or an index) as a
 * localsplus index; -1 after reporting. */
static int raw_local(W *w, Env *env, PyasmStmt *s, const char *opname, int op) {
  FnCtx *f = w->f;
  bool deref = op != FE_LOAD_FAST && op != FE_STORE_FAST && op != FE_DELETE_FAST;
  int i;
  const char *name = raw_name(s, PA_E_LOCAL, PA_E_CELL);
  if (name) {
    name = user_var(w, env, name, s->line, s->col);
    if (f->kind != FK_FUNC && !is_private(name) && !deref) {
      ERR(w, s, "RAW %s outside a DEF: module and class bodies keep '%s' in their namespace "
          "(LOAD_NAME, STORE_NAME)", opname, name);
      return -1;
    }
    i = find_local(f, name);
    if (i < 0 && !deref)
      i = add_local(w, f, name, IR_LOCAL_PLAIN);
  } else if (s->e && s->e->kind == PA_E_INT && !s->e->big) {
    i = s->e->ival >= 0 && s->e->ival < f->nlocals ? (int)s->e->ival : -1;
    if (i < 0 || (f->kind != FK_FUNC && !is_private(f->locals[i]))) {
      ERR(w, s->e, "RAW %s %lld: no such local variable", opname, (long long)s->e->ival);
      return -1;
    }
    name = f->locals[i];
  } else {
    ERR(w, s->list ? s->list[1] : s->e, "RAW %s takes a local variable: a name or an index",
        opname);
    return -1;
  }
  if (deref && !is_cell(f, i)) {
    ERR(w, s, "RAW %s: '%s' is not a cell or free variable here", opname, name);
    return -1;
  }
  if (!deref && is_cell(f, i)) {
    ERR(w, s, "RAW %s: '%s' is a cell variable here (use the _DEREF form)", opname, name);
    return -1;
  }
  return i;
}

/* The tuple constant of RAW KW_NAMES's names, checked against the RAW CALL that must
 * follow (after an optional RAW PRECALL); -1 after reporting. */
static int64_t raw_kw_names(W *w, Env *env, PyasmStmt *s) {
  if (!s->nlist) {
    ERR(w, s, "RAW KW_NAMES takes keyword names: RAW KW_NAMES a, b");
    return -1;
  }
  const PyasmStmt *call = s->next;
  if (call && call->kind == PA_S_RAW && raw_opcode(call) == FE_PRECALL)
    call = call->next;
  PyasmVal n;
  if (!call || call->kind != PA_S_RAW || raw_opcode(call) != FE_CALL || !call->e ||
      !static_value(w, env, call->e, &n, 0) || n.kind != PA_V_INT) {
    ERR(w, s, "RAW KW_NAMES must be followed by RAW CALL n (after RAW PRECALL n, if any)");
    return -1;
  }
  if (n.i < (int64_t)s->nlist) {
    ERR(w, s, "RAW KW_NAMES: %u names for the %lld arguments of the CALL", s->nlist,
        (long long)n.i);
    return -1;
  }
  uint32_t *items = alloc(w, sizeof(uint32_t) * s->nlist);
  for (uint32_t i = 0; i < s->nlist; i++) {
    const char *name = s->list[i]->name;
    for (uint32_t j = 0; j < i; j++)
      if (!strcmp(s->list[j]->name, name)) {
        ERR(w, s->list[i], "keyword argument '%s' repeated", name);
        return -1;
      }
    IrConst c = {.kind = IR_C_STR, .u.str = name, .n = (uint32_t)strlen(name)};
    items[i] = add_const(w, c);
  }
  IrConst t = {.kind = IR_C_TUPLE, .n = s->nlist, .u.items = items, .src_index = -1};
  return ir_add_const(w->f->fn, t);
}

/* RAW s's argument for opcode op, as fe_lower_one takes it; false after reporting. */
static bool raw_arg(W *w, Env *env, PyasmStmt *s, int op, uint32_t *out) {
  const FeOpInfo *oi = &fe_op_info[op];
  PyasmVal v;
  const char *name;
  *out = 0;
  switch (oi->arg) {
  case FE_ARG_NONE: return true;
  case FE_ARG_INT:
  case FE_ARG_CMP:
  case FE_ARG_BINOP:
    if (!s->e || !static_value(w, env, s->e, &v, 0) || v.kind != PA_V_INT) {
      ERR(w, s->list ? s->list[0] : s->e, "RAW %s takes a number", oi->name);
      return false;
    }
    /* beyond 2^24 no count fits a stack, and stack effects stay within int */
    if (v.i < 0 || v.i > 0xffffff || !fe_oparg_valid(op, (uint32_t)v.i)) {
      ERR(w, s->e, "RAW %s: invalid argument %lld", oi->name, (long long)v.i);
      return false;
    }
    *out = (uint32_t)v.i;
    return true;
  case FE_ARG_CONST:
    if (op == FE_KW_NAMES) {
      int64_t k = raw_kw_names(w, env, s);
      *out = (uint32_t)k;
      return k >= 0;
    }
    if (!s->e || !static_value(w, env, s->e, &v, 0)) {
      ERR(w, s->list ? s->list[0] : s->e,
          "RAW %s takes a constant (a literal or a static OP)", oi->name);
      return false;
    }
    *out = add_const(w, val_const(&v));
    return true;
  case FE_ARG_NAME:
  case FE_ARG_GLOBAL:
    name = raw_name(s, oi->arg == FE_ARG_GLOBAL ? PA_E_GLOBAL : PA_E_MACRO_NAME,
                    PA_E_MACRO_NAME);
    if (!name) {
      ERR(w, s->list ? s->list[1] : s->e, "RAW %s takes a name", oi->name);
      return false;
    }
    *out = name_index(w, name) << (oi->arg == FE_ARG_GLOBAL);
    return true;
  case FE_ARG_LOCAL: {
    int i = raw_local(w, env, s, oi->name, op);
    *out = (uint32_t)i;
    return i >= 0;
  }
  default: /* jumps: refused before */
    return false;
  }
}

static void raw_fstate(void *data, IrRef instr, const IrRef *stack, uint32_t n) {
  W *w = data;
  add_pending(w->f, instr, stack, n, w);
}

/* The deepest stack a RAW instruction may leave (UNPACK_SEQUENCE n pushes n values). */
#define PYASM_RAW_MAX_DEPTH 65536

static void gen_raw(W *w, Env *env, PyasmStmt *s) {
  FnCtx *f = w->f;
  int op = raw_opcode(s);
  if (op < 0) {
    if (s->name)
      ERR(w, s, "RAW: unknown CPython 3.11 opcode '%s'", s->name);
    else
      ERR(w, s, "RAW: %lld is not a CPython 3.11 opcode", (long long)s->n);
    return;
  }
  const FeOpInfo *oi = &fe_op_info[op];
  const char *why = w->inl && op == FE_RETURN_VALUE
                        ? "pyllc.asm() code cannot return from the function it is in"
                        : raw_refusal(op, f->kind);
  if (!oi->is_base) {
    ERR(w, s, "RAW: %s is a specialised form of %s: give the base opcode", oi->name,
        fe_op_info[oi->base].name);
    return;
  }
  if (oi->arg == FE_ARG_NONE && s->has_arg) {
    ERR(w, s, "RAW: %s takes no argument", oi->name);
    return;
  }
  if (oi->arg != FE_ARG_NONE && !s->has_arg) {
    ERR(w, s, "RAW: %s needs an argument", oi->name);
    return;
  }
  if (oi->jump == FE_J_COND || oi->jump == FE_J_ALWAYS) {
    ERR(w, s, "RAW %s: a jump cannot be a RAW instruction (use JUMP, IF, WHILE or FOREACH)",
        oi->name);
    return;
  }
  if (why) {
    ERR(w, s, "RAW %s: %s", oi->name, why);
    return;
  }
  uint32_t arg;
  if (!raw_arg(w, env, s, op, &arg))
    return;
  int pops, pushes, pj;
  fe_stack_effect(op, arg, &pops, &pushes, &pj);
  uint32_t avail = f->vis - f->floor;
  if ((uint32_t)pops > avail) {
    ERR(w, s, "stack underflow: RAW %s needs %d value%s, %u on the stack", oi->name, pops,
        pops == 1 ? "" : "s", avail);
    return;
  }
  if (f->sp - (uint32_t)pops + (uint32_t)pushes > PYASM_RAW_MAX_DEPTH) {
    ERR(w, s, "RAW %s: more than %d values on the stack", oi->name, PYASM_RAW_MAX_DEPTH);
    return;
  }
  if (op == FE_RETURN_VALUE) { /* as RETURN: the rest of the stack is released first */
    IrRef v = pop(w);
    while (f->sp)
      release(w, pop(w));
    push(w, v);
  }
  while (f->cap < f->sp + (uint32_t)pushes + 1) {
    f->cap *= 2;
    f->stack = realloc(f->stack, sizeof(IrRef) * f->cap);
    if (!f->stack)
      PYLLC_DIE("out of memory");
  }
  FeLower l = {.fn = f->fn, .cur = cur(w), .stack = f->stack, .sp = f->sp,
               .line = w->line, .fs_offset = -1, .fs_start = -1, .on_fstate = raw_fstate, .data = w,
               .kwnames = op == FE_CALL ? f->raw_kwnames : -1, .true_const = UINT32_MAX};
  l.pre = alloc(w, sizeof(IrRef) * (f->sp ? f->sp : 1));
  memcpy(l.pre, f->stack, sizeof(IrRef) * f->sp);
  l.pre_sp = f->sp;
  fe_lower_one(&l, op, arg, 0);
  f->sp = f->vis = l.sp;
  if (f->sp > f->maxsp)
    f->maxsp = f->sp;
  if (op == FE_KW_NAMES)
    f->raw_kwnames = l.kwnames;
  else if (op != FE_PRECALL)
    f->raw_kwnames = -1;
  if (f->fn->blocks[l.cur].term != IR_NOREF) /* RETURN_VALUE, RAISE_VARARGS */
    f->cur = IR_NOREF;
}

/* Why pyllc.asm() code cannot have statement s (it runs in the middle of a Python
 * function, in place), NULL when it can. */
static const char *inline_refusal(const PyasmStmt *s) {
  switch (s->kind) {
  case PA_S_RETURN: return "it cannot return from the function it is in";
  case PA_S_YIELD: return "it cannot make the function it is in a generator";
  case PA_S_DEF:
  case PA_S_CLASS: return "define functions and classes in Python";
  case PA_S_PYTHON: return "write the Python code outside pyllc.asm()";
  default: return NULL;
  }
}

static void stmt(W *w, Env *env, PyasmStmt *s) {
  FnCtx *f = w->f;
  at_line(w, s->line);
  PyasmVal v;
  const char *why = w->inl ? inline_refusal(s) : NULL;
  if (why) {
    ERR(w, s, "%s in pyllc.asm() code: %s", pyasm_stmt_names[s->kind], why);
    return;
  }
  switch (s->kind) {
  case PA_S_LOAD_CONST:
    if (!static_value(w, env, s->e, &v, 0)) {
      ERR(w, s->e, "LOAD_CONST needs a constant");
      return;
    }
    /* fall through */
  case PA_S_LOAD:
    gen_expr(w, env, s->e);
    store_or_keep(w, env, s->target);
    return;
  case PA_S_LOAD_FAST:
  case PA_S_LOAD_GLOBAL: {
    if (s->kind == PA_S_LOAD_GLOBAL) {
      push(w, emit0(w, IR_LOAD_GLOBAL, name_index(w, s->name)));
    } else if (!s->name) {
      if (f->kind != FK_FUNC || s->n >= f->nlocals) {
        ERR(w, s, "LOAD_FAST %lld: no such local variable", (long long)s->n);
        return;
      }
      push(w, emit0(w, IR_LOAD_LOCAL, s->n));
    } else {
      load_var(w, user_var(w, env, s->name, s->line, s->col));
    }
    store_or_keep(w, env, s->target);
    return;
  }
  case PA_S_STORE:
  case PA_S_STORE_FAST:
  case PA_S_STORE_GLOBAL:
    if (!operand_or_top(w, env, s, false))
      return;
    if (s->kind == PA_S_STORE) {
      store_top(w, env, s->target);
    } else if (s->kind == PA_S_STORE_GLOBAL) {
      apply(w, IR_STORE_GLOBAL, 1, name_index(w, s->name), 0);
    } else if (!s->name) {
      if (f->kind != FK_FUNC || s->n >= f->nlocals) {
        ERR(w, s, "STORE_FAST %lld: no such local variable", (long long)s->n);
        release(w, pop(w));
      } else {
        apply(w, IR_STORE_LOCAL, 1, s->n, 0);
      }
    } else {
      store_var(w, user_var(w, env, s->name, s->line, s->col));
    }
    f->vis = f->sp;
    return;
  case PA_S_POP:
    if ((uint64_t)s->n > f->vis - f->floor) {
      ERR(w, s, "stack underflow: POP %lld with %u value%s on the stack", (long long)s->n,
          f->vis - f->floor, f->vis - f->floor == 1 ? "" : "s");
      return;
    }
    for (int64_t i = 0; i < s->n; i++)
      release(w, pop(w));
    f->vis = f->sp;
    return;
  case PA_S_RETURN:
    gen_return(w, env, s);
    return;
  case PA_S_YIELD:
    gen_yield(w, env, s);
    return;
  case PA_S_RAISE:
    if (!operand_or_top(w, env, s, false))
      return;
    emit_raise(w);
    return;
  case PA_S_RAW:
    gen_raw(w, env, s);
    return;
  case PA_S_CALL:
  case PA_S_MACRO_USE:
    gen_call_stmt(w, env, s);
    return;
  case PA_S_OP:
  {
    PyasmExpr pos = {.line = s->line, .col = s->col};
    gen_op(w, env, s->op, &pos);
  }
    store_or_keep(w, env, s->target);
    return;
  case PA_S_IF: gen_if(w, env, s); return;
  case PA_S_WHILE: gen_while(w, env, s); return;
  case PA_S_FOREACH: gen_foreach(w, env, s); return;
  case PA_S_LABEL: {
    Join *j = find_label_in(w->scope, s->name);
    check_label(w, s);
    if (j && j->def == s)
      place_join(w, j, s->line, s->col);
    return;
  }
  case PA_S_JUMP: gen_jump(w, env, s); return;
  case PA_S_DEF: gen_def(w, env, s); return;
  case PA_S_CLASS: gen_class(w, env, s); return;
  case PA_S_PYTHON: gen_python(w, env, s); return;
  case PA_S_ASSERT: gen_assert(w, env, s); return;
  case PA_S_ASSERT_STATIC: gen_assert_static(w, env, s); return;
  case PA_S_NAMESPACE: {
    Env ne = *env;
    size_t a = strlen(ne.ns), b = strlen(s->name);
    char *ns = alloc(w, a + b + 2);
    snprintf(ns, a + b + 2, "%s%s%s", ne.ns, a ? ":" : "", s->name);
    ne.ns = ns;
    stmts(w, &ne, s->body);
    return;
  }
  case PA_S_MACRO:
  case PA_S_MACRO_IMPORT:
    return; /* collected beforehand */
  case PA_S_MACRO_PASTE: gen_macro_paste(w, env, s); return;
  case PA_S_MACRO_RETURN: gen_macro_return(w, env, s); return;
  case PA_S__COUNT: return;
  }
}

/* Whether a statement defines a label, so that unreachable code before it may become
 * reachable again there. */
static bool has_label(PyasmStmt *s, int depth) {
  if (depth > PYASM_MAX_NESTING)
    return false;
  switch (s->kind) {
  case PA_S_LABEL: return true;
  case PA_S_IF: case PA_S_WHILE: case PA_S_FOREACH: case PA_S_NAMESPACE:
    if (s->name && s->kind != PA_S_NAMESPACE)
      return true;
    for (PyasmStmt *b = s->body; b; b = b->next)
      if (has_label(b, depth + 1))
        return true;
    for (PyasmStmt *b = s->orelse; b; b = b->next)
      if (has_label(b, depth + 1))
        return true;
    return false;
  default: return false;
  }
}

/* Statements in order. Unreachable ones (after RETURN, RAISE, an unconditional JUMP) are
 * skipped up to one that defines a label; there the stack restarts at the floor. */
static void stmts(W *w, Env *env, PyasmStmt *list) {
  if (++w->depth > PYASM_MAX_NESTING * 4) {
    if (list)
      ERR(w, list, "statements nested too deeply");
    w->depth--;
    return;
  }
  Env *saved = w->env;
  w->env = env;
  for (PyasmStmt *s = list; s && !w->too_big; s = s->next) {
    FnCtx *f = w->f;
    if (++w->nstmts > PYASM_MAX_STMTS) {
      ERR(w, s, "more than %d statements after macro expansion: the program is too large",
          PYASM_MAX_STMTS);
      w->too_big = true;
      break;
    }
    if (f->cur == IR_NOREF) {
      if (!has_label(s, 0))
        continue;
      f->sp = f->vis = f->floor;
    }
    stmt(w, env, s);
  }
  w->env = saved;
  w->depth--;
}

/* ---- functions ------------------------------------------------------------------------ */

static void begin_function(W *w, FnCtx *f, FnKind kind, IrFunc *fn, FnCtx *parent) {
  memset(f, 0, sizeof *f);
  f->parent = parent;
  f->kind = kind;
  f->fn = fn;
  f->cur = ir_new_block(fn);
  f->builtins_slot = -1;
  f->raw_kwnames = -1;
  f->cap = 16;
  f->stack = malloc(sizeof(IrRef) * f->cap); /* never NULL: memcpy from it is defined */
  if (!f->stack)
    PYLLC_DIE("out of memory");
  w->f = f;
}

/* The NULL of the call protocol can reach a release through a phi (a short-circuit OP
 * inside call arguments): a decref of a value that may be NULL becomes an xdecref, and
 * one of a plain NULL goes. */
static void fix_null_decrefs(IrFunc *fn) {
  bool *maybe = calloc(fn->ninstrs ? fn->ninstrs : 1, sizeof *maybe);
  if (!maybe)
    PYLLC_DIE("out of memory");
  for (IrRef r = 0; r < fn->ninstrs; r++)
    maybe[r] = !fn->instrs[r].dead && fn->instrs[r].op == IR_NULLOBJ;
  for (bool changed = true; changed;) {
    changed = false;
    for (IrRef r = 0; r < fn->ninstrs; r++) {
      IrInstr *in = &fn->instrs[r];
      if (in->dead || in->op != IR_PHI || maybe[r])
        continue;
      for (uint32_t k = 0; k < in->nargs; k++)
        if (in->args[k] < fn->ninstrs && maybe[in->args[k]]) {
          maybe[r] = changed = true;
          break;
        }
    }
  }
  for (IrRef r = 0; r < fn->ninstrs; r++) {
    IrInstr *in = &fn->instrs[r];
    if (in->dead || in->op != IR_DECREF || !maybe[in->args[0]])
      continue;
    if (fn->instrs[in->args[0]].op == IR_NULLOBJ)
      ir_remove(fn, r);
    else
      in->op = IR_XDECREF;
  }
  free(maybe);
}

/* Orders localsplus (plain, cells, free), renumbers local immediates, fills the phis and
 * builds the frame states. */
/* A generator is entered through bb0's dispatch: a fresh frame at its start, a resumed
 * one at the landing of the suspension it left at. With no bytecode, the landing's key
 * is what the frame's prev_instr says on resumption: the unit after the suspension's. */
static void make_dispatch(FnCtx *f) {
  IrFunc *fn = f->fn;
  IrBlockId *succ = calloc(f->nlandings + 1, sizeof *succ);
  if (!succ)
    PYLLC_DIE("out of memory");
  succ[0] = f->start;
  for (uint32_t i = 0; i < f->nlandings; i++) {
    IrInstr *s = &fn->instrs[f->suspends[i]];
    fn->blocks[f->landings[i]].bc_offset = fn->fstates[s->fs].bc_offset + 2;
    succ[i + 1] = f->landings[i];
  }
  IrRef t = ir_emit(fn, 0, IR_DISPATCH, NULL, 0);
  ir_set_succ(fn, t, succ, f->nlandings + 1);
  free(succ);
}

/* The phis of every join, one operand per edge into it. */
static void fill_phis(FnCtx *f) {
  IrFunc *fn = f->fn;
  for (Join *j = f->joins; j; j = j->next) {
    if (j->depth <= 0)
      continue;
    for (int s = 0; s < j->depth; s++) {
      IrInstr *in = &fn->instrs[j->phis[s]];
      in->nargs = j->nedges;
      in->args = IR_NEW_ARRAY(fn->arena, IrRef, j->nedges ? j->nedges : 1);
      in->phi_from = IR_NEW_ARRAY(fn->arena, IrBlockId, j->nedges ? j->nedges : 1);
      for (uint32_t e = 0; e < j->nedges; e++) {
        in->args[e] = j->edges[e].vals[s];
        in->phi_from[e] = j->edges[e].from;
      }
    }
  }
}

static void free_fnctx(FnCtx *f);

static void finish_function(W *w, FnCtx *f) {
  IrFunc *fn = f->fn;
  for (uint32_t i = 0; i < f->npysites; i++)
    python_writeback(w, f, &f->pysites[i]);
  if (f->builtins_slot >= 0)
    init_builtins(w, f); /* before the renumbering: its store_local uses the old index */
  uint32_t n = f->nlocals;
  uint32_t *map = alloc(w, sizeof(uint32_t) * (n ? n : 1));
  uint32_t k = 0;
  /* plain locals (parameters are first already), then cells, then free variables */
  for (int pass = 0; pass < 3; pass++)
    for (uint32_t i = 0; i < n; i++) {
      uint8_t kind = f->kinds[i];
      int cls = (kind & IR_LOCAL_FREE) ? 2 : (kind & IR_LOCAL_PLAIN) ? 0
                : (kind & IR_LOCAL_CELL) ? 1 : 0;
      if (cls == pass)
        map[i] = k++;
    }
  /* parameters must keep their slots: they are plain and first, so the map keeps them */
  fn->nlocalsplus = n;
  fn->localnames = IR_NEW_ARRAY(fn->arena, const char *, n ? n : 1);
  fn->localkinds = IR_NEW_ARRAY(fn->arena, uint8_t, n ? n : 1);
  for (uint32_t i = 0; i < n; i++) {
    fn->localnames[map[i]] = f->locals[i];
    uint8_t kind = f->kinds[i];
    if (kind & IR_LOCAL_FREE)
      kind = IR_LOCAL_FREE;
    else if (kind & IR_LOCAL_CELL)
      kind = (uint8_t)(kind & (IR_LOCAL_PLAIN | IR_LOCAL_CELL));
    else
      kind = IR_LOCAL_PLAIN;
    fn->localkinds[map[i]] = kind;
  }
  for (IrRef r = 0; r < fn->ninstrs; r++) {
    IrInstr *in = &fn->instrs[r];
    if (ir_op_info[in->op].imm[0] == IR_IMM_LOCAL && in->imm[0] >= 0 && in->imm[0] < n)
      in->imm[0] = map[in->imm[0]];
  }
  /* prologue: make_cell for cells, copy_free_vars for free variables, before RESUME */
  uint32_t nfree = 0;
  for (uint32_t i = 0; i < n; i++)
    if (fn->localkinds[i] & IR_LOCAL_FREE)
      nfree++;
  uint32_t pos = 0;
  if (nfree) {
    IrRef r = ir_insert(fn, f->start, pos++, IR_COPY_FREE_VARS, NULL, 0);
    fn->instrs[r].imm[0] = nfree;
    fn->instrs[r].line = fn->firstlineno;
  }
  for (uint32_t i = 0; i < n; i++)
    if ((fn->localkinds[i] & IR_LOCAL_CELL) && !(fn->localkinds[i] & IR_LOCAL_FREE)) {
      IrRef r = ir_insert(fn, f->start, pos++, IR_MAKE_CELL, NULL, 0);
      fn->instrs[r].imm[0] = i;
      fn->instrs[r].line = fn->firstlineno;
      add_pending(f, r, NULL, 0, w);
    }
  fill_phis(f);
  /* frame states */
  for (uint32_t i = 0; i < f->npending; i++) {
    Pending *p = &f->pending[i];
    uint32_t fs = ir_new_fstate(fn, -1, p->nstack);
    for (uint32_t s = 0; s < p->nstack; s++)
      fn->fstates[fs].vals[fn->nlocalsplus + s] = p->stack[s];
    ir_attach_fstate(fn, p->instr, fs);
  }
  ir_remove_trivial_phis(fn); /* macro returns and loops that leave the stack alone */
  fix_null_decrefs(fn);
  /* There is no bytecode: frame state k, in layout order, gets code unit k (offset 2k).
   * A code object for this function holds one instruction per frame state (RESUME where
   * the resume is, NOPs elsewhere), its line table giving each the line of its IR
   * instruction: tracebacks and f_lineno then come out right. */
  uint32_t unit = 0;
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    IrBlock *bb = &fn->blocks[b];
    for (uint32_t i = 0; i <= bb->ninstrs; i++) {
      IrRef r = i < bb->ninstrs ? bb->instrs[i] : bb->term;
      if (r != IR_NOREF && fn->instrs[r].fs != IR_NOREF) {
        IrFrameState *fs = &fn->fstates[fn->instrs[r].fs];
        fs->bc_offset = fs->bc_start = (int32_t)(2 * unit++);
      }
    }
  }
  if (f->generator)
    make_dispatch(f);
  /* every block ends with a terminator */
  for (IrBlockId b = 0; b < fn->nblocks; b++)
    if (fn->blocks[b].term == IR_NOREF)
      ir_emit(fn, b, IR_UNREACHABLE, NULL, 0);
  fn->stacksize = f->maxsp;
  free_fnctx(f);
}

/* The walk's own memory of a function (not its IR). */
static void free_fnctx(FnCtx *f) {
  free(f->stack);
  free(f->ctab);
  free(f->local_map.slots);
  free(f->iterpos);
  free(f->name_map.slots);
  free(f->locals);
  free(f->kinds);
  free(f->pending);
  free(f->landings);
  free(f->suspends);
  free(f->pysites);
}

/* ---- pyllc.asm() spliced into a bytecode function ------------------------------------- */

/* The code of one pyllc.asm() call site. */
typedef struct SpliceCode {
  PyasmStmt *prog;
  PyasmMacros tab;     /* its own macros, as when it runs by itself */
  int line;
  uint32_t depth;      /* Python stack depth below the call */
} SpliceCode;

/* All the pyllc.asm() code of one function: one walk, one label scope (a JUMP may go to
 * a label of another call site), frame states made at the end. */
struct PyasmSplicer {
  PyasmCtx cx;
  IrFunc *fn;          /* the function the code goes into */
  SpliceCode *codes;
  uint32_t n;
  PyasmInline inl;     /* the checks of inline code: its variables, no RETURN, ... */
  W w;
  FnCtx f;
  LabelScope top;
  IrModule *aux;       /* the dry run's function, and the module new_function needs */
};

/* The walk's function: fn with its own localsplus (fixed) and names, and the labels of
 * every site. */
static void splice_enter(PyasmSplicer *s, IrFunc *fn) {
  W *w = &s->w;
  FnCtx *f = &s->f;
  memset(f, 0, sizeof *f); /* as begin_function, without a block of its own */
  f->kind = FK_FUNC;
  f->fn = fn;
  f->cur = IR_NOREF;
  f->builtins_slot = -1;
  f->raw_kwnames = -1;
  f->cap = 16;
  f->stack = malloc(sizeof(IrRef) * f->cap);
  if (!f->stack)
    PYLLC_DIE("out of memory");
  w->f = f;
  f->qualname = fn->qualname;
  for (uint32_t i = 0; i < fn->nlocalsplus; i++)
    add_local(w, f, fn->localnames[i], fn->localkinds[i]);
  for (uint32_t i = 0; i < fn->nnames; i++)
    strmap_add(&f->name_map, fn->names, i);
  f->splice = true;
  memset(&s->top, 0, sizeof s->top);
  w->scope = &s->top;
  for (uint32_t k = 0; k < s->n; k++)
    scan_scope(w, &s->top, s->codes[k].prog);
}

void pyasm_splice_at(PyasmSplicer *s, uint32_t k, IrBlockId *cur, IrRef *stack, uint32_t sp,
                     int32_t fs_offset, IrBlockId handler) {
  W *w = &s->w;
  FnCtx *f = &s->f;
  w->tab = &s->codes[k].tab;
  w->site_offset = fs_offset;
  w->site_handler = handler;
  w->site_depth = sp;
  w->line = s->codes[k].line;
  f->cur = *cur;
  f->sp = 0;
  for (uint32_t i = 0; i < sp; i++)
    push(w, stack[i]);
  f->vis = f->floor = sp; /* the Python stack is out of the code's reach */
  f->nloops = 0;
  Env env = {.ns = "", .file = s->cx.filename};
  stmts(w, &env, s->codes[k].prog);
  *cur = f->cur;
  if (f->cur == IR_NOREF)
    return;
  while (f->sp > sp) /* what the code leaves on the stack, as when it runs by itself */
    release(w, pop(w));
  memcpy(stack, f->stack, sizeof(IrRef) * sp);
}

/* After the function: the phis of the joins, the frame states (the call's offset and
 * handler; leaving releases what the code pushed). False after errors. */
static bool splice_finish(PyasmSplicer *s) {
  W *w = &s->w;
  FnCtx *f = &s->f;
  IrFunc *fn = f->fn;
  for (Join *j = f->joins; j; j = j->next) {
    if (j->block == IR_NOREF || j->placed)
      continue;
    if (j->name && j->nedges)
      pyasm_error(&s->cx, j->line, j->col,
                  "label '%s' is in pyllc.asm() code that never runs, but a JUMP goes there",
                  j->name);
    if (fn->blocks[j->block].term == IR_NOREF)
      ir_emit(fn, j->block, IR_UNREACHABLE, NULL, 0);
  }
  fill_phis(f);
  for (uint32_t i = 0; i < f->npending; i++) {
    Pending *p = &f->pending[i];
    uint32_t fs = ir_new_fstate(fn, p->offset, p->nstack);
    fn->fstates[fs].handler = p->handler;
    fn->fstates[fs].nframe = p->nframe < p->nstack ? p->nframe : p->nstack;
    for (uint32_t k = 0; k < p->nstack; k++)
      fn->fstates[fs].vals[fn->nlocalsplus + k] = p->stack[k];
    ir_attach_fstate(fn, p->instr, fs);
  }
  free_fnctx(f);
  memset(f, 0, sizeof *f);
  (void)w;
  return s->cx.nerrors == 0;
}

/* The whole walk on a scratch copy of fn's frame layout, every site in code order: the
 * errors, and whether the code needs what the function cannot give it (w->cant). */
static void splice_dry_run(PyasmSplicer *s) {
  IrFunc *fn = s->fn, *dry = ir_new_func(s->aux, fn->name);
  dry->qualname = fn->qualname;
  dry->nlocalsplus = fn->nlocalsplus;
  dry->localnames = fn->localnames;
  dry->localkinds = fn->localkinds;
  for (uint32_t i = 0; i < fn->nnames; i++)
    ir_add_name(dry, fn->names[i]);
  splice_enter(s, dry);
  for (uint32_t k = 0; k < s->n && !s->cx.nerrors; k++) {
    IrBlockId b = ir_new_block(dry);
    uint32_t depth = s->codes[k].depth;
    IrRef *base = ir_arena_alloc(s->cx.arena, sizeof(IrRef) * (depth ? depth : 1));
    for (uint32_t i = 0; i < depth; i++)
      base[i] = ir_emit(dry, b, IR_NULLOBJ, NULL, 0);
    pyasm_splice_at(s, k, &b, base, depth, 0, IR_NOREF);
  }
  splice_finish(s);
}

/* The text of one site where it is in the file (padded with newlines and spaces), so
 * that positions are the file's. */
static char *padded_text(PyasmCtx *cx, const char *text, size_t len, int line, int col) {
  size_t lines = line > 1 ? (size_t)line - 1 : 0;
  size_t cols = col > 1 ? (size_t)col - 1 : 0;
  cx->len = lines + cols + len;
  char *t = ir_arena_alloc(cx->arena, cx->len + 1);
  memset(t, '\n', lines);
  memset(t + lines, ' ', cols);
  memcpy(t + lines + cols, text, len);
  t[cx->len] = 0;
  return t;
}

/* A diagnostic of the dry run, as a warning of the compilation: the code stays a call,
 * which raises its SyntaxError when it runs (if the callee is pyllc.asm at all). */
static void forward_as_warning(void *data, const PyllcDiagInfo *info) {
  PyllcSeverity sev = info->severity == PYLLC_ERROR ? PYLLC_WARNING : info->severity;
  pyllc_diag_report(data, sev, info->file, info->line, info->col, "%s", info->message);
}

PyasmSplicer *pyasm_splice_begin(PyllcDiag *d, IrFunc *fn, const char *filename,
                                 const FeAsmSite *sites, uint32_t n, const PyasmOptions *opts,
                                 bool *failed, const char **why) {
  PyasmSplicer *s = calloc(1, sizeof *s);
  if (!s)
    PYLLC_DIE("out of memory");
  PyllcDiag *dry = pyllc_diag_new(NULL);
  pyllc_diag_set_sink(dry, forward_as_warning, d);
  s->cx = (PyasmCtx){.arena = ir_arena_new(), .diag = dry, .filename = filename, .opts = opts};
  s->fn = fn;
  s->n = n;
  s->codes = ir_arena_alloc(s->cx.arena, sizeof *s->codes * (n ? n : 1));
  s->aux = ir_new_module(filename);
  for (uint32_t k = 0; k < n; k++) {
    PyasmCtx *cx = &s->cx;
    cx->text = padded_text(cx, sites[k].text, sites[k].len, sites[k].line, sites[k].col);
    cx->defer = true; /* the tokenizer runs ahead: sort its errors in with the parser's */
    uint32_t ntoks;
    PyasmTok *toks = pyasm_tokenize(cx, &ntoks);
    SpliceCode *c = &s->codes[k];
    c->prog = pyasm_parse(cx, toks, ntoks);
    pyasm_flush(cx);
    memset(&c->tab, 0, sizeof c->tab);
    pyasm_collect_macros(cx, c->prog, &c->tab);
    c->line = sites[k].line;
    c->depth = sites[k].depth;
  }
  s->inl = (PyasmInline){.filename = filename};
  s->w = (W){.cx = &s->cx, .root_file = filename, .inl = &s->inl, .site_handler = IR_NOREF};
  s->w.m = s->aux;
  s->cx.on_error = expansion_notes;
  s->cx.on_error_data = &s->w;
  if (!s->cx.nerrors)
    splice_dry_run(s);
  s->cx.diag = d;
  *failed = false;
  *why = s->cx.nerrors ? "its code has errors" : s->w.cant;
  if (s->cx.nerrors)
    pyllc_diag_report(d, PYLLC_NOTE, filename, sites[0].line, sites[0].col,
                      "the pyllc.asm() calls of %s stay calls: the code raises SyntaxError "
                      "when it runs", fn->qualname ? fn->qualname : fn->name);
  pyllc_diag_free(dry);
  if (*why) {
    pyasm_splice_free(s);
    return NULL;
  }
  s->cx.nerrors = 0;
  s->w.nexpansions = s->w.nstmts = 0; /* the budgets count the real walk */
  splice_enter(s, fn);
  return s;
}

bool pyasm_splice_end(PyasmSplicer *s) {
  bool ok = splice_finish(s);
  pyasm_splice_free(s);
  return ok;
}

void pyasm_splice_free(PyasmSplicer *s) {
  if (!s)
    return;
  if (s->f.stack)
    free_fnctx(&s->f);
  ir_free_module(s->aux);
  ir_arena_free(s->cx.arena);
  free(s);
}

/* ---- entry points --------------------------------------------------------------------- */

/* pyllc.asm() code as the function `<pyllc.asm>(d)` (see pyasm_compile_inline): the
 * Python function's variables from dict d, the code, then `return locals()`. */
static void lower_inline(W *w, PyasmStmt *prog) {
  const PyasmInline *in = w->inl;
  IrFunc *fn = new_function(w, "<pyllc.asm>", "<pyllc.asm>", in->line);
  FnCtx *fc = calloc(1, sizeof *fc);
  if (!fc)
    PYLLC_DIE("out of memory");
  begin_function(w, fc, FK_FUNC, fn, NULL);
  fc->qualname = fn->qualname;
  fn->flags = CO_OPTIMIZED | CO_NEWLOCALS;
  int dict = add_local(w, fc, "__pyasm_dict", IR_LOCAL_PLAIN);
  fn->argcount = 1;
  for (uint32_t i = 0; i < in->nnames; i++)
    add_local(w, fc, in->names[i], in->cells[i] ? IR_LOCAL_CELL : IR_LOCAL_PLAIN);
  LabelScope top = {0};
  w->scope = &top;
  scan_scope(w, &top, prog);
  w->line = in->line;
  emit0(w, IR_RESUME, 0);
  copy_from_dict(w, fc, dict, fc->nlocals, in->line, false);
  Env env = {.ns = "", .file = w->cx->filename};
  stmts(w, &env, prog);
  if (fc->cur != IR_NOREF) {
    while (fc->sp)
      release(w, pop(w));
    PyasmExpr at = {.line = in->line, .col = in->col};
    gen_builtin_call(w, NULL, "locals", NULL, 0, &at);
    IrRef v = pop(w);
    emit(w, IR_RET, &v, 1);
  }
  finish_function(w, fc);
  free(fc);
}

/* The walk of a module (or, with `inl`, of pyllc.asm() code). */
static int sema_walk(PyasmCtx *cx, PyasmStmt *prog, PyasmMacros *tab,
                     const PyasmInline *inl, IrModule **out) {
  int before = cx->nerrors;
  W w = {.cx = cx, .tab = tab, .root_file = cx->filename, .inl = inl};
  cx->on_error = expansion_notes;
  cx->on_error_data = &w;
  w.m = ir_new_module(cx->filename);
  FnCtx mod;
  IrFunc *fn = new_function(&w, "<module>", "<module>", 1);
  begin_function(&w, &mod, FK_MODULE, fn, NULL);
  mod.qualname = NULL;
  LabelScope top = {0};
  w.scope = &top;
  w.line = 1;
  emit0(&w, IR_RESUME, 0);
  if (!inl) {
    scan_scope(&w, &top, prog);
    Env env = {.ns = "", .file = cx->filename};
    stmts(&w, &env, prog);
  }
  return_none_at_end(&w);
  finish_function(&w, &mod);
  if (inl)
    lower_inline(&w, prog);
  cx->on_error = NULL;
  int errs = cx->nerrors - before;
  if (out && !errs)
    *out = w.m;
  else
    ir_free_module(w.m);
  return errs;
}

int pyasm_sema(PyasmCtx *cx, PyasmStmt *prog, PyasmMacros *tab, IrModule **out) {
  return sema_walk(cx, prog, tab, NULL, out);
}

/* Tokens, tree, macros, then the walk, for the text in cx. */
static IrModule *compile_text(PyasmCtx *cx, const PyasmInline *inl) {
  uint32_t ntoks;
  cx->defer = true; /* the tokenizer runs ahead: sort its errors in with the parser's */
  PyasmTok *toks = pyasm_tokenize(cx, &ntoks);
  PyasmStmt *prog = pyasm_parse(cx, toks, ntoks);
  pyasm_flush(cx);
  PyasmMacros tab = {0};
  pyasm_collect_macros(cx, prog, &tab);
  IrModule *m = NULL;
  if (!cx->nerrors)
    sema_walk(cx, prog, &tab, inl, &m);
  return cx->nerrors ? NULL : m;
}

IrModule *pyasm_compile(PyllcDiag *d, const char *filename, const char *text, size_t len) {
  return pyasm_compile_ex(d, filename, text, len, NULL);
}

IrModule *pyasm_compile_ex(PyllcDiag *d, const char *filename, const char *text, size_t len,
                           const PyasmOptions *opts) {
  PyasmCtx cx = {.arena = ir_arena_new(), .diag = d, .filename = filename, .len = len,
                 .opts = opts};
  cx.text = pyasm_strndup(&cx, text, len);
  pyllc_diag_add_source(d, filename, cx.text, len);
  IrModule *m = compile_text(&cx, NULL);
  /* the diagnostics engine keeps the text for the CLI's messages: give it the caller's */
  pyllc_diag_add_source(d, filename, text, len);
  ir_arena_free(cx.arena);
  return m;
}

IrModule *pyasm_compile_inline(PyllcDiag *d, const PyasmInline *in, const PyasmOptions *opts) {
  PyasmCtx cx = {.arena = ir_arena_new(), .diag = d, .filename = in->filename, .opts = opts};
  cx.text = padded_text(&cx, in->text, in->len, in->line, in->col);
  if (in->file_text) /* the diagnostics engine borrows it: not cx.text, freed below */
    pyllc_diag_add_source(d, in->filename, in->file_text, in->file_len);
  IrModule *m = compile_text(&cx, in);
  ir_arena_free(cx.arena);
  return m;
}
