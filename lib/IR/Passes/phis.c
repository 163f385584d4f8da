/* phis.c - removal of trivial phis, shared by the passes (and offered to front ends).
 *
 * requires: SSA (phis matching their predecessors).  keeps: SSA, blocks, preds, rpo,
 * doms, loops.  breaks: uses.
 */
#include <stdlib.h>

#include "../ir_internal.h"
#include "pyllc/ir_passes.h"
#include "pyllc/support.h"

static IrRef forwarded(const IrRef *fwd, IrRef x) {
  while (fwd[x] != IR_NOREF)
    x = fwd[x];
  return x;
}

/* A phi whose operands are all one value v (or the phi itself) is v (Braun et al.'s
 * trivial phis; v then dominates the phi's block). Dropping edges leaves such phis
 * behind. They are unlinked (marked dead), and every operand and frame-state slot is
 * rewritten once through the forwarding map: a few linear sweeps, not one per phi.
 * Not handled: a cycle of phis that are trivial only together (Braun et al.'s redundant
 * phi SCCs), which needs strongly connected components. */
bool ir_remove_trivial_phis(IrFunc *fn) {
  IrRef *fwd = malloc((fn->ninstrs + 1) * sizeof *fwd);
  if (!fwd)
    PYLLC_DIE("out of memory");
  for (IrRef r = 0; r < fn->ninstrs; r++)
    fwd[r] = IR_NOREF;
  bool any = false;
  for (bool again = true; again;) {
    again = false;
    for (IrBlockId b = 0; b < fn->nblocks; b++) {
      IrBlock *bb = &fn->blocks[b];
      for (uint32_t i = 0; i < bb->ninstrs; i++) {
        IrRef r = bb->instrs[i];
        IrInstr *in = &fn->instrs[r];
        if (in->op != IR_PHI || in->dead)
          continue;
        IrRef same = IR_NOREF;
        bool trivial = true;
        for (uint32_t a = 0; a < in->nargs && trivial; a++) {
          IrRef x = in->args[a] < fn->ninstrs ? forwarded(fwd, in->args[a]) : IR_NOREF;
          if (x == r || x == same)
            continue;
          trivial = same == IR_NOREF && x != IR_NOREF;
          same = x;
        }
        if (!trivial || same == IR_NOREF)
          continue;
        fwd[r] = same;
        in->dead = true;
        any = again = true;
      }
    }
  }
  if (any) {
    for (IrBlockId b = 0; b < fn->nblocks; b++) {
      IrBlock *bb = &fn->blocks[b];
      uint32_t n = 0;
      for (uint32_t i = 0; i < bb->ninstrs; i++)
        if (!fn->instrs[bb->instrs[i]].dead)
          bb->instrs[n++] = bb->instrs[i];
      bb->ninstrs = n;
    }
    for (IrRef r = 0; r < fn->ninstrs; r++) {
      IrInstr *in = &fn->instrs[r];
      for (uint32_t a = 0; !in->dead && a < in->nargs; a++)
        if (in->args[a] < fn->ninstrs)
          in->args[a] = forwarded(fwd, in->args[a]);
    }
    for (uint32_t f = 0; f < fn->nfstates; f++) {
      IrFrameState *fs = &fn->fstates[f];
      for (uint32_t i = 0; i < fs->nlocals + fs->nstack; i++)
        if (fs->vals[i] < fn->ninstrs)
          fs->vals[i] = forwarded(fwd, fs->vals[i]);
    }
  }
  free(fwd);
  return any;
}
