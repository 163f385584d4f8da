/* decode.c - CPython 3.11 code units -> validated instructions.
 *
 * Encoding (Include/cpython/code.h, Python/ceval.c): 2-byte code units (opcode, oparg);
 * EXTENDED_ARG units prefix an instruction with higher argument bytes; inline CACHE
 * units follow the instructions that have them (opcodes_311.def). A relative jump counts
 * from the unit after the jump's opcode unit. Quickened code holds specialised opcodes;
 * they are mapped back to their base opcode and kept as type feedback.
 *
 * Line table (Objects/locations.md): entries of 1-8 code units; first byte 1CCCCLLL
 * (code C, L+1 units); C=15 no location, C=14 long form (svarint line delta, varint end
 * line delta, columns), C=13 line delta only, C=10..12 line delta C-10 and two column
 * bytes, C=0..9 same line and one column byte. Varints: 6-bit chunks, least significant
 * first, 0x40 = more.
 *
 * Exception table (Objects/exception_handling_notes.txt): entries of four varints
 * (start, size, target, depth << 1 | lasti) in code units; here the 6-bit chunks come
 * most significant first, 0x40 = more, and 0x80 marks the first byte of an entry.
 *
 * Everything is bounds-checked: the input may be any bytes (the fuzz target's).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytecode.h"
#include "pyllc/support.h"

static int fe_popcount4(uint32_t x) {
  return (int)((x & 1) + ((x >> 1) & 1) + ((x >> 2) & 1) + ((x >> 3) & 1));
}

const FeOpInfo fe_op_info[256] = {
#define FE_OP(num, nm, argk, pops, push, pjmp, jmp, nc)                                    \
  [num] = {#nm, num, argk, jmp, nc, true, false},
#define FE_SPEC(num, nm, base, fb)                                                         \
  [num] = {#nm, FE_##base, 0, 0, 0, false, fb},
#include "opcodes_311.def"
#undef FE_OP
#undef FE_SPEC
};

void fe_stack_effect(int op, uint32_t oparg, int *pops, int *push, int *push_jump) {
  switch (op) {
#define FE_OP(num, nm, argk, po, pu, pj, jmp, nc)                                          \
  case num:                                                                                \
    *pops = (int)(po);                                                                     \
    *push = (int)(pu);                                                                     \
    *push_jump = (int)(pj);                                                                \
    return;
#define FE_SPEC(num, nm, base, fb)
#include "opcodes_311.def"
#undef FE_OP
#undef FE_SPEC
  default:
    *pops = *push = *push_jump = 0;
  }
}

/* ---- line table -------------------------------------------------------------------- */

typedef struct LineReader {
  const uint8_t *p, *end;
  bool bad;
} LineReader;

static uint32_t lt_varint(LineReader *r) {
  uint32_t v = 0;
  int shift = 0;
  for (;;) {
    if (r->p >= r->end) {
      r->bad = true;
      return 0;
    }
    uint8_t b = *r->p++;
    if (shift < 30)
      v |= (uint32_t)(b & 63) << shift;
    shift += 6;
    if (!(b & 64))
      return v;
  }
}

static int32_t lt_svarint(LineReader *r) {
  uint32_t v = lt_varint(r);
  return (v & 1) ? -(int32_t)(v >> 1) : (int32_t)(v >> 1);
}

/* Fills lines[0..ncode) (-1 where none), and cols (0-based, -1 where none) unless NULL;
 * a malformed table leaves the rest -1. */
static void fill_positions(const FeCode *c, int32_t *lines, int32_t *cols) {
  for (uint32_t i = 0; i < c->ncode; i++) {
    lines[i] = -1;
    if (cols)
      cols[i] = -1;
  }
  LineReader r = {c->linetable, c->linetable + c->nlinetable, false};
  int64_t line = c->firstlineno;
  uint32_t unit = 0;
  while (r.p < r.end && unit < c->ncode && !r.bad) {
    uint8_t first = *r.p++;
    if (!(first & 0x80))
      return;
    int code = (first >> 3) & 15;
    uint32_t len = (uint32_t)(first & 7) + 1;
    bool has = true;
    int64_t col = -1;
    if (code == 15) {
      has = false;
    } else if (code == 14) {
      line += lt_svarint(&r);
      lt_varint(&r);
      col = (int64_t)lt_varint(&r) - 1;
      lt_varint(&r);
    } else if (code == 13) {
      line += lt_svarint(&r);
    } else if (code >= 10) {
      line += code - 10;
      if (r.p < r.end)
        col = *r.p;
      r.p += 2;
      if (r.p > r.end)
        r.bad = true;
    } else {
      if (r.p < r.end) /* short form: column code * 8 + the high bits of the next byte */
        col = code * 8 + ((*r.p >> 4) & 7);
      r.p += 1;
      if (r.p > r.end)
        r.bad = true;
    }
    if (r.bad)
      return;
    if (line < -1 || line > INT32_MAX)
      return;
    for (uint32_t k = 0; k < len && unit < c->ncode; k++, unit++) {
      lines[unit] = has ? (int32_t)line : -1;
      if (cols)
        cols[unit] = has && col >= 0 && col <= INT32_MAX ? (int32_t)col : -1;
    }
  }
}

static void fill_lines(const FeCode *c, int32_t *lines) { fill_positions(c, lines, NULL); }

int32_t fe_col_of(const FeCode *c, uint32_t unit) {
  if (unit >= c->ncode)
    return -1;
  int32_t *lines = malloc(sizeof *lines * c->ncode * 2);
  if (!lines)
    PYLLC_DIE("out of memory");
  fill_positions(c, lines, lines + c->ncode);
  int32_t col = lines[c->ncode + unit];
  free(lines);
  return col;
}

int32_t fe_line_of(const FeCode *c, uint32_t unit) {
  if (unit >= c->ncode)
    return -1;
  int32_t *lines = malloc(sizeof *lines * c->ncode);
  if (!lines)
    PYLLC_DIE("out of memory");
  fill_lines(c, lines);
  int32_t l = lines[unit];
  free(lines);
  return l;
}

void fe_error_at(PyllcDiag *d, const FeCode *c, uint32_t unit, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  int32_t line = fe_line_of(c, unit);
  if (c->line_in_message && line > 0)
    pyllc_error(d, c->filename, 0, 0, "offset %lu (line %ld): %s", (unsigned long)unit * 2,
                (long)line, msg);
  else
    pyllc_error(d, c->filename, line > 0 ? line : 0, 0, "offset %lu: %s",
                (unsigned long)unit * 2, msg);
}

/* ---- exception table --------------------------------------------------------------- */

static bool et_varint(const uint8_t **p, const uint8_t *end, uint32_t *out) {
  if (*p >= end)
    return false;
  uint32_t v = **p & 63;
  while (**p & 64) {
    (*p)++;
    if (*p >= end || v > (1u << 24))
      return false;
    v = (v << 6) | (**p & 63);
  }
  (*p)++;
  *out = v;
  return true;
}

static bool parse_exctable(PyllcDiag *d, const FeCode *c, FeDecoded *dec) {
  const uint8_t *p = c->exctable, *end = c->exctable + c->nexctable;
  uint32_t cap = 0;
  while (p < end) {
    size_t at = (size_t)(p - c->exctable);
    if (!(*p & 0x80)) {
      pyllc_error(d, c->filename, 0, 0,
                  "exception table byte %zu: expected the start of an entry", at);
      return false;
    }
    uint32_t start, size, target, dl;
    if (!et_varint(&p, end, &start) || !et_varint(&p, end, &size) ||
        !et_varint(&p, end, &target) || !et_varint(&p, end, &dl)) {
      pyllc_error(d, c->filename, 0, 0, "exception table byte %zu: truncated entry", at);
      return false;
    }
    if ((uint64_t)start + size > c->ncode || size == 0) {
      pyllc_error(d, c->filename, 0, 0,
                  "exception table byte %zu: range [%lu, %lu) outside the code (%lu bytes)",
                  at, (unsigned long)start * 2, ((unsigned long)start + size) * 2,
                  (unsigned long)c->ncode * 2);
      return false;
    }
    if (target >= c->ncode || dec->index_of_unit[target] < 0) {
      pyllc_error(d, c->filename, 0, 0,
                  "exception table byte %zu: handler offset %lu is not an instruction", at,
                  (unsigned long)target * 2);
      return false;
    }
    if (dec->nhandlers == cap) {
      cap = cap ? cap * 2 : 8;
      dec->handlers = realloc(dec->handlers, sizeof *dec->handlers * cap);
      if (!dec->handlers)
        PYLLC_DIE("out of memory");
    }
    dec->handlers[dec->nhandlers++] = (FeHandler){start, start + size,
                                                  (uint32_t)dec->index_of_unit[target],
                                                  dl >> 1, dl & 1};
  }
  return true;
}

/* ---- instructions ------------------------------------------------------------------ */

static bool check_arg(PyllcDiag *d, const FeCode *c, const FeDecoded *dec, FeInstr *in) {
  const FeOpInfo *oi = &fe_op_info[in->op];
  uint32_t a = in->arg;
  const char *what = NULL;
  uint32_t limit = 0;
  switch (oi->arg) {
  case FE_ARG_CONST:
    what = "constant", limit = c->nconsts;
    break;
  case FE_ARG_NAME:
    what = "name", limit = c->nnames;
    break;
  case FE_ARG_GLOBAL:
    what = "name", limit = c->nnames, a >>= 1;
    break;
  case FE_ARG_LOCAL:
    what = "local", limit = c->nlocalsplus;
    break;
  case FE_ARG_CMP:
    what = "comparison", limit = 6;
    break;
  case FE_ARG_BINOP:
    what = "binary operator", limit = 26;
    break;
  case FE_ARG_JFWD:
  case FE_ARG_JBACK: {
    int64_t t = (int64_t)in->unit + 1 + (oi->arg == FE_ARG_JFWD ? (int64_t)a : -(int64_t)a);
    if (t < 0 || t >= c->ncode || dec->index_of_unit[t] < 0) {
      fe_error_at(d, c, in->unit, "%s jumps to offset %lld, which is not an instruction",
                  oi->name, (long long)t * 2);
      return false;
    }
    in->target = dec->index_of_unit[t];
    return true;
  }
  default:
    break;
  }
  if (what && a >= limit) {
    fe_error_at(d, c, in->unit, "%s argument %lu out of range (%lu %ss)", oi->name,
                (unsigned long)a, (unsigned long)limit, what);
    return false;
  }
  /* Arguments the builder relies on beyond plain ranges. */
  switch (in->op) {
  case FE_COPY_FREE_VARS:
    if (a > c->nlocalsplus)
      break;
    return true;
  case FE_MAKE_CELL:
  case FE_LOAD_DEREF:
  case FE_STORE_DEREF:
  case FE_DELETE_DEREF:
  case FE_LOAD_CLASSDEREF:
  case FE_LOAD_CLOSURE:
    /* CO_FAST_CELL | CO_FAST_FREE */
    if (c->localkinds && !(c->localkinds[a] & 0xC0)) {
      fe_error_at(d, c, in->unit, "%s of local %lu, which is not a cell or free variable",
                  oi->name, (unsigned long)a);
      return false;
    }
    return true;
  default:
    if (fe_oparg_valid(in->op, a))
      return true;
    break;
  }
  fe_error_at(d, c, in->unit, "invalid argument %lu for %s", (unsigned long)a, oi->name);
  return false;
}

bool fe_oparg_valid(int op, uint32_t a) {
  switch (fe_op_info[op].arg) {
  case FE_ARG_CMP: return a < 6;
  case FE_ARG_BINOP: return a < 26;
  default: break;
  }
  switch (op) {
  case FE_RAISE_VARARGS: return a <= 2;
  case FE_BUILD_SLICE: return a == 2 || a == 3;
  case FE_COPY:
  case FE_SWAP:
  case FE_LIST_APPEND:
  case FE_SET_ADD:
  case FE_MAP_ADD:
  case FE_LIST_EXTEND:
  case FE_SET_UPDATE:
  case FE_DICT_UPDATE:
  case FE_DICT_MERGE: return a >= 1;
  case FE_IS_OP:
  case FE_CONTAINS_OP:
  case FE_CALL_FUNCTION_EX: return a <= 1;
  case FE_FORMAT_VALUE: return a <= 7;
  case FE_MAKE_FUNCTION: return a <= 15;
  case FE_UNPACK_EX: return a <= 0xFFFF;
  default: return true;
  }
}

bool fe_decode(PyllcDiag *d, const FeCode *c, FeDecoded *out) {
  memset(out, 0, sizeof *out);
  if (c->stacksize > (1u << 20)) {
    pyllc_error(d, c->filename, 0, 0, "co_stacksize %lu is too large",
                (unsigned long)c->stacksize);
    return false;
  }
  if (c->ncode == 0) {
    pyllc_error(d, c->filename, 0, 0, "empty bytecode");
    return false;
  }
  out->index_of_unit = malloc(sizeof *out->index_of_unit * c->ncode);
  out->instrs = malloc(sizeof *out->instrs * c->ncode);
  int32_t *lines = malloc(sizeof *lines * c->ncode);
  if (!out->index_of_unit || !out->instrs || !lines)
    PYLLC_DIE("out of memory");
  fill_lines(c, lines);
  for (uint32_t i = 0; i < c->ncode; i++)
    out->index_of_unit[i] = -1;

  bool ok = true;
  uint32_t i = 0;
  while (i < c->ncode && ok) {
    uint32_t start = i, arg = 0;
    int prefixes = 0;
    uint8_t raw = c->code[2 * i];
    const FeOpInfo *oi = &fe_op_info[raw];
    while (oi->name && oi->base == FE_EXTENDED_ARG) {
      arg = (arg | c->code[2 * i + 1]) << 8;
      if (++prefixes > 3) {
        fe_error_at(d, c, start, "more than three EXTENDED_ARG prefixes");
        ok = false;
        break;
      }
      if (++i >= c->ncode) {
        fe_error_at(d, c, start, "EXTENDED_ARG at the end of the code");
        ok = false;
        break;
      }
      raw = c->code[2 * i];
      oi = &fe_op_info[raw];
    }
    if (!ok)
      break;
    if (!oi->name) {
      fe_error_at(d, c, i, "unknown opcode %u", raw);
      ok = false;
      break;
    }
    if (oi->base == FE_CACHE) {
      fe_error_at(d, c, i, "CACHE unit where an instruction was expected");
      ok = false;
      break;
    }
    const FeOpInfo *bi = &fe_op_info[oi->base];
    uint32_t next = i + 1 + bi->caches;
    if (next > c->ncode) {
      fe_error_at(d, c, i, "the inline cache of %s runs past the end of the code", bi->name);
      ok = false;
      break;
    }
    FeInstr *in = &out->instrs[out->ninstrs];
    in->start = start;
    in->unit = i;
    in->next = next;
    in->op = oi->base;
    in->spec = oi->feedback ? raw : 0;
    in->arg = arg | c->code[2 * i + 1];
    in->line = lines[i];
    in->target = -1;
    out->index_of_unit[start] = (int32_t)out->ninstrs++;
    i = next;
  }
  for (uint32_t k = 0; ok && k < out->ninstrs; k++)
    ok = check_arg(d, c, out, &out->instrs[k]);
  if (ok)
    ok = parse_exctable(d, c, out);
  free(lines);
  if (!ok) {
    fe_decoded_free(out);
    return false;
  }
  return true;
}

void fe_decoded_free(FeDecoded *dec) {
  free(dec->instrs);
  free(dec->index_of_unit);
  free(dec->handlers);
  memset(dec, 0, sizeof *dec);
}
