/* ir_build.c - lifetime of modules and functions, the builder, pools, frame states.
 *
 * Memory: each function owns an arena (operand lists, successor lists, frame-state
 * slots, strings, derived data) and a few heap arrays that grow (instrs, blocks, the
 * per-block instruction lists, the pools). ir_free_func releases all of it in one call.
 * IrInstr pointers are invalidated by any emit (fn->instrs may move): keep IrRefs.
 */
#include <stdlib.h>
#include <string.h>

#include "ir_internal.h"
#include "pyllc/support.h"

/* ---- lifetime ------------------------------------------------------------------- */

IrModule *ir_new_module(const char *filename) {
  IrModule *m = calloc(1, sizeof *m);
  if (!m)
    PYLLC_DIE("out of memory");
  m->arena = ir_arena_new();
  if (filename)
    m->filename = ir_strdup(m->arena, filename, strlen(filename));
  return m;
}

void ir_free_module(IrModule *m) {
  if (!m)
    return;
  for (uint32_t i = 0; i < m->nfuncs; i++) {
    if (m->funcs[i]) {
      m->funcs[i]->module = NULL; /* so that ir_free_func does not write into m */
      ir_free_func(m->funcs[i]);
    }
  }
  free(m->funcs);
  ir_arena_free(m->arena);
  free(m);
}

IrFunc *ir_new_func(IrModule *m, const char *name) {
  IrFunc *fn = calloc(1, sizeof *fn);
  if (!fn)
    PYLLC_DIE("out of memory");
  fn->arena = ir_arena_new();
  fn->module = m;
  fn->name = ir_strdup(fn->arena, name ? name : "", name ? strlen(name) : 0);
  fn->qualname = fn->name;
  fn->firstlineno = -1;
  if (m) {
    m->funcs = pyllc_grow(m->funcs, sizeof *m->funcs, m->nfuncs, &m->cap_funcs);
    fn->index = m->nfuncs;
    m->funcs[m->nfuncs++] = fn;
  }
  return fn;
}

/* A function that belongs to a module leaves a NULL slot there (indices of the others
 * stay valid); printers and the verifier skip NULL slots. */
void ir_free_func(IrFunc *fn) {
  if (!fn)
    return;
  if (fn->module && fn->index < fn->module->nfuncs && fn->module->funcs[fn->index] == fn)
    fn->module->funcs[fn->index] = NULL;
  for (uint32_t b = 0; b < fn->nblocks; b++)
    free(fn->blocks[b].instrs);
  free(fn->blocks);
  free(fn->instrs);
  free(fn->fstates);
  free(fn->consts);
  free(fn->names);
  ir_arena_free(fn->arena);
  free(fn);
}

/* ---- blocks and instructions -------------------------------------------------------- */

IrBlockId ir_new_block(IrFunc *fn) {
  fn->blocks = pyllc_grow(fn->blocks, sizeof *fn->blocks, fn->nblocks, &fn->cap_blocks);
  IrBlock *bb = &fn->blocks[fn->nblocks];
  memset(bb, 0, sizeof *bb);
  bb->term = IR_NOREF;
  bb->bc_offset = -1;
  bb->eh_depth = -1;
  bb->rpo = UINT32_MAX;
  bb->idom = IR_NOREF;
  bb->loop_header = IR_NOREF;
  return fn->nblocks++;
}

IrRef ir_new_instr(IrFunc *fn, IrBlockId b, IrOp op, const IrRef *args, uint32_t nargs) {
  if ((unsigned)op >= IR_OP__COUNT)
    PYLLC_DIE("bad IR op %d", (int)op);
  fn->instrs = pyllc_grow(fn->instrs, sizeof *fn->instrs, fn->ninstrs, &fn->cap_instrs);
  IrRef r = fn->ninstrs++;
  IrInstr *in = &fn->instrs[r];
  memset(in, 0, sizeof *in);
  in->op = (uint16_t)op;
  in->type = (uint8_t)ir_op_result_type(op);
  in->block = b;
  in->fs = IR_NOREF;
  in->line = -1;
  in->nargs = nargs;
  if (nargs) {
    in->args = IR_NEW_ARRAY(fn->arena, IrRef, nargs);
    for (uint32_t i = 0; i < nargs; i++)
      in->args[i] = args ? args[i] : IR_NOREF;
  }
  if (op == IR_PHI && nargs) {
    in->phi_from = IR_NEW_ARRAY(fn->arena, IrBlockId, nargs);
    for (uint32_t i = 0; i < nargs; i++)
      in->phi_from[i] = IR_NOREF;
  }
  int nsucc = ir_op_info[op].nsucc;
  if (nsucc > 0) {
    in->nsucc = (uint32_t)nsucc;
    in->succ = IR_NEW_ARRAY(fn->arena, IrBlockId, nsucc);
    for (int i = 0; i < nsucc; i++)
      in->succ[i] = IR_NOREF;
  }
  return r;
}

void ir_block_push(IrFunc *fn, IrBlockId b, IrRef r) {
  IrBlock *bb = &fn->blocks[b];
  bb->instrs = pyllc_grow(bb->instrs, sizeof *bb->instrs, bb->ninstrs, &bb->cap);
  bb->instrs[bb->ninstrs++] = r;
  fn->instrs[r].block = b;
}

static void check_block(const IrFunc *fn, IrBlockId b) {
  if (b >= fn->nblocks)
    PYLLC_DIE("block %u out of range (%u blocks)", b, fn->nblocks);
}

/* Terminators go to bb->term; everything else is appended to the instruction list. */
IrRef ir_emit(IrFunc *fn, IrBlockId b, IrOp op, const IrRef *args, uint32_t nargs) {
  check_block(fn, b);
  IrRef r = ir_new_instr(fn, b, op, args, nargs);
  if (ir_op_info[op].flags & IRF_TERM) {
    if (fn->blocks[b].term != IR_NOREF)
      PYLLC_DIE("block bb%u already has a terminator", b);
    fn->blocks[b].term = r;
  } else {
    ir_block_push(fn, b, r);
  }
  return r;
}

IrRef ir_emit0(IrFunc *fn, IrBlockId b, IrOp op) { return ir_emit(fn, b, op, NULL, 0); }

IrRef ir_emit1(IrFunc *fn, IrBlockId b, IrOp op, IrRef a) {
  return ir_emit(fn, b, op, &a, 1);
}

IrRef ir_emit2(IrFunc *fn, IrBlockId b, IrOp op, IrRef a, IrRef c) {
  IrRef args[2] = {a, c};
  return ir_emit(fn, b, op, args, 2);
}

/* Phis go after the phis already at the head of the block, whatever follows them, so a
 * front end may add phis to a block it has already filled (Braun et al.). */
IrRef ir_emit_phi(IrFunc *fn, IrBlockId b, IrType t, uint32_t nincoming) {
  check_block(fn, b);
  IrBlock *bb = &fn->blocks[b];
  uint32_t pos = 0;
  while (pos < bb->ninstrs && fn->instrs[bb->instrs[pos]].op == IR_PHI)
    pos++;
  IrRef r = ir_insert(fn, b, pos, IR_PHI, NULL, nincoming);
  fn->instrs[r].type = (uint8_t)t;
  return r;
}

void ir_phi_set(IrFunc *fn, IrRef phi, uint32_t i, IrRef value, IrBlockId from) {
  IrInstr *in = &fn->instrs[phi];
  if (in->op != IR_PHI || i >= in->nargs)
    PYLLC_DIE("ir_phi_set: %%%u is not a phi with %u operands", phi, i + 1);
  in->args[i] = value;
  in->phi_from[i] = from;
}

IrRef ir_emit_br(IrFunc *fn, IrBlockId b, IrBlockId target) {
  IrRef r = ir_emit0(fn, b, IR_BR);
  fn->instrs[r].succ[0] = target;
  return r;
}

IrRef ir_emit_cbr(IrFunc *fn, IrBlockId b, IrRef cond, IrBlockId t, IrBlockId f) {
  IrRef r = ir_emit1(fn, b, IR_CBR, cond);
  fn->instrs[r].succ[0] = t;
  fn->instrs[r].succ[1] = f;
  return r;
}

void ir_set_succ(IrFunc *fn, IrRef term, const IrBlockId *succ, uint32_t nsucc) {
  IrInstr *in = &fn->instrs[term];
  if (nsucc > in->nsucc) {
    in->succ = IR_NEW_ARRAY(fn->arena, IrBlockId, nsucc);
  }
  in->nsucc = nsucc;
  if (nsucc)
    memcpy(in->succ, succ, nsucc * sizeof *succ);
}

IrRef ir_emit_const_i64(IrFunc *fn, IrBlockId b, int64_t v) {
  IrRef r = ir_emit0(fn, b, IR_CONST_I64);
  fn->instrs[r].imm[0] = v;
  return r;
}

IrRef ir_emit_const_f64(IrFunc *fn, IrBlockId b, double v) {
  IrRef r = ir_emit0(fn, b, IR_CONST_F64);
  fn->instrs[r].imm[0] = ir_f64_bits(v);
  return r;
}

IrRef ir_emit_const_bool(IrFunc *fn, IrBlockId b, bool v) {
  IrRef r = ir_emit0(fn, b, IR_CONST_BOOL);
  fn->instrs[r].imm[0] = v ? 1 : 0;
  return r;
}

IrRef ir_emit_const(IrFunc *fn, IrBlockId b, uint32_t const_index) {
  IrRef r = ir_emit0(fn, b, IR_CONST);
  fn->instrs[r].imm[0] = const_index;
  return r;
}

IrRef ir_insert(IrFunc *fn, IrBlockId b, uint32_t pos, IrOp op, const IrRef *args,
                uint32_t nargs) {
  check_block(fn, b);
  if (ir_op_info[op].flags & IRF_TERM)
    PYLLC_DIE("ir_insert of terminator %s", ir_op_info[op].name);
  IrRef r = ir_new_instr(fn, b, op, args, nargs);
  IrBlock *bb = &fn->blocks[b];
  if (pos > bb->ninstrs)
    PYLLC_DIE("ir_insert at %u past the end of bb%u (%u)", pos, b, bb->ninstrs);
  bb->instrs = pyllc_grow(bb->instrs, sizeof *bb->instrs, bb->ninstrs, &bb->cap);
  memmove(&bb->instrs[pos + 1], &bb->instrs[pos], (bb->ninstrs - pos) * sizeof(IrRef));
  bb->instrs[pos] = r;
  bb->ninstrs++;
  return r;
}

void ir_remove(IrFunc *fn, IrRef r) {
  IrInstr *in = &fn->instrs[r];
  if (in->dead)
    return;
  in->dead = true;
  if (in->block >= fn->nblocks)
    return;
  IrBlock *bb = &fn->blocks[in->block];
  if (bb->term == r) {
    bb->term = IR_NOREF;
    return;
  }
  for (uint32_t i = 0; i < bb->ninstrs; i++) {
    if (bb->instrs[i] == r) {
      memmove(&bb->instrs[i], &bb->instrs[i + 1], (bb->ninstrs - i - 1) * sizeof(IrRef));
      bb->ninstrs--;
      return;
    }
  }
}

/* Operands and frame-state slots of live instructions; a frame state shared by several
 * instructions is rewritten once (the slots are the same memory). */
void ir_replace_uses(IrFunc *fn, IrRef from, IrRef to) {
  for (IrRef r = 0; r < fn->ninstrs; r++) {
    IrInstr *in = &fn->instrs[r];
    if (in->dead)
      continue;
    for (uint32_t i = 0; i < in->nargs; i++)
      if (in->args[i] == from)
        in->args[i] = to;
  }
  for (uint32_t f = 0; f < fn->nfstates; f++) {
    IrFrameState *fs = &fn->fstates[f];
    for (uint32_t i = 0; i < fs->nlocals + fs->nstack; i++)
      if (fs->vals[i] == from)
        fs->vals[i] = to;
  }
}

void ir_compact_blocks(IrFunc *fn, const bool *keep) {
  IrBlockId *map = IR_NEW_ARRAY(fn->arena, IrBlockId, fn->nblocks + 1);
  IrBlockId n = 0;
  for (IrBlockId b = 0; b < fn->nblocks; b++)
    map[b] = keep[b] ? n++ : IR_NOREF;
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    IrBlock *bb = &fn->blocks[b];
    if (keep[b])
      continue;
    for (uint32_t i = 0; i < bb->ninstrs; i++)
      fn->instrs[bb->instrs[i]].dead = true;
    if (bb->term != IR_NOREF)
      fn->instrs[bb->term].dead = true;
    free(bb->instrs);
  }
  for (IrRef r = 0; r < fn->ninstrs; r++) {
    IrInstr *in = &fn->instrs[r];
    if (in->dead)
      continue;
    if (in->block < fn->nblocks)
      in->block = map[in->block];
    for (uint32_t i = 0; i < in->nsucc; i++)
      if (in->succ[i] < fn->nblocks)
        in->succ[i] = map[in->succ[i]];
    if (in->phi_from)
      for (uint32_t i = 0; i < in->nargs; i++)
        if (in->phi_from[i] < fn->nblocks)
          in->phi_from[i] = map[in->phi_from[i]];
  }
  for (uint32_t f = 0; f < fn->nfstates; f++) {
    IrFrameState *fs = &fn->fstates[f];
    if (fs->handler < fn->nblocks)
      fs->handler = map[fs->handler];
  }
  bool has_pos = fn->block_pos && fn->nblock_pos >= fn->nblocks;
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    if (map[b] == IR_NOREF)
      continue;
    fn->blocks[map[b]] = fn->blocks[b];
    if (has_pos)
      fn->block_pos[map[b]] = fn->block_pos[b];
  }
  fn->nblocks = n;
  if (has_pos)
    fn->nblock_pos = n;
  /* derived data is stale now */
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    fn->blocks[b].preds = NULL;
    fn->blocks[b].npreds = 0;
  }
  fn->rpo_order = NULL;
  fn->nrpo = 0;
}

/* ---- frame states --------------------------------------------------------------- */

uint32_t ir_new_fstate(IrFunc *fn, int32_t bc_offset, uint32_t nstack) {
  fn->fstates = pyllc_grow(fn->fstates, sizeof *fn->fstates, fn->nfstates, &fn->cap_fstates);
  IrFrameState *fs = &fn->fstates[fn->nfstates];
  fs->bc_offset = bc_offset;
  fs->bc_start = bc_offset;
  fs->nlocals = fn->nlocalsplus;
  fs->nstack = nstack;
  fs->nframe = nstack;
  fs->vals = IR_NEW_ARRAY(fn->arena, IrRef, fs->nlocals + nstack);
  fs->handler = IR_NOREF;
  for (uint32_t i = 0; i < fs->nlocals + nstack; i++)
    fs->vals[i] = IR_FS_MEM;
  return fn->nfstates++;
}

void ir_attach_fstate(IrFunc *fn, IrRef r, uint32_t fs) {
  if (fs != IR_NOREF && fs >= fn->nfstates)
    PYLLC_DIE("frame state %u out of range", fs);
  fn->instrs[r].fs = fs;
}

/* ---- pools --------------------------------------------------------------------- */

const char *ir_strdup(IrArena *a, const char *s, size_t len) {
  char *p = ir_arena_alloc(a, len + 1);
  if (len)
    memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

uint32_t ir_add_const(IrFunc *fn, IrConst c) {
  switch (c.kind) {
  case IR_C_STR:
  case IR_C_BYTES:
    c.u.str = ir_strdup(fn->arena, c.u.str ? c.u.str : "", c.u.str ? c.n : 0);
    break;
  case IR_C_INT:
    if (c.big) {
      c.u.str = ir_strdup(fn->arena, c.u.str, c.n);
    }
    break;
  case IR_C_TUPLE:
  case IR_C_FROZENSET: {
    uint32_t *items = IR_NEW_ARRAY(fn->arena, uint32_t, c.n);
    if (c.n)
      memcpy(items, c.u.items, c.n * sizeof *items);
    c.u.items = items;
    break;
  }
  default:
    break;
  }
  fn->consts = pyllc_grow(fn->consts, sizeof *fn->consts, fn->nconsts, &fn->cap_consts);
  fn->consts[fn->nconsts] = c;
  return fn->nconsts++;
}

/* Names are interned: co_names holds no duplicates, so indices still match it. */
uint32_t ir_add_name(IrFunc *fn, const char *name) {
  for (uint32_t i = 0; i < fn->nnames; i++)
    if (strcmp(fn->names[i], name) == 0)
      return i;
  fn->names = pyllc_grow(fn->names, sizeof *fn->names, fn->nnames, &fn->cap_names);
  fn->names[fn->nnames] = ir_strdup(fn->arena, name, strlen(name));
  return fn->nnames++;
}

const char *ir_func_label(const IrFunc *fn, char *buf, size_t size) {
  const IrModule *m = fn->module;
  bool unique = true;
  if (m) {
    for (uint32_t i = 0; i < m->nfuncs; i++) {
      const IrFunc *g = m->funcs[i];
      if (g && g != fn && strcmp(g->name, fn->name) == 0)
        unique = false;
    }
  }
  if (unique && !strchr(fn->name, '#') && strlen(fn->name) < size / 2)
    snprintf(buf, size, "%s", fn->name);
  else
    snprintf(buf, size, "%.*s#%u", (int)(size / 2), fn->name, fn->index);
  return buf;
}

IrFunc *ir_find_func(const IrModule *m, const char *name) {
  for (uint32_t i = 0; i < m->nfuncs; i++) {
    IrFunc *fn = m->funcs[i];
    if ((fn->name && !strcmp(fn->name, name)) || (fn->qualname && !strcmp(fn->qualname, name)))
      return fn;
  }
  return NULL;
}
