/* ir_analysis.c - derived data of a function: predecessors, reverse post-order,
 * dominators, uses, natural loops.
 *
 * Each ir_fill_* recomputes its data from scratch (into the function's arena) and is
 * cheap enough to call again after any change; passes never patch derived data.
 *
 * Exceptional edges: a block whose instructions' frame states name a handler reaches that
 * landing block, but is not its predecessor (no phi operand: the landing reads its state
 * from the frame). Reachability follows them; dominance treats the landing blocks as
 * further roots below a virtual root, as if the frame could enter there directly.
 * Dominators: Cooper, Harvey, Kennedy, "A Simple, Fast Dominance Algorithm" (2001):
 * iterate idom(b) = intersect of the processed predecessors' idoms in reverse post-order
 * until nothing changes; intersect walks the two fingers up by post-order number. The
 * depth-first order that follows exceptional edges is a valid numbering for the forest:
 * whatever dominates b from its root is an ancestor of b in the search tree.
 * Loops: a back edge is t->h where h dominates t; the natural loop of h is h plus every
 * block that reaches a back edge's source without passing h. Loops of one header merge.
 */
#include <string.h>

#include "ir_internal.h"
#include "pyllc/support.h"

static bool live_term(const IrFunc *fn, IrBlockId b) {
  IrRef t = fn->blocks[b].term;
  return t != IR_NOREF && t < fn->ninstrs && !fn->instrs[t].dead;
}

/* Each predecessor is listed once, even when its terminator names the block twice
 * (cbr %c, bb1, bb1): a phi has one operand per predecessor block. */
void ir_fill_preds(IrFunc *fn) {
  uint32_t nb = fn->nblocks;
  uint32_t *count = IR_NEW_ARRAY(fn->arena, uint32_t, nb + 1);
  for (int pass = 0; pass < 2; pass++) {
    for (IrBlockId b = 0; b < nb; b++) {
      fn->blocks[b].npreds = 0;
      if (pass == 1)
        fn->blocks[b].preds = IR_NEW_ARRAY(fn->arena, IrBlockId, count[b] + 1);
    }
    for (IrBlockId b = 0; b < nb; b++) {
      if (!live_term(fn, b))
        continue;
      const IrInstr *t = &fn->instrs[fn->blocks[b].term];
      for (uint32_t i = 0; i < t->nsucc; i++) {
        IrBlockId s = t->succ[i];
        if (s >= nb)
          continue;
        IrBlock *sb = &fn->blocks[s];
        if (pass == 0) {
          bool dup = false;
          for (uint32_t j = 0; j < i; j++)
            dup |= t->succ[j] == s;
          if (!dup)
            count[s]++;
        } else if (sb->npreds == 0 || sb->preds[sb->npreds - 1] != b) {
          sb->preds[sb->npreds++] = b;
        }
      }
    }
  }
}

/* The next block b reaches in the depth-first search (cursor *k from 0), or IR_NOREF
 * past the last: first the handlers named by the frame states of its instructions (so
 * that normal code comes first in reverse post-order; *exceptional set), then its
 * terminator's successors. */
static IrBlockId dfs_next(const IrFunc *fn, IrBlockId b, uint32_t *k, bool *exceptional) {
  const IrBlock *bb = &fn->blocks[b];
  *exceptional = true;
  while (*k <= bb->ninstrs) {
    IrRef r = *k < bb->ninstrs ? bb->instrs[*k] : bb->term;
    ++*k;
    if (r < fn->ninstrs && fn->instrs[r].fs < fn->nfstates) {
      IrBlockId h = fn->fstates[fn->instrs[r].fs].handler;
      if (h < fn->nblocks)
        return h;
    }
  }
  *exceptional = false;
  if (!live_term(fn, b))
    return IR_NOREF;
  const IrInstr *t = &fn->instrs[bb->term];
  uint32_t i = *k - bb->ninstrs - 1;
  if (i >= t->nsucc)
    return IR_NOREF;
  ++*k;
  return t->succ[i];
}

/* Iterative depth-first search from the entry, along exceptional edges and successors. */
void ir_fill_rpo(IrFunc *fn) {
  uint32_t nb = fn->nblocks;
  for (IrBlockId b = 0; b < nb; b++) {
    fn->blocks[b].rpo = UINT32_MAX;
    fn->blocks[b].landing = false;
  }
  fn->nrpo = 0;
  fn->rpo_order = IR_NEW_ARRAY(fn->arena, IrBlockId, nb + 1);
  if (nb == 0)
    return;
  IrBlockId *stack = IR_NEW_ARRAY(fn->arena, IrBlockId, nb);
  uint32_t *next = IR_NEW_ARRAY(fn->arena, uint32_t, nb);
  bool *seen = IR_NEW_ARRAY(fn->arena, bool, nb);
  IrBlockId *post = IR_NEW_ARRAY(fn->arena, IrBlockId, nb);
  uint32_t sp = 0, npost = 0;
  stack[sp++] = 0;
  seen[0] = true;
  while (sp) {
    IrBlockId b = stack[sp - 1];
    bool exceptional;
    IrBlockId s = dfs_next(fn, b, &next[b], &exceptional);
    if (s == IR_NOREF) {
      post[npost++] = b;
      sp--;
      continue;
    }
    if (s >= nb)
      continue;
    if (exceptional && s != 0)
      fn->blocks[s].landing = true;
    if (!seen[s]) {
      seen[s] = true;
      stack[sp++] = s;
    }
  }
  for (uint32_t i = 0; i < npost; i++) {
    IrBlockId b = post[npost - 1 - i];
    fn->rpo_order[i] = b;
    fn->blocks[b].rpo = i;
  }
  fn->nrpo = npost;
}

/* Position in reverse post-order with the virtual root (index nblocks) first. */
static uint32_t dom_rpo(const IrFunc *fn, IrBlockId b) {
  return b == fn->nblocks ? 0 : fn->blocks[b].rpo + 1;
}

static IrBlockId intersect(const IrFunc *fn, const IrBlockId *idom, IrBlockId a, IrBlockId b) {
  while (a != b) {
    while (dom_rpo(fn, a) > dom_rpo(fn, b))
      a = idom[a];
    while (dom_rpo(fn, b) > dom_rpo(fn, a))
      b = idom[b];
  }
  return a;
}

/* Roots (the entry, landing blocks) hang below a virtual root, block index nblocks; what
 * only the virtual root dominates gets idom IR_NOREF, as the roots do. */
void ir_fill_doms(IrFunc *fn) {
  uint32_t nb = fn->nblocks;
  for (IrBlockId b = 0; b < nb; b++)
    fn->blocks[b].idom = IR_NOREF;
  if (fn->nrpo == 0)
    return;
  IrBlockId vroot = nb;
  IrBlockId *idom = IR_NEW_ARRAY(fn->arena, IrBlockId, nb + 1);
  for (IrBlockId b = 0; b < nb; b++)
    idom[b] = IR_NOREF;
  idom[vroot] = vroot;
  for (uint32_t i = 0; i < fn->nrpo; i++) {
    IrBlockId b = fn->rpo_order[i];
    if (i == 0 || fn->blocks[b].landing)
      idom[b] = vroot;
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t i = 1; i < fn->nrpo; i++) {
      IrBlockId b = fn->rpo_order[i];
      const IrBlock *bb = &fn->blocks[b];
      if (bb->landing)
        continue;
      IrBlockId nidom = IR_NOREF;
      for (uint32_t j = 0; j < bb->npreds; j++) {
        IrBlockId p = bb->preds[j];
        if (idom[p] == IR_NOREF)
          continue; /* unreachable or not processed yet */
        nidom = nidom == IR_NOREF ? p : intersect(fn, idom, p, nidom);
      }
      if (nidom != IR_NOREF && idom[b] != nidom) {
        idom[b] = nidom;
        changed = true;
      }
    }
  }
  for (IrBlockId b = 0; b < nb; b++)
    fn->blocks[b].idom = idom[b] == vroot ? IR_NOREF : idom[b];
}

/* An unreachable block is dominated by every block (as in LLVM): nothing can go wrong
 * there, so the verifier does not complain about its uses. */
bool ir_dominates(const IrFunc *fn, IrBlockId a, IrBlockId b) {
  if (a == b)
    return true;
  if (b >= fn->nblocks || fn->blocks[b].rpo == UINT32_MAX)
    return true;
  if (a >= fn->nblocks || fn->blocks[a].rpo == UINT32_MAX)
    return false;
  uint32_t arpo = fn->blocks[a].rpo;
  for (IrBlockId x = fn->blocks[b].idom; x != IR_NOREF; x = fn->blocks[x].idom) {
    if (x == a)
      return true;
    if (fn->blocks[x].rpo < arpo)
      return false;
  }
  return false;
}

/* Users of a value: live instructions that name it as an operand or in their frame
 * state (a value a frame state needs is live). Each user is listed once per value. */
static void for_each_use(IrFunc *fn, uint32_t *count, int pass) {
  for (IrRef r = 0; r < fn->ninstrs; r++) {
    const IrInstr *in = &fn->instrs[r];
    if (in->dead)
      continue;
    const IrFrameState *fs = in->fs < fn->nfstates ? &fn->fstates[in->fs] : NULL;
    uint32_t nfs = fs ? fs->nlocals + fs->nstack : 0;
    for (uint32_t i = 0; i < in->nargs + nfs; i++) {
      IrRef v = i < in->nargs ? in->args[i] : fs->vals[i - in->nargs];
      if (v >= fn->ninstrs)
        continue;
      if (pass == 0) {
        count[v]++;
      } else if (fn->nusers[v] == 0 || fn->users[v][fn->nusers[v] - 1] != r) {
        fn->users[v][fn->nusers[v]++] = r;
      }
    }
  }
}

void ir_fill_uses(IrFunc *fn) {
  uint32_t n = fn->ninstrs;
  uint32_t *count = IR_NEW_ARRAY(fn->arena, uint32_t, n + 1);
  for_each_use(fn, count, 0);
  fn->users = IR_NEW_ARRAY(fn->arena, IrRef *, n + 1);
  fn->nusers = IR_NEW_ARRAY(fn->arena, uint32_t, n + 1);
  for (IrRef v = 0; v < n; v++)
    fn->users[v] = count[v] ? IR_NEW_ARRAY(fn->arena, IrRef, count[v]) : NULL;
  for_each_use(fn, NULL, 1);
}

void ir_fill_loops(IrFunc *fn) {
  uint32_t nb = fn->nblocks;
  for (IrBlockId b = 0; b < nb; b++) {
    fn->blocks[b].loop_depth = 0;
    fn->blocks[b].loop_header = IR_NOREF;
  }
  if (nb == 0)
    return;
  uint32_t *best = IR_NEW_ARRAY(fn->arena, uint32_t, nb); /* size of innermost loop */
  uint32_t *mark = IR_NEW_ARRAY(fn->arena, uint32_t, nb);  /* header+1 that marked it */
  IrBlockId *work = IR_NEW_ARRAY(fn->arena, IrBlockId, nb);
  IrBlockId *body = IR_NEW_ARRAY(fn->arena, IrBlockId, nb);
  for (uint32_t i = 0; i < fn->nrpo; i++) {
    IrBlockId h = fn->rpo_order[i];
    const IrBlock *hb = &fn->blocks[h];
    uint32_t nwork = 0, nbody = 0;
    bool is_header = false;
    mark[h] = h + 1;
    for (uint32_t j = 0; j < hb->npreds; j++) {
      IrBlockId t = hb->preds[j];
      if (fn->blocks[t].rpo == UINT32_MAX || !ir_dominates(fn, h, t))
        continue;
      is_header = true; /* t -> h is a back edge */
      if (mark[t] != h + 1) {
        mark[t] = h + 1;
        work[nwork++] = t;
      }
    }
    if (!is_header)
      continue;
    body[nbody++] = h;
    while (nwork) {
      IrBlockId x = work[--nwork];
      body[nbody++] = x;
      const IrBlock *xb = &fn->blocks[x];
      for (uint32_t j = 0; j < xb->npreds; j++) {
        IrBlockId p = xb->preds[j];
        if (fn->blocks[p].rpo == UINT32_MAX || mark[p] == h + 1)
          continue;
        mark[p] = h + 1;
        work[nwork++] = p;
      }
    }
    for (uint32_t j = 0; j < nbody; j++) {
      IrBlock *xb = &fn->blocks[body[j]];
      xb->loop_depth++;
      if (xb->loop_header == IR_NOREF || nbody < best[body[j]]) {
        xb->loop_header = h;
        best[body[j]] = nbody;
      }
    }
  }
}
