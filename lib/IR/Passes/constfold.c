/* constfold.c - constant folding of IRF_FOLD operations.
 *
 * requires: verified IR.  keeps: SSA, block numbering.  breaks: preds, rpo, doms, loops
 * (a folded cbr becomes br), uses (trivial phis are replaced).
 *
 * Blocks are visited in reverse post-order, so the operands of a non-phi instruction
 * are folded before it. An instruction whose operands are all const.i64/f64/bool is
 * rewritten in place into the constant it computes (its IrRef, hence its uses, stay).
 * i64 arithmetic wraps (done on uint64_t: no undefined behaviour); f64 follows IEEE;
 * compares give const.bool. `cbr` on a constant becomes `br` to the taken block, and the
 * phis of the dropped block lose their operand from this block; so does a `cbr` whose
 * two successors are one block. Last, a phi whose operands are all one value (often what
 * dropping edges leaves) is replaced by that value. Folds that the switch
 * below does not know are left alone, so a new IRF_FOLD row is safe before it is taught.
 */
#include <string.h>

#include "../ir_internal.h"
#include "pyllc/ir_passes.h"

typedef struct Cst {
  IrOp op;   /* IR_CONST_I64 / IR_CONST_F64 / IR_CONST_BOOL */
  int64_t i; /* i64 or bool */
  double f;
} Cst;

static bool get_const(const IrFunc *fn, IrRef r, Cst *c) {
  const IrInstr *in = &fn->instrs[r];
  if (in->op != IR_CONST_I64 && in->op != IR_CONST_F64 && in->op != IR_CONST_BOOL)
    return false;
  c->op = (IrOp)in->op;
  c->i = in->imm[0];
  c->f = ir_imm_f64(in);
  return true;
}

static int64_t wrap(uint64_t v) {
  int64_t r;
  memcpy(&r, &v, sizeof r);
  return r;
}

static bool compare_i64(int cmp, int64_t a, int64_t b) {
  switch (cmp) {
  case 0: return a < b;
  case 1: return a <= b;
  case 2: return a == b;
  case 3: return a != b;
  case 4: return a > b;
  default: return a >= b;
  }
}

/* IEEE: every ordered compare is false on NaN, != is true. */
static bool compare_f64(int cmp, double a, double b) {
  switch (cmp) {
  case 0: return a < b;
  case 1: return a <= b;
  case 2: return a == b;
  case 3: return a != b;
  case 4: return a > b;
  default: return a >= b;
  }
}

/* Evaluates instruction `in` on constant operands a[]; false when it cannot. */
static bool evaluate(const IrInstr *in, const Cst *a, Cst *out) {
  uint64_t x = (uint64_t)a[0].i, y = in->nargs > 1 ? (uint64_t)a[1].i : 0;
  int cmp = (int)in->imm[0];
  switch ((IrOp)in->op) {
  case IR_ADD_I64: *out = (Cst){IR_CONST_I64, wrap(x + y), 0}; return true;
  case IR_SUB_I64: *out = (Cst){IR_CONST_I64, wrap(x - y), 0}; return true;
  case IR_MUL_I64: *out = (Cst){IR_CONST_I64, wrap(x * y), 0}; return true;
  case IR_CMP_I64:
    if (cmp < 0 || cmp > 5)
      return false;
    *out = (Cst){IR_CONST_BOOL, compare_i64(cmp, a[0].i, a[1].i), 0};
    return true;
  case IR_ADD_F64: *out = (Cst){IR_CONST_F64, 0, a[0].f + a[1].f}; return true;
  case IR_SUB_F64: *out = (Cst){IR_CONST_F64, 0, a[0].f - a[1].f}; return true;
  case IR_MUL_F64: *out = (Cst){IR_CONST_F64, 0, a[0].f * a[1].f}; return true;
  case IR_CMP_F64:
    if (cmp < 0 || cmp > 5)
      return false;
    *out = (Cst){IR_CONST_BOOL, compare_f64(cmp, a[0].f, a[1].f), 0};
    return true;
  case IR_NOT: *out = (Cst){IR_CONST_BOOL, !a[0].i, 0}; return true;
  default: return false;
  }
}

static bool fold_instr(IrFunc *fn, IrRef r) {
  IrInstr *in = &fn->instrs[r];
  if (!(ir_op_info[in->op].flags & IRF_FOLD) || in->nargs == 0 || in->nargs > 2)
    return false;
  Cst a[2] = {{0}};
  for (uint32_t i = 0; i < in->nargs; i++)
    if (!get_const(fn, in->args[i], &a[i]))
      return false;
  Cst c;
  if (!evaluate(in, a, &c))
    return false;
  in->op = (uint16_t)c.op;
  in->type = (uint8_t)ir_op_result_type(c.op);
  in->nargs = 0;
  in->args = NULL;
  in->imm[0] = c.op == IR_CONST_F64 ? ir_f64_bits(c.f) : c.i;
  in->imm[1] = 0;
  in->fs = IR_NOREF; /* a constant needs no frame state */
  in->spec = 0;
  return true;
}

/* Removes the operands of the phis of `to` that come from `from`. */
static void drop_edge(IrFunc *fn, IrBlockId from, IrBlockId to) {
  IrBlock *bb = &fn->blocks[to];
  for (uint32_t i = 0; i < bb->ninstrs; i++) {
    IrInstr *phi = &fn->instrs[bb->instrs[i]];
    if (phi->op != IR_PHI || !phi->phi_from)
      continue;
    uint32_t n = 0;
    for (uint32_t k = 0; k < phi->nargs; k++) {
      if (phi->phi_from[k] == from)
        continue;
      phi->args[n] = phi->args[k];
      phi->phi_from[n] = phi->phi_from[k];
      n++;
    }
    phi->nargs = n;
  }
}

static bool fold_branch(IrFunc *fn, IrBlockId b) {
  IrRef t = fn->blocks[b].term;
  if (t == IR_NOREF)
    return false;
  IrInstr *in = &fn->instrs[t];
  Cst c = {IR_CONST_BOOL, 1, 0};
  if (in->op != IR_CBR || in->nargs != 1 || in->nsucc != 2)
    return false;
  /* both ways to one block: the condition does not matter */
  if (in->succ[0] != in->succ[1] && !get_const(fn, in->args[0], &c))
    return false;
  IrBlockId taken = in->succ[c.i ? 0 : 1], dropped = in->succ[c.i ? 1 : 0];
  if (dropped != taken)
    drop_edge(fn, b, dropped);
  in->op = IR_BR;
  in->spec = 0;
  in->nargs = 0;
  in->args = NULL;
  ir_set_succ(fn, t, &taken, 1);
  return true;
}

bool ir_pass_constfold(IrFunc *fn) {
  ir_fill_preds(fn);
  ir_fill_rpo(fn);
  bool changed = false;
  for (uint32_t k = 0; k < fn->nrpo; k++) {
    IrBlockId b = fn->rpo_order[k];
    const IrBlock *bb = &fn->blocks[b];
    for (uint32_t i = 0; i < bb->ninstrs; i++)
      changed |= fold_instr(fn, bb->instrs[i]);
    changed |= fold_branch(fn, b);
  }
  changed |= ir_remove_trivial_phis(fn);
  return changed;
}
