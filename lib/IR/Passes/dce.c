/* dce.c - dead code elimination.
 *
 * requires: verified IR.  keeps: SSA, frame states.  breaks: block numbering (blocks are
 * compacted), all derived data (preds, rpo, doms, uses, loops).
 *
 * 1. Blocks not reachable from the entry are deleted; phis of the remaining blocks lose
 *    their operands from deleted predecessors.
 * 2. IRF_PURE instructions without users are deleted, and with them the uses they held,
 *    until none is left (a worklist over use counts). A use by a frame state counts: the
 *    interpreter may need the value. Cycles of unused phis stay (no liveness analysis).
 */
#include <stdlib.h>
#include <string.h>

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

/* Drops one use of each distinct value that r (being deleted) uses; values whose last
 * use goes and that are pure join the worklist. */
static void release_uses(IrFunc *fn, IrRef r, uint32_t *uses, uint32_t *stamp,
                         IrRef *work, uint32_t *nwork) {
  const IrInstr *in = &fn->instrs[r];
  const IrFrameState *fs = in->fs < fn->nfstates ? &fn->fstates[in->fs] : NULL;
  uint32_t nfs = fs ? fs->nlocals + fs->nstack : 0;
  for (uint32_t i = 0; i < in->nargs + nfs; i++) {
    IrRef x = i < in->nargs ? in->args[i] : fs->vals[i - in->nargs];
    if (x >= fn->ninstrs || stamp[x] == r + 1)
      continue;
    stamp[x] = r + 1;
    if (uses[x] && --uses[x] == 0 && !fn->instrs[x].dead &&
        (ir_op_info[fn->instrs[x].op].flags & IRF_PURE))
      work[(*nwork)++] = x;
  }
}

static bool remove_unused(IrFunc *fn) {
  ir_fill_uses(fn);
  uint32_t n = fn->ninstrs;
  uint32_t *uses = calloc(n + 1, sizeof *uses);
  uint32_t *stamp = calloc(n + 1, sizeof *stamp);
  IrRef *work = malloc((n + 1) * sizeof *work);
  bool *queued = calloc(n + 1, sizeof *queued);
  if (!uses || !stamp || !work || !queued)
    PYLLC_DIE("out of memory");
  uint32_t nwork = 0;
  for (IrRef r = 0; r < n; r++) {
    uses[r] = fn->nusers[r];
    const IrInstr *in = &fn->instrs[r];
    if (!in->dead && uses[r] == 0 && (ir_op_info[in->op].flags & IRF_PURE))
      work[nwork++] = r;
  }
  bool changed = false;
  while (nwork) {
    IrRef r = work[--nwork];
    if (fn->instrs[r].dead || queued[r])
      continue;
    queued[r] = true;
    changed = true;
    fn->instrs[r].dead = true; /* unlinked below, all at once */
    /* work holds each instruction at most once per reason; n slots suffice since an
     * instruction is pushed only when its count reaches zero, once. */
    release_uses(fn, r, uses, stamp, work, &nwork);
  }
  /* One sweep over the block lists rather than an ir_remove (a memmove) per deletion. */
  for (IrBlockId b = 0; changed && b < fn->nblocks; b++) {
    IrBlock *bb = &fn->blocks[b];
    uint32_t n = 0;
    for (uint32_t i = 0; i < bb->ninstrs; i++)
      if (!fn->instrs[bb->instrs[i]].dead)
        bb->instrs[n++] = bb->instrs[i];
    bb->ninstrs = n;
  }
  free(uses);
  free(stamp);
  free(work);
  free(queued);
  return changed;
}

bool ir_pass_dce(IrFunc *fn) {
  bool changed = remove_unreachable(fn);
  changed |= remove_unused(fn);
  return changed;
}
