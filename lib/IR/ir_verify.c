/* ir_verify.c - checks the invariants of ir.h; every pass may rely on them.
 *
 * Checked, in this order, each problem reported once with the function, block and
 * instruction (and the text position when the IR came from ir_parse):
 *   structure   a function has blocks; every block ends in one terminator and has none
 *               in the middle; phis come first; block lists agree with instr->block;
 *   signature   result type and operand count/types as ir_ops.def says ('a' = the
 *               instruction's own type); immediates in range; successors only on
 *               terminators, as many as the table says, never the entry block;
 *   phis        one operand per predecessor, each from a distinct predecessor;
 *   SSA         every operand and frame-state value is a live instruction with a
 *               result, and its definition dominates the use (a phi's use is at the end
 *               of the incoming block); uses in unreachable blocks are not checked;
 *   frame state every IRF_RAISE / IRF_DEOPT / IRF_SUSPEND instruction has one, of the
 *               right size, its prefix offset whole code units before its own; its
 *               handler is a landing block (declared with its depth)
 *               other than the entry, and the stack holds at least that depth; landing
 *               blocks named by reachable frame states have no predecessors and no phis;
 *   dispatch    only as the entry block's terminator; a resume successor has an offset
 *               (bbN @OFFSET) that no other one has, and no other predecessor.
 * The verifier recomputes preds, rpo and dominators (derived data, see ir.h).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ir_internal.h"
#include "pyllc/diag.h"
#include "pyllc/support.h"

typedef struct Verifier {
  PyllcDiag *diag;
  IrFunc *fn;
  int problems;
  uint32_t *num;     /* printer's value numbers, for messages */
  uint32_t *pos;     /* position of each instruction in its block (term: ninstrs) */
  IrBlockId *home;   /* block listing each instruction, IR_NOREF if none */
  char label[256];
} Verifier;

/* "in @f, bb1, '%3 = binary_op': message" at the instruction's text position. */
static void report(Verifier *v, IrBlockId b, IrRef r, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void report(Verifier *v, IrBlockId b, IrRef r, const char *fmt, ...) {
  const IrFunc *fn = v->fn;
  char msg[768], where[384];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  int n = snprintf(where, sizeof where, "in @%s", v->label);
  if (b != IR_NOREF && n >= 0 && (size_t)n < sizeof where)
    n += snprintf(where + n, sizeof where - (size_t)n, ", bb%u", b);
  if (r != IR_NOREF && r < fn->ninstrs && n >= 0 && (size_t)n < sizeof where) {
    const IrInstr *in = &fn->instrs[r];
    const char *name = in->op < IR_OP__COUNT ? ir_op_info[in->op].name : "?";
    if (v->num[r] != UINT32_MAX)
      snprintf(where + n, sizeof where - (size_t)n, ", '%%%u = %s'", v->num[r], name);
    else if (v->pos[r] != UINT32_MAX)
      snprintf(where + n, sizeof where - (size_t)n, ", '%s' (instruction %u of the block)",
               name, v->pos[r] + 1);
    else
      snprintf(where + n, sizeof where - (size_t)n, ", '%s'", name);
  }
  const char *file = fn->module ? fn->module->filename : NULL;
  IrTextPos tp = {0, 0};
  if (r != IR_NOREF && fn->instr_pos && r < fn->ninstr_pos)
    tp = fn->instr_pos[r];
  else if (r == IR_NOREF && b != IR_NOREF && fn->block_pos && b < fn->nblock_pos)
    tp = fn->block_pos[b];
  else if (r == IR_NOREF && b == IR_NOREF)
    tp = fn->header_pos;
  char src[32] = "";
  if (tp.line == 0) {
    file = NULL; /* no text position: do not pretend one, but say the Python line */
    if (r != IR_NOREF && r < fn->ninstrs && fn->instrs[r].line >= 0)
      snprintf(src, sizeof src, " (source line %d)", (int)fn->instrs[r].line);
  }
  pyllc_diag_report(v->diag, PYLLC_ERROR, file, (int)tp.line, (int)tp.col, "%s%s: %s", where,
                    src, msg);
  v->problems++;
}

static void value_name(const Verifier *v, IrRef x, char *buf, size_t size) {
  if (x < v->fn->ninstrs && v->num[x] != UINT32_MAX)
    snprintf(buf, size, "%%%u", v->num[x]);
  else
    snprintf(buf, size, "a non-value");
}

/* ---- structure ------------------------------------------------------------------ */

static void check_structure(Verifier *v) {
  IrFunc *fn = v->fn;
  if (fn->nblocks == 0)
    report(v, IR_NOREF, IR_NOREF, "function has no blocks");
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    const IrBlock *bb = &fn->blocks[b];
    bool seen_other = false;
    for (uint32_t i = 0; i < bb->ninstrs; i++) {
      IrRef r = bb->instrs[i];
      if (r >= fn->ninstrs) {
        report(v, b, IR_NOREF, "block lists instruction #%u, out of range", r);
        continue;
      }
      const IrInstr *in = &fn->instrs[r];
      if (v->home[r] != b) {
        report(v, b, r, "instruction is listed in more than one place");
        continue;
      }
      if (in->dead)
        report(v, b, r, "deleted instruction still in the block");
      if (in->block != b)
        report(v, b, r, "instruction says it is in bb%u", in->block);
      if (in->op < IR_OP__COUNT && (ir_op_info[in->op].flags & IRF_TERM))
        report(v, b, r, "terminator '%s' in the middle of the block",
               ir_op_info[in->op].name);
      if (in->op == IR_PHI && seen_other)
        report(v, b, r, "phi after a non-phi instruction (phis come first in a block)");
      seen_other |= in->op != IR_PHI;
    }
    if (bb->term == IR_NOREF) {
      report(v, b, IR_NOREF, "block has no terminator (br, cbr, ret, deopt, unwind, ...)");
    } else if (bb->term >= fn->ninstrs) {
      report(v, b, IR_NOREF, "terminator #%u out of range", bb->term);
    } else {
      const IrInstr *t = &fn->instrs[bb->term];
      if (v->home[bb->term] != b)
        report(v, b, bb->term, "instruction is listed in more than one place");
      else if (t->op >= IR_OP__COUNT || !(ir_op_info[t->op].flags & IRF_TERM))
        report(v, b, bb->term, "the block's terminator is not a terminator");
      else if (t->dead || t->block != b)
        report(v, b, bb->term, "terminator is deleted or says it is in bb%u", t->block);
    }
  }
}

/* ---- one instruction ------------------------------------------------------------- */

/* An instruction's EXTENDED_ARG prefixes start whole code units before its opcode (or
 * there are none: the two offsets are equal). */
static bool prefix_valid(const IrFrameState *fs) {
  return fs->bc_start <= fs->bc_offset && (fs->bc_offset - fs->bc_start) % 2 == 0;
}

static bool check_signature(Verifier *v, IrBlockId b, IrRef r) {
  IrFunc *fn = v->fn;
  const IrInstr *in = &fn->instrs[r];
  if (in->op >= IR_OP__COUNT) {
    report(v, b, r, "unknown operation %u", in->op);
    return false;
  }
  const IrOpInfo *info = &ir_op_info[in->op];
  bool ok = true;
  int want = ir_type_from_letter(info->sig[0]);
  if (in->type >= IR_T__COUNT) {
    report(v, b, r, "invalid result type %u", in->type);
    ok = false;
  } else if (info->sig[0] == 'a' ? in->type == IR_T_VOID : (int)in->type != want) {
    if (info->sig[0] == 'a')
      report(v, b, r, "'%s' needs a result type", info->name);
    else if (want == IR_T_VOID)
      report(v, b, r, "'%s' has no result, but is given type %s", info->name,
             ir_type_names[in->type]);
    else
      report(v, b, r, "result type is %s, but '%s' produces %s", ir_type_names[in->type],
             info->name, ir_type_names[want]);
    ok = false;
  }
  uint32_t fixed;
  bool variadic;
  ir_op_arity((IrOp)in->op, &fixed, &variadic);
  if (in->nargs < fixed || (!variadic && in->nargs > fixed)) {
    report(v, b, r, "'%s' takes %s%u operand%s, got %u", info->name,
           variadic ? "at least " : "", fixed, fixed == 1 ? "" : "s", in->nargs);
    ok = false;
  }
  for (uint32_t i = 0; i < in->nargs; i++) {
    IrRef x = in->args[i];
    if (x >= fn->ninstrs || v->home[x] == IR_NOREF || fn->instrs[x].dead) {
      report(v, b, r, "operand %u is not a live instruction", i + 1);
      ok = false;
      continue;
    }
    const IrInstr *def = &fn->instrs[x];
    char name[32];
    value_name(v, x, name, sizeof name);
    if (def->type == IR_T_VOID) {
      report(v, b, r, "operand %u refers to an instruction without a result", i + 1);
      ok = false;
      continue;
    }
    char letter = ir_op_operand_letter((IrOp)in->op, i);
    if (letter == 'a' && in->type == IR_T_VOID)
      continue; /* the missing result type is reported already */
    int t = letter == 'a' ? in->type : ir_type_from_letter(letter);
    if (letter && t >= 0 && def->type != t && in->type < IR_T__COUNT) {
      report(v, b, r, "operand %u (%s) has type %s, expected %s", i + 1, name,
             def->type < IR_T__COUNT ? ir_type_names[def->type] : "?", ir_type_names[t]);
      ok = false;
    }
  }
  /* immediates */
  for (int k = 0; k < 2; k++) {
    int64_t x = in->imm[k];
    bool bad = false;
    switch ((IrImmKind)info->imm[k]) {
    case IR_IMM_NONE: case IR_IMM_INT: case IR_IMM_F64: break;
    case IR_IMM_CONST: bad = x < -1 || x >= (int64_t)fn->nconsts; break;
    case IR_IMM_NAME: bad = x < 0 || x >= (int64_t)fn->nnames; break;
    case IR_IMM_LOCAL: bad = x < 0 || x >= (int64_t)fn->nlocalsplus; break;
    case IR_IMM_BINOP: bad = x < 0 || x >= 26; break;
    case IR_IMM_CMP: bad = x < 0 || x >= 6; break;
    case IR_IMM_FUNC:
      bad = !fn->module || x < 0 || x >= (int64_t)fn->module->nfuncs ||
            !fn->module->funcs[x];
      break;
    }
    if (bad) {
      report(v, b, r, "immediate %d out of range (%lld)", k + 1, (long long)x);
      ok = false;
    }
  }
  if (in->op == IR_CONST && in->imm[0] == -1) {
    report(v, b, r, "'const' needs a constant, not 'none'");
    ok = false;
  }
  if (in->op == IR_CONST_BOOL && in->imm[0] != 0 && in->imm[0] != 1) {
    report(v, b, r, "const.bool must be 0 or 1, not %lld", (long long)in->imm[0]);
    ok = false;
  }
  /* successors */
  bool term = info->flags & IRF_TERM;
  if (!term && in->nsucc) {
    report(v, b, r, "'%s' is not a terminator but has successors", info->name);
    ok = false;
  } else if (term && info->nsucc >= 0 && in->nsucc != (uint32_t)info->nsucc) {
    report(v, b, r, "'%s' takes %d successor%s, got %u", info->name, info->nsucc,
           info->nsucc == 1 ? "" : "s", in->nsucc);
    ok = false;
  }
  for (uint32_t i = 0; i < in->nsucc; i++) {
    if (in->succ[i] >= fn->nblocks) {
      report(v, b, r, "successor %u is not a block", i + 1);
      ok = false;
    } else if (in->succ[i] == 0) {
      report(v, b, r, "the entry block bb0 cannot be a branch target");
      ok = false;
    }
  }
  /* frame state */
  if ((info->flags & IRF_NEEDS_FS) && in->fs == IR_NOREF) {
    report(v, b, r, "'%s' can %s but has no frame state (!fs)", info->name,
           info->flags & IRF_RAISE    ? "raise"
           : info->flags & IRF_DEOPT ? "deoptimise"
                                     : "suspend");
    ok = false;
  }
  if (in->fs != IR_NOREF) {
    if (in->fs >= fn->nfstates) {
      report(v, b, r, "frame state %u out of range", in->fs);
      ok = false;
    } else if (fn->fstates[in->fs].nlocals != fn->nlocalsplus) {
      report(v, b, r, "frame state has %u locals, the function %u",
             fn->fstates[in->fs].nlocals, fn->nlocalsplus);
      ok = false;
    } else if (fn->fstates[in->fs].nframe < fn->fstates[in->fs].nstack &&
               (info->flags & (IRF_DEOPT | IRF_SUSPEND))) {
      /* the released values cannot be given back: only raising may leave there */
      report(v, b, r, "'%s' can %s, but its frame state releases stack values", info->name,
             info->flags & IRF_DEOPT ? "deoptimise" : "suspend");
      ok = false;
    } else if (!prefix_valid(&fn->fstates[in->fs])) {
      report(v, b, r, "frame state's prefix @%d is not whole code units before @%d",
             (int)fn->fstates[in->fs].bc_start, (int)fn->fstates[in->fs].bc_offset);
      ok = false;
    }
    IrBlockId h = in->fs < fn->nfstates ? fn->fstates[in->fs].handler : IR_NOREF;
    if (h != IR_NOREF && h >= fn->nblocks) {
      report(v, b, r, "frame-state handler is not a block");
      ok = false;
    } else if (h == 0) {
      report(v, b, r, "the entry block bb0 cannot be an exception handler");
      ok = false;
    } else if (h != IR_NOREF && fn->blocks[h].eh_depth < 0) {
      report(v, b, r, "frame-state handler bb%u is not a landing block (landing(depth=N))",
             h);
      ok = false;
    } else if (h != IR_NOREF && fn->fstates[in->fs].nframe < (uint32_t)fn->blocks[h].eh_depth) {
      report(v, b, r, "frame state has %u stack values, fewer than the depth %d its handler "
             "bb%u keeps", fn->fstates[in->fs].nframe, (int)fn->blocks[h].eh_depth, h);
      ok = false;
    }
  }
  return ok;
}

/* The entry's dispatch: a fresh frame goes to successor 0, a resumed one to the successor
 * whose offset is its next instruction, so those offsets must tell them apart; a resume
 * landing is entered from outside only. Needs preds. */
static void check_dispatch(Verifier *v, IrBlockId b, IrRef r) {
  IrFunc *fn = v->fn;
  const IrInstr *in = &fn->instrs[r];
  if (b != 0) {
    report(v, b, r, "'dispatch' is only the entry block's terminator");
    return;
  }
  if (in->nsucc == 0)
    report(v, b, r, "'dispatch' needs a successor for a fresh frame");
  for (uint32_t i = 1; i < in->nsucc; i++) {
    IrBlockId s = in->succ[i];
    if (s >= fn->nblocks)
      continue; /* reported by check_signature */
    const IrBlock *sb = &fn->blocks[s];
    if (sb->bc_offset <= 0) {
      report(v, b, r, "resume successor bb%u needs a bytecode offset above 0 (bb%u @N:)", s, s);
      continue;
    }
    for (uint32_t j = 1; j < i; j++)
      if (in->succ[j] < fn->nblocks && fn->blocks[in->succ[j]].bc_offset == sb->bc_offset)
        report(v, b, r, "resume successors bb%u and bb%u both resume at offset %d",
               in->succ[j], s, (int)sb->bc_offset);
    if (sb->npreds != 1 || in->succ[0] == s)
      report(v, b, r, "resume successor bb%u has another predecessor", s);
  }
}

static void check_phi(Verifier *v, IrBlockId b, IrRef r) {
  IrFunc *fn = v->fn;
  const IrInstr *in = &fn->instrs[r];
  const IrBlock *bb = &fn->blocks[b];
  if (!in->phi_from && in->nargs) {
    report(v, b, r, "phi without incoming blocks");
    return;
  }
  if (b == 0) {
    report(v, b, r, "phi in the entry block (it has no predecessors)");
    return;
  }
  if (bb->landing) {
    report(v, b, r, "phi in a landing block (it is entered from the frame)");
    return;
  }
  if (in->nargs != bb->npreds)
    report(v, b, r, "phi has %u operand%s but bb%u has %u predecessor%s", in->nargs,
           in->nargs == 1 ? "" : "s", b, bb->npreds, bb->npreds == 1 ? "" : "s");
  for (uint32_t i = 0; i < in->nargs; i++) {
    IrBlockId from = in->phi_from[i];
    bool is_pred = false;
    for (uint32_t j = 0; j < bb->npreds; j++)
      is_pred |= bb->preds[j] == from;
    if (!is_pred) {
      if (from < fn->nblocks)
        report(v, b, r, "phi operand %u comes from bb%u, which is not a predecessor of bb%u",
               i + 1, from, b);
      else
        report(v, b, r, "phi operand %u has no incoming block", i + 1);
    }
    for (uint32_t j = 0; j < i; j++) {
      if (in->phi_from[j] == from) {
        report(v, b, r, "phi has two operands for bb%u", from);
        break;
      }
    }
  }
}

/* Does the definition of x reach a use at position upos of block ub? */
static bool available(const Verifier *v, IrRef x, IrBlockId ub, uint32_t upos) {
  IrBlockId db = v->home[x];
  if (db == ub)
    return v->pos[x] < upos;
  return ir_dominates(v->fn, db, ub);
}

static void check_ssa(Verifier *v, IrBlockId b, IrRef r) {
  IrFunc *fn = v->fn;
  const IrInstr *in = &fn->instrs[r];
  if (fn->blocks[b].rpo == UINT32_MAX)
    return; /* unreachable: nothing runs there */
  char name[32];
  for (uint32_t i = 0; i < in->nargs; i++) {
    IrRef x = in->args[i];
    if (x >= fn->ninstrs || v->home[x] == IR_NOREF || fn->instrs[x].type == IR_T_VOID)
      continue; /* reported by check_signature */
    bool again = false; /* `add %a, %a`: one report */
    for (uint32_t j = 0; j < i && in->op != IR_PHI; j++)
      again |= in->args[j] == x;
    if (again)
      continue;
    value_name(v, x, name, sizeof name);
    if (in->op == IR_PHI && in->phi_from) {
      IrBlockId from = in->phi_from[i];
      if (from < fn->nblocks && fn->blocks[from].rpo != UINT32_MAX &&
          !available(v, x, from, UINT32_MAX))
        report(v, b, r, "phi operand %s is not defined on every path to the end of bb%u",
               name, from);
    } else if (!available(v, x, b, v->pos[r])) {
      report(v, b, r, "%s does not dominate this use%s", name,
             v->home[x] == b ? " (it is defined later in the block)" : "");
    }
  }
  if (in->fs == IR_NOREF || in->fs >= fn->nfstates)
    return;
  const IrFrameState *fs = &fn->fstates[in->fs];
  for (uint32_t i = 0; i < fs->nlocals + fs->nstack; i++) {
    IrRef x = fs->vals[i];
    if (x == IR_FS_MEM || x == IR_FS_UNSET)
      continue;
    if (x >= fn->ninstrs || v->home[x] == IR_NOREF || fn->instrs[x].dead ||
        fn->instrs[x].type == IR_T_VOID) {
      report(v, b, r, "frame-state slot %u is not a live value", i + 1);
      continue;
    }
    value_name(v, x, name, sizeof name);
    if (!available(v, x, b, v->pos[r]))
      report(v, b, r, "frame-state value %s does not dominate the instruction", name);
  }
}

static void check_consts(Verifier *v) {
  IrFunc *fn = v->fn;
  for (uint32_t i = 0; i < fn->nconsts; i++) {
    const IrConst *c = &fn->consts[i];
    if (c->kind == IR_C_TUPLE || c->kind == IR_C_FROZENSET) {
      for (uint32_t k = 0; k < c->n; k++)
        if (c->u.items[k] >= i) /* items come first: no cycles */
          report(v, IR_NOREF, IR_NOREF, "constant %u: item %u is not an earlier constant",
                 i, k);
    } else if (c->kind == IR_C_CODE) {
      if (!fn->module || c->u.func >= fn->module->nfuncs || !fn->module->funcs[c->u.func])
        report(v, IR_NOREF, IR_NOREF, "constant %u names no function", i);
    } else if (c->kind > IR_C_CODE) {
      report(v, IR_NOREF, IR_NOREF, "constant %u has an unknown kind %u", i, c->kind);
    }
  }
}

int ir_verify_func(PyllcDiag *diag, IrFunc *fn) {
  PyllcDiag *own = NULL;
  if (!diag)
    diag = own = pyllc_diag_new(stderr);
  Verifier v = {diag, fn, 0, ir_number_values(fn), NULL, NULL, {0}};
  ir_func_label(fn, v.label, sizeof v.label);
  v.pos = malloc((fn->ninstrs + 1) * sizeof *v.pos);
  v.home = malloc((fn->ninstrs + 1) * sizeof *v.home);
  if (!v.pos || !v.home)
    PYLLC_DIE("out of memory");
  for (IrRef r = 0; r < fn->ninstrs; r++) {
    v.pos[r] = UINT32_MAX;
    v.home[r] = IR_NOREF;
  }
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    const IrBlock *bb = &fn->blocks[b];
    for (uint32_t i = 0; i <= bb->ninstrs; i++) {
      IrRef r = i < bb->ninstrs ? bb->instrs[i] : bb->term;
      if (r < fn->ninstrs && v.home[r] == IR_NOREF) {
        v.home[r] = b;
        v.pos[r] = i;
      }
    }
  }
  check_structure(&v);
  check_consts(&v);
  ir_fill_preds(fn);
  ir_fill_rpo(fn);
  ir_fill_doms(fn);
  for (IrBlockId b = 0; b < fn->nblocks; b++)
    if (fn->blocks[b].landing && fn->blocks[b].npreds)
      report(&v, b, IR_NOREF, "landing block (a frame state's handler) has predecessors");
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    const IrBlock *bb = &fn->blocks[b];
    for (uint32_t i = 0; i <= bb->ninstrs; i++) {
      IrRef r = i < bb->ninstrs ? bb->instrs[i] : bb->term;
      if (r >= fn->ninstrs || v.home[r] != b)
        continue;
      bool sig_ok = check_signature(&v, b, r);
      if (fn->instrs[r].op == IR_PHI)
        check_phi(&v, b, r);
      if (sig_ok && fn->instrs[r].op == IR_DISPATCH)
        check_dispatch(&v, b, r);
      if (sig_ok || fn->instrs[r].op == IR_PHI)
        check_ssa(&v, b, r);
    }
  }
  free(v.num);
  free(v.pos);
  free(v.home);
  pyllc_diag_free(own);
  return v.problems;
}

int ir_verify_module(PyllcDiag *diag, IrModule *m) {
  int n = 0;
  for (uint32_t i = 0; i < m->nfuncs; i++)
    if (m->funcs[i])
      n += ir_verify_func(diag, m->funcs[i]);
  return n;
}
