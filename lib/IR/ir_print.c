/* ir_print.c - the textual form of the IR, which ir_parse.c reads back.
 *
 * Grammar (one instruction per line; `;` starts a comment; docs/IR.md has the details):
 *
 *   module   := func*
 *   func     := 'func' '@'FNAME '(' attr (',' attr)* ')' 'locals' '(' local,* ')' '{'
 *               block* '}'
 *   attr     := argc=N | posonly=N | kwonly=N | flags=N | stack=N | firstline=N
 *             | qualname="..." | name="..."
 *   local    := LNAME ':' kind ('|' kind)*         kind := local | cell | free | N
 *   block    := LABEL ['@'N] [landing] ':' instr*   (@N: bytecode offset of the block)
 *   landing  := 'landing(depth=' N [', lasti'] ')'  (an exception handler's landing block)
 *   instr    := ['%'V ':' type '='] mnemonic imm* [operand (',' operand)*] [fs] [line] [spec]
 *   operand  := '%'V | '[' '%'V ',' LABEL ']' (phi) | LABEL (terminator successors)
 *   imm      := INT | FLOAT | literal | none | "name" | '$'LNAME | binop | cmp | '@'FNAME
 *   fs       := '!fs(' '@'N ['prefix' '@'N] ['handler' LABEL] ['|' stack
 *               ['|' ('$'LNAME '=' slot),*]] ')'
 *               (prefix: where the instruction's EXTENDED_ARG prefixes start)
 *   stack    := slot,* with 'release' before the first slot leaving releases
 *               slot := '%'V | null | mem
 *   line     := '!line' N
 *   spec     := '!spec' OPNAME  (IrInstr.spec: the specialised CPython opcode seen there)
 *   literal  := None | True | False | ... | INT | FLOAT | complex(F, F) | "str" | b"bytes"
 *             | '(' literal,* ')' | frozenset({literal,*}) | '@'FNAME
 *
 * The printer renumbers: values (%N) densely in layout order counting only instructions
 * with a result, blocks as bbN by index. Hence print(parse(print(f))) == print(f).
 * Everything about an operation (result, immediates, operands, successors) is printed
 * from its ir_op_info row; no operation has code of its own here.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir_internal.h"
#include "pyllc/support.h"

typedef struct Printer {
  FILE *out;
  const IrFunc *fn;
  uint32_t *num; /* value number of each instruction, UINT32_MAX if none */
} Printer;

/* ---- literals shared with the parser's expectations ---------------------------------- */

void ir_format_f64(char *buf, size_t size, double d) {
  if (isnan(d)) {
    snprintf(buf, size, "nan");
    return;
  }
  if (isinf(d)) {
    snprintf(buf, size, d < 0 ? "-inf" : "inf");
    return;
  }
  for (int prec = 1; prec <= 17; prec++) {
    snprintf(buf, size, "%.*g", prec, d);
    if (strtod(buf, NULL) == d)
      break;
  }
  if (!strpbrk(buf, ".e")) {
    size_t n = strlen(buf);
    if (n + 3 <= size)
      memcpy(buf + n, ".0", 3);
  }
}

/* After a sigil ($x @x %x) a name may be any run of [A-Za-z0-9_.]; without one (the
 * locals list) it must also start like an identifier. */
static bool is_bare_name(const char *s, bool sigil) {
  if (!*s)
    return false;
  if (!sigil && !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
    return false;
  for (; *s; s++) {
    char c = *s;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '_' || c == '.'))
      return false;
  }
  return true;
}

void ir_print_string(FILE *out, const char *s, size_t n, bool bytes) {
  if (bytes)
    fputc('b', out);
  fputc('"', out);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\r': fputs("\\r", out); break;
    case '\t': fputs("\\t", out); break;
    default:
      if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80))
        fprintf(out, "\\x%02x", c);
      else
        fputc(c, out);
    }
  }
  fputc('"', out);
}

/* $name / @name, quoted when the name has other characters than [A-Za-z0-9_.]. */
static void print_name(FILE *out, char sigil, const char *name) {
  fputc(sigil, out);
  if (is_bare_name(name, true))
    fputs(name, out);
  else
    ir_print_string(out, name, strlen(name), false);
}

static void print_func_ref(FILE *out, const IrModule *m, uint64_t index) {
  if (!m || index >= m->nfuncs || !m->funcs[index]) {
    fputs("@<invalid>", out);
    return;
  }
  char buf[512];
  print_name(out, '@', ir_func_label(m->funcs[index], buf, sizeof buf));
}

static void print_const(FILE *out, const IrFunc *fn, uint64_t index, int depth) {
  if (index >= fn->nconsts || depth > IR_MAX_NESTING) {
    fputs("<invalid>", out);
    return;
  }
  const IrConst *c = &fn->consts[index];
  char buf[64];
  switch ((IrConstKind)c->kind) {
  case IR_C_NONE: fputs("None", out); break;
  case IR_C_TRUE: fputs("True", out); break;
  case IR_C_FALSE: fputs("False", out); break;
  case IR_C_ELLIPSIS: fputs("...", out); break;
  case IR_C_INT:
    if (c->big)
      fwrite(c->u.str, 1, c->n, out);
    else
      fprintf(out, "%" PRId64, c->u.i);
    break;
  case IR_C_FLOAT:
    ir_format_f64(buf, sizeof buf, c->u.f);
    fputs(buf, out);
    break;
  case IR_C_COMPLEX:
    ir_format_f64(buf, sizeof buf, c->u.c[0]);
    fprintf(out, "complex(%s, ", buf);
    ir_format_f64(buf, sizeof buf, c->u.c[1]);
    fprintf(out, "%s)", buf);
    break;
  case IR_C_STR:
  case IR_C_BYTES:
    ir_print_string(out, c->u.str, c->n, c->kind == IR_C_BYTES);
    break;
  case IR_C_TUPLE:
  case IR_C_FROZENSET:
    if (c->kind == IR_C_FROZENSET && c->n == 0) {
      fputs("frozenset()", out);
      break;
    }
    fputs(c->kind == IR_C_TUPLE ? "(" : "frozenset({", out);
    for (uint32_t i = 0; i < c->n; i++) {
      if (i)
        fputs(", ", out);
      print_const(out, fn, c->u.items[i], depth + 1);
    }
    if (c->kind == IR_C_TUPLE && c->n == 1)
      fputc(',', out);
    fputs(c->kind == IR_C_TUPLE ? ")" : "})", out);
    break;
  case IR_C_CODE:
    print_func_ref(out, fn->module, c->u.func);
    break;
  default:
    fputs("<invalid>", out);
  }
}

void ir_print_const(FILE *out, const IrFunc *fn, uint32_t index) {
  print_const(out, fn, index, 0);
}

/* ---- instructions --------------------------------------------------------------- */

static void print_value(Printer *p, IrRef v) {
  if (v < p->fn->ninstrs && p->num[v] != UINT32_MAX)
    fprintf(p->out, "%%%u", p->num[v]);
  else
    fputs("%<invalid>", p->out);
}

static void print_block_ref(Printer *p, IrBlockId b) {
  if (b < p->fn->nblocks)
    fprintf(p->out, "bb%u", b);
  else
    fputs("bb<invalid>", p->out);
}

static void print_local_ref(Printer *p, int64_t i) {
  if (i >= 0 && (uint64_t)i < p->fn->nlocalsplus && p->fn->localnames)
    print_name(p->out, '$', p->fn->localnames[i]);
  else
    fputs("$<invalid>", p->out);
}

static void print_imm(Printer *p, IrImmKind kind, int64_t v) {
  const IrFunc *fn = p->fn;
  char buf[64];
  switch (kind) {
  case IR_IMM_NONE: break;
  case IR_IMM_INT: fprintf(p->out, "%" PRId64, v); break;
  case IR_IMM_F64: {
    union { int64_t i; double d; } u = {v};
    ir_format_f64(buf, sizeof buf, u.d);
    fputs(buf, p->out);
    break;
  }
  case IR_IMM_CONST:
    if (v == -1)
      fputs("none", p->out);
    else
      print_const(p->out, fn, (uint64_t)v, 0);
    break;
  case IR_IMM_NAME:
    if (v >= 0 && (uint64_t)v < fn->nnames)
      ir_print_string(p->out, fn->names[v], strlen(fn->names[v]), false);
    else
      fputs("<invalid>", p->out);
    break;
  case IR_IMM_LOCAL: print_local_ref(p, v); break;
  case IR_IMM_BINOP:
    fputs(v >= 0 && v < 26 ? ir_binop_names[v] : "<invalid>", p->out);
    break;
  case IR_IMM_CMP: fputs(v >= 0 && v < 6 ? ir_cmp_names[v] : "<invalid>", p->out); break;
  case IR_IMM_FUNC: print_func_ref(p->out, fn->module, (uint64_t)v); break;
  }
}

static void print_slot(Printer *p, IrRef v) {
  if (v == IR_FS_UNSET)
    fputs("null", p->out);
  else if (v == IR_FS_MEM)
    fputs("mem", p->out);
  else
    print_value(p, v);
}

/* !fs(@OFF [prefix @START] [handler bbN] | stack... | $local=slot, ...); empty trailing
 * parts are left out. */
static void print_fstate(Printer *p, const IrFrameState *fs) {
  fprintf(p->out, " !fs(@%" PRId32, fs->bc_offset);
  if (fs->bc_start != fs->bc_offset)
    fprintf(p->out, " prefix @%" PRId32, fs->bc_start);
  if (fs->handler != IR_NOREF) {
    fputs(" handler ", p->out);
    print_block_ref(p, fs->handler);
  }
  bool any_local = false;
  for (uint32_t i = 0; i < fs->nlocals; i++)
    any_local |= fs->vals[i] != IR_FS_MEM;
  if (fs->nstack || any_local) {
    fputs(" |", p->out);
    for (uint32_t i = 0; i < fs->nstack; i++) {
      fputs(i ? ", " : " ", p->out);
      if (i == fs->nframe)
        fputs("release ", p->out);
      print_slot(p, fs->vals[fs->nlocals + i]);
    }
  }
  if (any_local) {
    fputs(" |", p->out);
    bool first = true;
    for (uint32_t i = 0; i < fs->nlocals; i++) {
      if (fs->vals[i] == IR_FS_MEM)
        continue;
      fputs(first ? " " : ", ", p->out);
      first = false;
      print_local_ref(p, i);
      fputc('=', p->out);
      print_slot(p, fs->vals[i]);
    }
  }
  fputc(')', p->out);
}

static void print_instr(Printer *p, IrRef r) {
  const IrFunc *fn = p->fn;
  const IrInstr *in = &fn->instrs[r];
  const IrOpInfo *info = in->op < IR_OP__COUNT ? &ir_op_info[in->op] : NULL;
  fputs("  ", p->out);
  if (!info) {
    fprintf(p->out, "<invalid op %u>\n", in->op);
    return;
  }
  if (in->type != IR_T_VOID) {
    print_value(p, r);
    fprintf(p->out, ":%s = ", in->type < IR_T__COUNT ? ir_type_names[in->type] : "<invalid>");
  }
  fputs(info->name, p->out);
  for (int k = 0; k < 2; k++) {
    if (info->imm[k] == IR_IMM_NONE)
      continue;
    fputc(' ', p->out);
    print_imm(p, (IrImmKind)info->imm[k], in->imm[k]);
  }
  uint32_t nitems = 0;
  for (uint32_t i = 0; i < in->nargs; i++, nitems++) {
    fputs(nitems ? ", " : " ", p->out);
    if (in->op == IR_PHI && in->phi_from) {
      fputc('[', p->out);
      print_value(p, in->args[i]);
      fputs(", ", p->out);
      print_block_ref(p, in->phi_from[i]);
      fputc(']', p->out);
    } else {
      print_value(p, in->args[i]);
    }
  }
  for (uint32_t i = 0; i < in->nsucc; i++, nitems++) {
    fputs(nitems ? ", " : " ", p->out);
    print_block_ref(p, in->succ[i]);
  }
  if (in->fs != IR_NOREF) {
    if (in->fs < fn->nfstates)
      print_fstate(p, &fn->fstates[in->fs]);
    else
      fputs(" !fs(<invalid>)", p->out);
  }
  if (in->line >= 0)
    fprintf(p->out, " !line %" PRId32, in->line);
  if (in->spec)
    fprintf(p->out, " !spec %s", ir_spec_names[in->spec] ? ir_spec_names[in->spec] : "?");
  fputc('\n', p->out);
}

/* ---- functions ------------------------------------------------------------------ */

static void print_kind(FILE *out, uint8_t kind) {
  static const struct { uint8_t bit; const char *name; } kinds[] = {
      {IR_LOCAL_PLAIN, "local"}, {IR_LOCAL_CELL, "cell"}, {IR_LOCAL_FREE, "free"}};
  uint8_t known = IR_LOCAL_PLAIN | IR_LOCAL_CELL | IR_LOCAL_FREE;
  if (kind == 0 || (kind & ~known)) {
    fprintf(out, "0x%x", kind);
    return;
  }
  bool first = true;
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
    if (!(kind & kinds[i].bit))
      continue;
    if (!first)
      fputc('|', out);
    fputs(kinds[i].name, out);
    first = false;
  }
}

uint32_t *ir_number_values(const IrFunc *fn) {
  uint32_t *num = malloc((fn->ninstrs + 1) * sizeof *num);
  if (!num)
    PYLLC_DIE("out of memory");
  for (IrRef r = 0; r < fn->ninstrs; r++)
    num[r] = UINT32_MAX;
  uint32_t next = 0;
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    const IrBlock *bb = &fn->blocks[b];
    for (uint32_t i = 0; i <= bb->ninstrs; i++) {
      IrRef r = i < bb->ninstrs ? bb->instrs[i] : bb->term;
      if (r < fn->ninstrs && fn->instrs[r].type != IR_T_VOID && num[r] == UINT32_MAX)
        num[r] = next++;
    }
  }
  return num;
}

void ir_print_func(FILE *out, const IrFunc *fn) {
  Printer p = {out, fn, ir_number_values(fn)};

  char label[512];
  fputs("func ", out);
  print_name(out, '@', ir_func_label(fn, label, sizeof label));
  fprintf(out, "(argc=%u, posonly=%u, kwonly=%u, flags=0x%x, stack=%u, firstline=%" PRId32
          ", qualname=", fn->argcount, fn->posonlyargcount, fn->kwonlyargcount, fn->flags,
          fn->stacksize, fn->firstlineno);
  const char *qual = fn->qualname ? fn->qualname : fn->name;
  ir_print_string(out, qual, strlen(qual), false);
  if (strcmp(label, fn->name) != 0) {
    fputs(", name=", out);
    ir_print_string(out, fn->name, strlen(fn->name), false);
  }
  fputs(") locals(", out);
  for (uint32_t i = 0; i < fn->nlocalsplus; i++) {
    if (i)
      fputs(", ", out);
    const char *name = fn->localnames ? fn->localnames[i] : "";
    if (is_bare_name(name, false))
      fputs(name, out);
    else
      ir_print_string(out, name, strlen(name), false);
    fputc(':', out);
    print_kind(out, fn->localkinds ? fn->localkinds[i] : 0);
  }
  fputs(") {\n", out);
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    const IrBlock *bb = &fn->blocks[b];
    fprintf(out, "bb%u", b);
    if (bb->bc_offset >= 0)
      fprintf(out, " @%" PRId32, bb->bc_offset);
    if (bb->eh_depth >= 0)
      fprintf(out, " landing(depth=%" PRId32 "%s)", bb->eh_depth, bb->eh_lasti ? ", lasti" : "");
    fputs(":\n", out);
    for (uint32_t i = 0; i < bb->ninstrs; i++) {
      if (bb->instrs[i] < fn->ninstrs)
        print_instr(&p, bb->instrs[i]);
      else
        fputs("  <invalid instruction>\n", out);
    }
    if (bb->term < fn->ninstrs)
      print_instr(&p, bb->term);
  }
  fputs("}\n", out);
  free(p.num);
}

void ir_print_module(FILE *out, const IrModule *m) {
  bool first = true;
  for (uint32_t i = 0; i < m->nfuncs; i++) {
    if (!m->funcs[i])
      continue;
    if (!first)
      fputc('\n', out);
    first = false;
    ir_print_func(out, m->funcs[i]);
  }
}

/* ---- derived data ---------------------------------------------------------------- */

static void print_block_list(FILE *out, const IrBlockId *list, uint32_t n) {
  fputc('[', out);
  for (uint32_t i = 0; i < n; i++)
    fprintf(out, "%sbb%u", i ? ", " : "", list[i]);
  fputc(']', out);
}

void ir_print_analyses(FILE *out, IrFunc *fn) {
  ir_fill_preds(fn);
  ir_fill_rpo(fn);
  ir_fill_doms(fn);
  ir_fill_loops(fn);
  ir_fill_uses(fn);
  uint32_t *num = ir_number_values(fn);
  char label[512];
  fputs("; analyses of ", out);
  print_name(out, '@', ir_func_label(fn, label, sizeof label));
  fputs("\n; rpo: ", out);
  print_block_list(out, fn->rpo_order, fn->nrpo);
  fputc('\n', out);
  for (IrBlockId b = 0; b < fn->nblocks; b++) {
    const IrBlock *bb = &fn->blocks[b];
    fprintf(out, "; bb%u: preds ", b);
    print_block_list(out, bb->preds, bb->npreds);
    if (bb->rpo == UINT32_MAX) {
      fputs(" unreachable\n", out);
      continue;
    }
    if (bb->idom != IR_NOREF)
      fprintf(out, " idom bb%u", bb->idom);
    else
      fputs(" idom -", out);
    if (bb->landing)
      fputs(" landing", out);
    fprintf(out, " loop_depth %u", bb->loop_depth);
    if (bb->loop_header != IR_NOREF)
      fprintf(out, " loop_header bb%u", bb->loop_header);
    fputc('\n', out);
  }
  for (IrRef r = 0; r < fn->ninstrs; r++) {
    if (num[r] == UINT32_MAX || fn->instrs[r].dead)
      continue;
    fprintf(out, "; %%%u users:", num[r]);
    for (uint32_t i = 0; i < fn->nusers[r]; i++) {
      IrRef u = fn->users[r][i];
      if (num[u] != UINT32_MAX)
        fprintf(out, " %%%u", num[u]);
      else
        fprintf(out, " %s", ir_op_info[fn->instrs[u].op].name);
    }
    fputc('\n', out);
  }
  free(num);
}
