/* dce.c - dead code elimination.
 *
 * requires: verified IR.  keeps: SSA, frame states.  breaks: block numbering (blocks are
 * compacted), all derived data (preds, rpo, doms, uses, loops).
 *
 * 1. Blocks not reachable from the entry are deleted; phis of the remaining blocks lose
 *    their operands from deleted predecessors, and those left with one value are
 *    replaced by it (ir_remove_trivial_phis).
 * 2. IRF_PURE instructions that nothing with a side effect needs are deleted: mark and
 *    sweep from the instructions that are not pure (terminators, stores, refcounting,
 *    anything that can raise), through operands and frame states. A use by a frame
 *    state counts (the interpreter may need the value); a cycle of phis that only feed
 *    each other goes.
 */
#include <stdlib.h>

#include "../ir_internal.h"
#include "pyllc/ir_passes.h"
#include "pyllc/support.h"

static bool remove_unreachable(IrFunc *fn) {
  ir_fill_preds(fn);
  ir_fill_rpo(fn);
  if (fn->nrpo == fn->nblocks)
    return false;
  bool *keep = IR_NEW_ARRAY(fn->arena, bool, fn->nblocks + 1);
  for (IrBlockId b = 0; b < fn->nblocks; b++)
    keep[b] = fn->blocks[b].rpo != UINT32_MAX;
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    if (!keep[b])
      continue;
    IrBlock *bb = &fn->blocks[b];
    for (uint32_t i = 0; i < bb->ninstrs; i++) {
      IrInstr *phi = &fn->instrs[bb->instrs[i]];
      if (phi->op != IR_PHI || !phi->phi_from)
        continue;
      uint32_t n = 0;
      for (uint32_t k = 0; k < phi->nargs; k++) {
        IrBlockId from = phi->phi_from[k];
        if (from < fn->nblocks && !keep[from])
          continue;
        phi->args[n] = phi->args[k];
        phi->phi_from[n] = from;
        n++;
      }
      phi->nargs = n;
    }
  }
  ir_compact_blocks(fn, keep);
  return true;
}

/* Marks x live and queues it, if it is a value not marked yet. */
static void mark(const IrFunc *fn, IrRef x, bool *live, IrRef *work, uint32_t *nwork) {
  if (x < fn->ninstrs && !live[x]) {
    live[x] = true;
    work[(*nwork)++] = x;
  }
}

/* Mark and sweep: what has a side effect (not IRF_PURE, terminators included) is live,
 * and so is every value a live instruction uses as an operand or in its frame state. */
static bool remove_unused(IrFunc *fn) {
  uint32_t n = fn->ninstrs;
  bool *live = calloc(n + 1, sizeof *live);
  IrRef *work = malloc((n + 1) * sizeof *work);
  if (!live || !work)
    PYLLC_DIE("out of memory");
  uint32_t nwork = 0;
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    const IrBlock *bb = &fn->blocks[b];
    for (uint32_t i = 0; i <= bb->ninstrs; i++) {
      IrRef r = i < bb->ninstrs ? bb->instrs[i] : bb->term;
      if (r < n && !(ir_op_info[fn->instrs[r].op].flags & IRF_PURE))
        mark(fn, r, live, work, &nwork);
    }
  }
  while (nwork) {
    const IrInstr *in = &fn->instrs[work[--nwork]];
    for (uint32_t i = 0; i < in->nargs; i++)
      mark(fn, in->args[i], live, work, &nwork);
    if (in->fs < fn->nfstates) {
      const IrFrameState *fs = &fn->fstates[in->fs];
      for (uint32_t i = 0; i < fs->nlocals + fs->nstack; i++)
        mark(fn, fs->vals[i], live, work, &nwork);
    }
  }
  /* One sweep over the block lists rather than an ir_remove (a memmove) per deletion. */
  bool changed = false;
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    IrBlock *bb = &fn->blocks[b];
    uint32_t k = 0;
    for (uint32_t i = 0; i < bb->ninstrs; i++) {
      IrRef r = bb->instrs[i];
      if (r < n && !live[r]) {
        fn->instrs[r].dead = true;
        changed = true;
        continue;
      }
      bb->instrs[k++] = r;
    }
    bb->ninstrs = k;
  }
  free(live);
  free(work);
  return changed;
}

bool ir_pass_dce(IrFunc *fn) {
  bool changed = remove_unreachable(fn);
  if (changed)
    ir_remove_trivial_phis(fn); /* phis that lost operands may have one value left */
  changed |= remove_unused(fn);
  return changed;
}
