/* lex.c - the .pyasm tokenizer.
 *
 * The whole file becomes one token array up front (as chibicc's tokenize.c), so that the
 * parser can look ahead freely. Every run of newlines becomes one PA_TK_NEWLINE token; the
 * parser, which knows when it is inside ( ) or [ ], skips them there (so a missing ')'
 * does not swallow the rest of the file). `PYTHON {` at the start of a
 * statement switches to raw mode: the text up to the matching `}` (braces inside Python
 * strings and comments do not count) becomes one PA_TK_PYCODE token.
 *
 * Numbers: `-` directly before a digit belongs to the literal; `_` may separate digits.
 * Integers beyond int64 keep their decimal text (converted from any base).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyasm_ast.h"

/* ---- context helpers shared by the front end -------------------------------------- */

static void report(PyasmCtx *cx, PyllcSeverity sev, int line, int col, const char *fmt,
                   va_list ap) {
  if (!cx->defer) {
    pyllc_diag_vreport(cx->diag, sev, cx->filename, line, col, fmt, ap);
    return;
  }
  if (cx->ndeferred == cx->capdeferred) {
    uint32_t cap = cx->capdeferred ? cx->capdeferred * 2 : 16;
    PyasmDeferred *d = ir_arena_alloc(cx->arena, sizeof *d * cap);
    if (cx->ndeferred)
      memcpy(d, cx->deferred, sizeof *d * cx->ndeferred);
    cx->deferred = d;
    cx->capdeferred = cap;
  }
  char buf[1024];
  vsnprintf(buf, sizeof buf, fmt, ap);
  PyasmDeferred *d = &cx->deferred[cx->ndeferred++];
  d->sev = (uint8_t)sev;
  d->line = line;
  d->col = col;
  d->file = cx->filename;
  d->lexical = cx->lexing;
  d->msg = pyasm_strndup(cx, buf, strlen(buf));
}

void pyasm_error(PyasmCtx *cx, int line, int col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  cx->nerrors++;
  report(cx, PYLLC_ERROR, line, col, fmt, ap);
  va_end(ap);
  if (cx->on_error)
    cx->on_error(cx->on_error_data);
}

void pyasm_note(PyasmCtx *cx, int line, int col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(cx, PYLLC_NOTE, line, col, fmt, ap);
  va_end(ap);
}

/* Sort key of a deferred diagnostic: notes go with the error before them. */
static int cmp_deferred(const void *a, const void *b) {
  const PyasmDeferred *x = a, *y = b;
  if (x->kline != y->kline)
    return x->kline < y->kline ? -1 : 1;
  if (x->kcol != y->kcol)
    return x->kcol < y->kcol ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void pyasm_flush(PyasmCtx *cx) {
  int kl = 0, kc = 0;
  for (uint32_t i = 0; i < cx->ndeferred; i++) {
    PyasmDeferred *d = &cx->deferred[i];
    if (d->sev != PYLLC_NOTE || i == 0) {
      kl = d->line;
      kc = d->col;
    }
    d->kline = kl;
    d->kcol = kc;
    d->seq = i;
  }
  if (cx->ndeferred)
    qsort(cx->deferred, cx->ndeferred, sizeof *cx->deferred, cmp_deferred);
  int bad_line = 0;
  for (uint32_t i = 0; i < cx->ndeferred; i++) {
    PyasmDeferred *d = &cx->deferred[i];
    if (d->lexical)
      bad_line = d->line;
    else if (d->line == bad_line && d->sev == PYLLC_ERROR)
      continue; /* a consequence of the bad token */
    pyllc_diag_report(cx->diag, (PyllcSeverity)d->sev, d->file, d->line, d->col, "%s",
                      d->msg);
  }
  cx->ndeferred = 0;
  cx->defer = false;
}

char *pyasm_strndup(PyasmCtx *cx, const char *s, size_t n) {
  char *p = ir_arena_alloc(cx->arena, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

/* ---- the tokenizer state ------------------------------------------------------------ */

typedef struct Lexer {
  PyasmCtx *cx;
  const char *p, *end;
  const char *line_start;
  int line;
  PyasmTok *toks;
  uint32_t n, cap;
  bool space;           /* whitespace seen since the previous token */
} Lexer;

static int col_of(Lexer *L, const char *at) { return (int)(at - L->line_start) + 1; }

static PyasmTok *new_tok(Lexer *L, PyasmTokKind kind, const char *start, const char *end) {
  if (L->n == L->cap) {
    uint32_t cap = L->cap ? L->cap * 2 : 256;
    PyasmTok *t = ir_arena_alloc(L->cx->arena, sizeof(PyasmTok) * cap);
    if (L->n)
      memcpy(t, L->toks, sizeof(PyasmTok) * L->n);
    L->toks = t;
    L->cap = cap;
  }
  PyasmTok *t = &L->toks[L->n++];
  memset(t, 0, sizeof *t);
  t->kind = (uint8_t)kind;
  t->space_before = L->space;
  t->line = L->line;
  t->col = col_of(L, start);
  t->loc = start;
  t->len = (uint32_t)(end - start);
  L->space = false;
  return t;
}

static bool is_ident_start(int c) { return isalpha(c) || c == '_'; }
static bool is_ident_char(int c) { return isalnum(c) || c == '_'; }

/* ---- numbers ------------------------------------------------------------------------ */

/* Decimal text of a big integer given by its digits in `base` (a schoolbook conversion;
 * literals are short). */
static char *big_to_decimal(PyasmCtx *cx, const char *digits, size_t n, int base, bool neg) {
  size_t cap = n * 4 + 2;
  unsigned char *dec = calloc(cap, 1); /* little-endian decimal digits */
  size_t nd = 1;
  if (!dec)
    return NULL;
  for (size_t i = 0; i < n; i++) {
    int d = isdigit((unsigned char)digits[i]) ? digits[i] - '0'
                                              : tolower((unsigned char)digits[i]) - 'a' + 10;
    unsigned carry = (unsigned)d;
    for (size_t k = 0; k < nd; k++) {
      unsigned v = dec[k] * (unsigned)base + carry;
      dec[k] = (unsigned char)(v % 10);
      carry = v / 10;
    }
    while (carry && nd < cap) {
      dec[nd++] = (unsigned char)(carry % 10);
      carry /= 10;
    }
  }
  while (nd > 1 && dec[nd - 1] == 0)
    nd--;
  char *out = ir_arena_alloc(cx->arena, nd + 2);
  size_t o = 0;
  if (neg)
    out[o++] = '-';
  for (size_t k = nd; k-- > 0;)
    out[o++] = (char)('0' + dec[k]);
  out[o] = 0;
  free(dec);
  return out;
}

static int digit_value(int c) {
  if (isdigit(c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return 99;
}

/* number = ['-'] ( '0' ('x'|'o'|'b') digits | digits ['.' digits] [('e'|'E') ['+'|'-'] digits] )
 * with '_' allowed between digits. */
static void read_number(Lexer *L) {
  PyasmCtx *cx = L->cx;
  const char *start = L->p, *q = L->p;
  bool neg = false;
  if (*q == '-') {
    neg = true;
    q++;
  }
  int base = 10;
  if (q[0] == '0' && q[1] && strchr("xXoObB", q[1]) && q[2]) {
    base = tolower((unsigned char)q[1]) == 'x' ? 16 : tolower((unsigned char)q[1]) == 'o' ? 8 : 2;
    q += 2;
  }
  /* collect digits without '_' */
  /* the literal's extent bounds its digits (a buffer sized by the rest of the file would
   * make many literals quadratic) */
  const char *e = q;
  while (e < L->end && (is_ident_char((unsigned char)*e) || *e == '.' || *e == '+' ||
                        *e == '-'))
    e++;
  size_t cap = (size_t)(e - q) + 8, nd = 0;
  char *buf = ir_arena_alloc(cx->arena, cap);
  bool is_float = false, bad = false, prev_digit = base != 10; /* 0x_ff is valid */
  const char *bad_at = NULL;
  if (base == 10 && neg)
    buf[nd++] = '-';
  size_t digits_start = nd;
  for (;;) {
    int c = (unsigned char)*q;
    if (c == '_') {
      if (!prev_digit || digit_value((unsigned char)q[1]) >= base) {
        bad = true;
        bad_at = bad_at ? bad_at : q;
      }
      prev_digit = false;
      q++;
      continue;
    }
    if (digit_value(c) < base) {
      buf[nd++] = (char)c;
      prev_digit = true;
      q++;
      continue;
    }
    if (base == 10 && c == '.' && !is_float && isdigit((unsigned char)q[1])) {
      is_float = true;
      buf[nd++] = '.';
      prev_digit = false;
      q++;
      continue;
    }
    if (base == 10 && (c == 'e' || c == 'E') && prev_digit &&
        (isdigit((unsigned char)q[1]) ||
         ((q[1] == '+' || q[1] == '-') && isdigit((unsigned char)q[2])))) {
      is_float = true;
      buf[nd++] = 'e';
      q++;
      if (*q == '+' || *q == '-')
        buf[nd++] = *q++;
      prev_digit = false;
      continue;
    }
    break;
  }
  if (is_ident_char((unsigned char)*q)) {
    bad = true;
    bad_at = bad_at ? bad_at : q;
    while (q < L->end && is_ident_char((unsigned char)*q))
      q++;
  }
  if (nd == digits_start)
    bad = true;
  buf[nd] = 0;
  PyasmTok *t = new_tok(L, is_float ? PA_TK_FLOAT : PA_TK_INT, start, q);
  L->p = q;
  if (bad) {
    pyasm_error(cx, L->line, col_of(L, bad_at ? bad_at : start), "invalid number literal '%.*s'",
                (int)(q - start), start);
    t->kind = PA_TK_INT;
    return;
  }
  if (is_float) {
    t->fval = strtod(buf, NULL);
    return;
  }
  if (nd - digits_start > 4300) {
    pyasm_error(cx, t->line, t->col, "integer literal too long");
    return;
  }
  /* int64, else big */
  uint64_t v = 0;
  bool overflow = false;
  for (size_t i = digits_start; i < nd; i++) {
    uint64_t d = (uint64_t)digit_value((unsigned char)buf[i]);
    if (v > (UINT64_MAX - d) / (uint64_t)base) {
      overflow = true;
      break;
    }
    v = v * (uint64_t)base + d;
  }
  if (!overflow && (neg ? v <= (uint64_t)INT64_MAX + 1 : v <= (uint64_t)INT64_MAX)) {
    t->ival = neg ? (int64_t)(0 - v) : (int64_t)v;
    return;
  }
  t->big = true;
  t->str = big_to_decimal(cx, buf + digits_start, nd - digits_start, base, neg);
  t->slen = t->str ? (uint32_t)strlen(t->str) : 0;
}

/* ---- strings ------------------------------------------------------------------------ */

static size_t put_utf8(char *out, uint32_t c) {
  if (c < 0x80) {
    out[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    out[0] = (char)(0xC0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (c >> 18));
  out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  out[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

/* Reads n hex digits at q; -1 if they are not all there. */
static long read_hex(const char *q, const char *end, int n) {
  long v = 0;
  for (int i = 0; i < n; i++) {
    if (q + i >= end || !isxdigit((unsigned char)q[i]))
      return -1;
    v = v * 16 + digit_value((unsigned char)q[i]);
  }
  return v;
}

/* string = ['b'] '"' { char | escape } '"'   (Python's escapes; no newline inside) */
static void read_string(Lexer *L, bool bytes) {
  PyasmCtx *cx = L->cx;
  const char *start = L->p;
  const char *q = L->p + (bytes ? 2 : 1);
  const char *e = q; /* a string ends at its quote or at the end of the line */
  while (e < L->end && *e != '\n' && *e != '"')
    e += (*e == '\\' && e + 1 < L->end) ? 2 : 1;
  /* each source byte decodes to at most 4 bytes (\U escapes: 10 bytes to 4) */
  char *buf = ir_arena_alloc(cx->arena, (size_t)(e - q) * 4 + 8);
  size_t n = 0;
  bool closed = false;
  while (q < L->end) {
    unsigned char c = (unsigned char)*q;
    if (c == '"') {
      closed = true;
      q++;
      break;
    }
    if (c == '\n')
      break;
    if (bytes && c >= 0x80) {
      pyasm_error(cx, L->line, col_of(L, q), "bytes can only contain ASCII characters");
      q++;
      continue;
    }
    if (c != '\\') {
      buf[n++] = (char)c;
      q++;
      continue;
    }
    const char *esc = q++;
    if (q >= L->end)
      break;
    c = (unsigned char)*q++;
    long v;
    switch (c) {
    case '\n': break; /* line continuation */
    case '\\': buf[n++] = '\\'; break;
    case '\'': buf[n++] = '\''; break;
    case '"': buf[n++] = '"'; break;
    case 'a': buf[n++] = '\a'; break;
    case 'b': buf[n++] = '\b'; break;
    case 'f': buf[n++] = '\f'; break;
    case 'n': buf[n++] = '\n'; break;
    case 'r': buf[n++] = '\r'; break;
    case 't': buf[n++] = '\t'; break;
    case 'v': buf[n++] = '\v'; break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
      v = c - '0';
      for (int k = 0; k < 2 && q < L->end && *q >= '0' && *q <= '7'; k++)
        v = v * 8 + (*q++ - '0');
      if (bytes)
        buf[n++] = (char)(v & 0xFF);
      else
        n += put_utf8(buf + n, (uint32_t)v);
      break;
    case 'x':
      v = read_hex(q, L->end, 2);
      if (v < 0) {
        pyasm_error(cx, L->line, col_of(L, esc), "truncated \\xXX escape");
        break;
      }
      q += 2;
      if (bytes)
        buf[n++] = (char)v;
      else
        n += put_utf8(buf + n, (uint32_t)v);
      break;
    case 'u':
    case 'U':
      if (bytes) {
        buf[n++] = '\\';
        buf[n++] = (char)c;
        break;
      }
      v = read_hex(q, L->end, c == 'u' ? 4 : 8);
      if (v < 0 || v > 0x10FFFF) {
        pyasm_error(cx, L->line, col_of(L, esc), "invalid \\%c escape", c);
        break;
      }
      q += c == 'u' ? 4 : 8;
      n += put_utf8(buf + n, (uint32_t)v);
      break;
    default: /* Python keeps unknown escapes as written */
      buf[n++] = '\\';
      q--;
      break;
    }
  }
  PyasmTok *t = new_tok(L, bytes ? PA_TK_BYTES : PA_TK_STR, start, q);
  buf[n] = 0;
  t->str = buf;
  t->slen = (uint32_t)n;
  if (!closed)
    pyasm_error(cx, t->line, t->col, "unterminated string literal");
  L->p = q;
}

/* label = "'" name { ':' name } "'" */
static void read_label(Lexer *L) {
  const char *start = L->p, *q = L->p + 1;
  while (q < L->end && (is_ident_char((unsigned char)*q) || *q == ':'))
    q++;
  PyasmTok *t = new_tok(L, PA_TK_LABEL, start, q < L->end && *q == '\'' ? q + 1 : q);
  t->str = pyasm_strndup(L->cx, start + 1, (size_t)(q - start - 1));
  t->slen = (uint32_t)(q - start - 1);
  if (q >= L->end || *q != '\'' || q == start + 1) {
    pyasm_error(L->cx, t->line, t->col, "invalid label name (expected 'name')");
    while (q < L->end && *q != '\'' && *q != '\n')
      q++;
    if (q < L->end && *q == '\'')
      q++;
    L->p = q;
    return;
  }
  L->p = q + 1;
}

/* The position shown for "end of file": after a final newline, the end of the last line. */
static void end_position(Lexer *L, int *line, int *col) {
  const char *text = L->cx->text;
  *line = L->line;
  *col = col_of(L, L->end);
  if (L->end > text && L->end[-1] == '\n' && L->line > 1) {
    const char *ls = L->end - 1;
    while (ls > text && ls[-1] != '\n')
      ls--;
    *line = L->line - 1;
    *col = (int)(L->end - 1 - ls) + 1;
  }
}

/* ---- PYTHON { ... } ------------------------------------------------------------------ */

/* After `PYTHON`, at `{`: finds the matching `}`, skipping Python strings (', ", triple
 * quoted, with prefixes) and comments. Emits `{`, the code, `}` as tokens. */
static void read_python_block(Lexer *L) {
  PyasmCtx *cx = L->cx;
  const char *open = L->p;
  int open_line = L->line;
  PyasmTok *ob = new_tok(L, PA_TK_PUNCT, open, open + 1);
  ob->str = "{";
  ob->slen = 1;
  const char *q = open + 1, *code = q;
  int code_line = L->line;
  const char *code_line_start = L->line_start;
  int depth = 1;
  while (q < L->end) {
    char c = *q;
    if (c == '\n') {
      L->line++;
      L->line_start = q + 1;
      q++;
    } else if (c == '#') {
      while (q < L->end && *q != '\n')
        q++;
    } else if (c == '\'' || c == '"') {
      bool triple = q + 2 < L->end && q[1] == c && q[2] == c;
      const char *s = q + (triple ? 3 : 1);
      while (s < L->end) {
        if (*s == '\\' && s + 1 < L->end) {
          if (s[1] == '\n') {
            L->line++;
            L->line_start = s + 2;
          }
          s += 2;
          continue;
        }
        if (*s == '\n') {
          if (!triple)
            break;
          L->line++;
          L->line_start = s + 1;
        }
        if (*s == c && (!triple || (s + 2 < L->end && s[1] == c && s[2] == c))) {
          s += triple ? 3 : 1;
          break;
        }
        s++;
      }
      q = s;
    } else if (c == '{' || c == '[' || c == '(') {
      depth++;
      q++;
    } else if (c == '}' || c == ']' || c == ')') {
      if (--depth == 0)
        break;
      q++;
    } else {
      q++;
    }
  }
  PyasmTok *t = new_tok(L, PA_TK_PYCODE, code, q);
  t->line = code_line;
  t->col = (int)(code - code_line_start) + 1;
  t->str = pyasm_strndup(cx, code, (size_t)(q - code));
  t->slen = (uint32_t)(q - code);
  if (q >= L->end) {
    int line, col;
    end_position(L, &line, &col);
    pyasm_error(cx, line, col, "'}' expected (to close '{' at line %d)", open_line);
    L->p = q;
    return;
  }
  PyasmTok *cb = new_tok(L, PA_TK_PUNCT, q, q + 1);
  cb->str = "}";
  cb->slen = 1;
  L->p = q + 1;
}

/* True when the last token starts a statement position (for PYTHON's raw mode). */
static bool at_stmt_start(Lexer *L) {
  if (L->n < 2)
    return L->n == 1;
  PyasmTok *prev = &L->toks[L->n - 2];
  return prev->kind == PA_TK_NEWLINE ||
         (prev->kind == PA_TK_PUNCT && (!strcmp(prev->str, ";") || !strcmp(prev->str, "{") ||
                                        !strcmp(prev->str, "}")));
}

/* Length of the UTF-8 sequence at p when it is a valid one, else 1 (a stray byte). */
static int utf8_len(const char *p, const char *end) {
  unsigned char c = (unsigned char)*p;
  int n = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 1;
  if (c < 0x80 || n == 1 || end - p < n)
    return 1;
  for (int i = 1; i < n; i++)
    if (((unsigned char)p[i] & 0xC0) != 0x80)
      return 1;
  return n;
}

/* A character that starts no token (the rest of a run of unexpected ones). */
static bool is_stray(const char *p, const char *end) {
  unsigned char c = (unsigned char)*p;
  if (c == 0xC2 && end - p > 1 && (unsigned char)p[1] == 0xA7)
    return false; /* § */
  if (c >= 0x80 || c < 0x20)
    return c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v';
  return c == 0x7f || c == '`';
}

/* ---- main loop ---------------------------------------------------------------------- */

static const char *const puncts[] = {
    "->", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", ":=", "=:",
    "+", "-", "*", "/", "%", "&", "|", "^", "@", "<", ">", "=", "!", "~", "$", "\\",
    "(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "?",
};

PyasmTok *pyasm_tokenize(PyasmCtx *cx, uint32_t *ntoks) {
  cx->lexing = true;
  Lexer L = {.cx = cx, .p = cx->text, .end = cx->text + cx->len, .line_start = cx->text,
             .line = 1, .space = true};
  while (L.p < L.end) {
    unsigned char c = (unsigned char)*L.p;
    if (c == '\n') {
      if (L.n && L.toks[L.n - 1].kind != PA_TK_NEWLINE) {
        PyasmTok *t = new_tok(&L, PA_TK_NEWLINE, L.p, L.p + 1);
        t->str = "\n";
      }
      L.p++;
      L.line++;
      L.line_start = L.p;
      L.space = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      L.p++;
      L.space = true;
      continue;
    }
    if (c == '#') {
      while (L.p < L.end && *L.p != '\n')
        L.p++;
      continue;
    }
    if (isdigit(c) || (c == '-' && L.p + 1 < L.end && isdigit((unsigned char)L.p[1]))) {
      read_number(&L);
      continue;
    }
    if (c == 'b' && L.p + 1 < L.end && L.p[1] == '"') {
      read_string(&L, true);
      continue;
    }
    if (is_ident_start(c)) {
      const char *s = L.p;
      while (L.p < L.end && is_ident_char((unsigned char)*L.p))
        L.p++;
      PyasmTok *t = new_tok(&L, PA_TK_IDENT, s, L.p);
      t->str = pyasm_strndup(cx, s, (size_t)(L.p - s));
      t->slen = t->len;
      if (t->len == 6 && !memcmp(s, "PYTHON", 6) && at_stmt_start(&L)) {
        const char *q = L.p;
        while (q < L.end && (*q == ' ' || *q == '\t' || *q == '\r'))
          q++;
        if (q < L.end && *q == '{') {
          L.p = q;
          L.space = true;
          read_python_block(&L);
        }
      }
      continue;
    }
    if (c == '"') {
      read_string(&L, false);
      continue;
    }
    if (c == '\'') {
      read_label(&L);
      continue;
    }
    if (c == 0xC2 && L.p + 1 < L.end && (unsigned char)L.p[1] == 0xA7) { /* § */
      PyasmTok *t = new_tok(&L, PA_TK_PUNCT, L.p, L.p + 2);
      t->str = "\xc2\xa7";
      t->slen = 2;
      L.p += 2;
      continue;
    }
    const char *pt = NULL;
    for (size_t i = 0; i < sizeof puncts / sizeof *puncts; i++) {
      size_t n = strlen(puncts[i]);
      if ((size_t)(L.end - L.p) >= n && !memcmp(L.p, puncts[i], n)) {
        pt = puncts[i];
        break;
      }
    }
    if (pt) {
      size_t n = strlen(pt);
      PyasmTok *t = new_tok(&L, PA_TK_PUNCT, L.p, L.p + n);
      t->str = pt;
      t->slen = (uint32_t)n;
      L.p += n;
      continue;
    }
    /* an unknown character: one error for a run of them, the first shown as itself when
     * printable (a whole UTF-8 sequence), else as \xNN */
    const char *s = L.p;
    int len = utf8_len(s, L.end);
    if (len > 1 || (c >= 0x20 && c < 0x7f))
      pyasm_error(cx, L.line, col_of(&L, s), "unexpected character '%.*s'", len, s);
    else
      pyasm_error(cx, L.line, col_of(&L, s), "unexpected byte '\\x%02x'", c);
    L.p += len;
    while (L.p < L.end && is_stray(L.p, L.end))
      L.p += utf8_len(L.p, L.end);
  }
  if (L.n == 0 || L.toks[L.n - 1].kind != PA_TK_NEWLINE) {
    PyasmTok *t = new_tok(&L, PA_TK_NEWLINE, L.p, L.p);
    t->str = "\n";
  }
  PyasmTok *eof = new_tok(&L, PA_TK_EOF, L.p, L.p);
  eof->str = "";
  end_position(&L, &eof->line, &eof->col);
  *ntoks = L.n;
  cx->lexing = false;
  return L.toks;
}
