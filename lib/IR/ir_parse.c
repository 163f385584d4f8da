/* ir_parse.c - reads the textual IR that ir_print.c writes (grammar: top of ir_print.c,
 * docs/IR.md).
 *
 * The text is first cut into tokens (with line and column), then parsed one line at a
 * time. Two passes make forward references work without caring about order:
 *   - before parsing anything, every `func @name` line creates its function, so that
 *     constants and immediates may name functions defined further down;
 *   - before parsing a function's body, every label creates its block, in textual order
 *     (so the printer's bbN numbering is the text's order);
 *   - value operands (%v) are recorded as fixups and resolved at the end of the function,
 *     so phis and unreachable blocks may use values defined below them.
 * The parser keeps malformed but representable IR as written (a terminator in the
 * middle of a block, a phi after other instructions, a wrong operand count or type) for
 * the verifier to report; it rejects only what the data structures cannot hold.
 * Errors go to the PyllcDiag as file:line:col; after an error the rest of the line is
 * skipped and parsing goes on, so one run reports several errors.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ir_internal.h"
#include "pyllc/diag.h"
#include "pyllc/support.h"

#define MAX_ERRORS 50

/* ---- tokens --------------------------------------------------------------------- */

typedef enum TokKind {
  T_EOF,
  T_NEWLINE,
  T_IDENT,   /* [A-Za-z_][A-Za-z0-9_.]* */
  T_INT,     /* -?[0-9]+ or 0x[0-9a-f]+ (text) */
  T_FLOAT,   /* 1.5, 1e9, -inf, -nan (text; inf and nan alone are T_IDENT) */
  T_STRING,  /* "..." decoded */
  T_BYTES,   /* b"..." decoded */
  T_VALUE,   /* %name */
  T_LOCAL,   /* $name */
  T_GLOBAL,  /* @name (also @12, @-1: offsets) */
  T_LPAREN, T_RPAREN, T_LBRACE, T_RBRACE, T_LBRACKET, T_RBRACKET,
  T_COMMA, T_COLON, T_EQUAL, T_BAR, T_BANG, T_ELLIPSIS,
} TokKind;

typedef struct Tok {
  uint8_t kind;     /* TokKind */
  uint32_t line, col;
  const char *s;    /* text; for strings and sigil names the decoded bytes */
  uint32_t n;
} Tok;

/* ---- a small string -> index map --------------------------------------------------- */

typedef struct MapEnt {
  const char *k;
  uint32_t n, v;
} MapEnt;

typedef struct Map {
  MapEnt *e;
  uint32_t cap, count;
} Map;

static uint32_t hash_str(const char *s, uint32_t n) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (uint32_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static MapEnt *map_slot(const Map *m, const char *k, uint32_t n) {
  uint32_t i = hash_str(k, n) & (m->cap - 1);
  for (;; i = (i + 1) & (m->cap - 1)) {
    MapEnt *e = &m->e[i];
    if (!e->k || (e->n == n && memcmp(e->k, k, n) == 0))
      return e;
  }
}

static bool map_get(const Map *m, const char *k, uint32_t n, uint32_t *v) {
  if (!m->cap)
    return false;
  MapEnt *e = map_slot(m, k, n);
  if (!e->k)
    return false;
  *v = e->v;
  return true;
}

static void map_put(Map *m, const char *k, uint32_t n, uint32_t v) {
  if (2 * (m->count + 1) > m->cap) {
    Map big = {calloc(m->cap ? 2 * m->cap : 16, sizeof(MapEnt)), m->cap ? 2 * m->cap : 16, 0};
    if (!big.e)
      PYLLC_DIE("out of memory");
    for (uint32_t i = 0; i < m->cap; i++)
      if (m->e[i].k)
        *map_slot(&big, m->e[i].k, m->e[i].n) = m->e[i];
    big.count = m->count;
    free(m->e);
    *m = big;
  }
  MapEnt *e = map_slot(m, k, n);
  if (!e->k)
    m->count++;
  *e = (MapEnt){k, n, v};
}

static void map_clear(Map *m) {
  free(m->e);
  *m = (Map){0};
}

/* ---- parser state --------------------------------------------------------------- */

typedef struct Fixup {
  uint32_t tok;  /* the %name token */
  bool in_fs;    /* slot of a frame state, else an operand */
  uint32_t where; /* IrRef or frame-state index */
  uint32_t slot;
} Fixup;

typedef struct Parser {
  PyllcDiag *diag;
  const char *file;
  int errors0;       /* errors in diag before this parse */
  bool stop;         /* too many errors */
  IrArena *tmp;      /* decoded strings of tokens */
  Tok *toks;
  uint32_t ntoks, cap_toks, pos;

  IrModule *m;
  Map funcs;         /* label -> index in m->funcs */
  /* the function being parsed */
  IrFunc *fn;
  IrBlockId cur;     /* block receiving instructions, IR_NOREF before the first label */
  Map labels, values;
  Fixup *fix;
  uint32_t nfix, cap_fix;
  IrTextPos *ipos;   /* per instruction */
  uint32_t nipos, cap_ipos;
  IrTextPos *bpos;   /* per block */
  uint32_t nbpos, cap_bpos;
  uint32_t *scratch; /* operand tokens of one instruction */
  uint32_t nscratch, cap_scratch;
} Parser;

static int nerrors(const Parser *p) { return pyllc_diag_errors(p->diag) - p->errors0; }

static void error_at(Parser *p, uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void error_at(Parser *p, uint32_t line, uint32_t col, const char *fmt, ...) {
  if (p->stop)
    return;
  va_list ap;
  va_start(ap, fmt);
  pyllc_diag_vreport(p->diag, PYLLC_ERROR, p->file, (int)line, (int)col, fmt, ap);
  va_end(ap);
  if (nerrors(p) >= MAX_ERRORS)
    p->stop = true;
}

#define ERROR_TOK(p, t, ...) error_at((p), (t)->line, (t)->col, __VA_ARGS__)

/* A short description of a token for messages: 'text', end of line, end of file. */
static const char *describe(const Tok *t, char *buf, size_t size) {
  if (t->kind == T_EOF)
    return "end of file";
  if (t->kind == T_NEWLINE)
    return "end of line";
  if (t->kind == T_STRING || t->kind == T_BYTES)
    return "a string";
  const char *sigil = t->kind == T_VALUE ? "%" : t->kind == T_LOCAL ? "$"
                      : t->kind == T_GLOBAL ? "@" : "";
  size_t n = t->n > 24 ? 24 : t->n;
  char text[32];
  for (size_t i = 0; i < n; i++)
    text[i] = t->s[i] >= 0x20 && t->s[i] < 0x7f ? t->s[i] : '?';
  text[n] = '\0';
  snprintf(buf, size, "'%s%s%s'", sigil, text, t->n > n ? "..." : "");
  return buf;
}

/* ---- lexer ---------------------------------------------------------------------- */

static bool is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_name_char(int c) { return is_alpha(c) || is_digit(c) || c == '.'; }
static int hex_val(int c) {
  if (is_digit(c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static void push_tok(Parser *p, TokKind k, uint32_t line, uint32_t col, const char *s,
                     uint32_t n) {
  p->toks = pyllc_grow(p->toks, sizeof *p->toks, p->ntoks, &p->cap_toks);
  p->toks[p->ntoks++] = (Tok){(uint8_t)k, line, col, s, n};
}

static void put_utf8(char *out, uint32_t *n, uint32_t cp) {
  if (cp < 0x80) {
    out[(*n)++] = (char)cp;
  } else if (cp < 0x800) {
    out[(*n)++] = (char)(0xC0 | (cp >> 6));
    out[(*n)++] = (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) { /* surrogates too: CPython's surrogatepass */
    out[(*n)++] = (char)(0xE0 | (cp >> 12));
    out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[(*n)++] = (char)(0x80 | (cp & 0x3F));
  } else {
    out[(*n)++] = (char)(0xF0 | (cp >> 18));
    out[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[(*n)++] = (char)(0x80 | (cp & 0x3F));
  }
}

/* Decodes the string literal starting at text[*i] == '"' with Python's escapes. In a
 * str, \x \u \U and octal escapes are code points (UTF-8 encoded); in bytes, bytes.
 * Returns false (after reporting) on an unterminated literal or a bad escape. */
static bool lex_string(Parser *p, const char *text, size_t len, size_t *i, uint32_t line,
                       uint32_t col0, const char *linestart, bool bytes, const char **out,
                       uint32_t *outn) {
  size_t j = *i + 1;
  size_t end = j;
  while (end < len && text[end] != '"' && text[end] != '\n') {
    if (text[end] == '\\' && end + 1 < len && text[end + 1] != '\n')
      end++;
    end++;
  }
  if (end >= len || text[end] != '"') {
    error_at(p, line, col0, "unterminated string");
    *i = end;
    return false;
  }
  /* Every escape shrinks or keeps the length except \x and octal in a str (at most
   * 2 UTF-8 bytes from 4 or 2 source characters) : 4 bytes per char is plenty. */
  char *buf = ir_arena_alloc(p->tmp, (end - j) * 4 + 1);
  uint32_t n = 0;
  bool ok = true;
  while (j < end) {
    unsigned char c = (unsigned char)text[j];
    if (c != '\\') {
      buf[n++] = (char)c;
      j++;
      continue;
    }
    uint32_t ecol = (uint32_t)(text + j - linestart) + 1;
    char e = text[j + 1];
    j += 2;
    int64_t cp = -1;
    switch (e) {
    case '\\': buf[n++] = '\\'; break;
    case '"': buf[n++] = '"'; break;
    case '\'': buf[n++] = '\''; break;
    case 'n': buf[n++] = '\n'; break;
    case 'r': buf[n++] = '\r'; break;
    case 't': buf[n++] = '\t'; break;
    case 'a': buf[n++] = '\a'; break;
    case 'b': buf[n++] = '\b'; break;
    case 'f': buf[n++] = '\f'; break;
    case 'v': buf[n++] = '\v'; break;
    case 'x': case 'u': case 'U': {
      int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (bytes && e != 'x') {
        error_at(p, line, ecol, "\\%c escape in a bytes literal", e);
        ok = false;
        break;
      }
      cp = 0;
      for (int k = 0; k < digits; k++) {
        int h = j < end ? hex_val((unsigned char)text[j]) : -1;
        if (h < 0) {
          error_at(p, line, ecol, "\\%c escape needs %d hex digits", e, digits);
          ok = false;
          cp = -1;
          break;
        }
        cp = cp * 16 + h;
        j++;
      }
      break;
    }
    default:
      if (e >= '0' && e <= '7') {
        cp = e - '0';
        for (int k = 0; k < 2 && j < end && text[j] >= '0' && text[j] <= '7'; k++)
          cp = cp * 8 + (text[j++] - '0');
        break;
      }
      error_at(p, line, ecol, "unknown escape sequence '\\%c'",
               e >= 0x20 && e < 0x7f ? e : '?');
      ok = false;
    }
    if (cp < 0)
      continue;
    if (bytes) {
      if (cp > 0xFF) {
        error_at(p, line, ecol, "escape out of range in a bytes literal");
        ok = false;
      } else {
        buf[n++] = (char)cp;
      }
    } else if (cp > 0x10FFFF) {
      error_at(p, line, ecol, "code point out of range (max \\U0010ffff)");
      ok = false;
    } else {
      put_utf8(buf, &n, (uint32_t)cp);
    }
  }
  buf[n] = '\0';
  *i = end + 1;
  *out = buf;
  *outn = n;
  return ok;
}

static void lex(Parser *p, const char *text, size_t len) {
  uint32_t line = 1;
  size_t i = 0, linestart = 0;
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
    i = linestart = 3; /* a UTF-8 byte-order mark: invisible, so columns start after it */
  while (i < len && !p->stop) {
    unsigned char c = (unsigned char)text[i];
    uint32_t col = (uint32_t)(i - linestart) + 1;
    if (c == '\n') {
      push_tok(p, T_NEWLINE, line, col, text + i, 1);
      i++;
      line++;
      linestart = i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      i++;
      continue;
    }
    if (c == ';') { /* comment */
      while (i < len && text[i] != '\n')
        i++;
      continue;
    }
    size_t start = i;
    if (c == 'b' && i + 1 < len && text[i + 1] == '"') {
      const char *s;
      uint32_t n;
      i++;
      if (lex_string(p, text, len, &i, line, col, text + linestart, true, &s, &n))
        push_tok(p, T_BYTES, line, col, s, n);
      continue;
    }
    if (is_alpha(c)) {
      while (i < len && is_name_char((unsigned char)text[i]))
        i++;
      push_tok(p, T_IDENT, line, col, text + start, (uint32_t)(i - start));
      continue;
    }
    if (c == '-' && i + 3 < len && (memcmp(text + i + 1, "inf", 3) == 0 ||
                                        memcmp(text + i + 1, "nan", 3) == 0) &&
        (i + 4 >= len || !is_name_char((unsigned char)text[i + 4]))) {
      i += 4;
      push_tok(p, T_FLOAT, line, col, text + start, 4);
      continue;
    }
    if (is_digit(c) || (c == '-' && i + 1 < len && is_digit((unsigned char)text[i + 1]))) {
      bool is_float = false;
      if (c == '-')
        i++;
      if (text[i] == '0' && i + 1 < len && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
        i += 2;
        size_t digits = i;
        while (i < len && hex_val((unsigned char)text[i]) >= 0)
          i++;
        if (i == digits) {
          error_at(p, line, col, "malformed number");
          continue;
        }
      } else {
        while (i < len && is_digit((unsigned char)text[i]))
          i++;
        if (i + 1 < len && text[i] == '.' && is_digit((unsigned char)text[i + 1])) {
          is_float = true;
          i++;
          while (i < len && is_digit((unsigned char)text[i]))
            i++;
        }
        if (i < len && (text[i] == 'e' || text[i] == 'E')) {
          size_t k = i + 1;
          if (k < len && (text[k] == '+' || text[k] == '-'))
            k++;
          if (k < len && is_digit((unsigned char)text[k])) {
            is_float = true;
            i = k;
            while (i < len && is_digit((unsigned char)text[i]))
              i++;
          }
        }
      }
      if (i < len && is_name_char((unsigned char)text[i])) {
        error_at(p, line, col, "malformed number");
        while (i < len && is_name_char((unsigned char)text[i]))
          i++;
        continue;
      }
      push_tok(p, is_float ? T_FLOAT : T_INT, line, col, text + start, (uint32_t)(i - start));
      continue;
    }
    if (c == '"') {
      const char *s;
      uint32_t n;
      if (lex_string(p, text, len, &i, line, col, text + linestart, false, &s, &n))
        push_tok(p, T_STRING, line, col, s, n);
      continue;
    }
    if (c == '%' || c == '$' || c == '@') {
      TokKind k = c == '%' ? T_VALUE : c == '$' ? T_LOCAL : T_GLOBAL;
      i++;
      if (i < len && text[i] == '"') {
        const char *s;
        uint32_t n;
        if (lex_string(p, text, len, &i, line, col, text + linestart, false, &s, &n)) {
          if (memchr(s, '\0', n) || n == 0)
            error_at(p, line, col, n ? "a name cannot contain a NUL character"
                                     : "empty name");
          else
            push_tok(p, k, line, col, s, n);
        }
        continue;
      }
      size_t ns = i;
      if (i + 1 < len && text[i] == '-' && is_digit((unsigned char)text[i + 1]))
        i++;
      while (i < len && is_name_char((unsigned char)text[i]))
        i++;
      if (i == ns) {
        error_at(p, line, col, "expected a name after '%c'", c);
        continue;
      }
      push_tok(p, k, line, col, text + ns, (uint32_t)(i - ns));
      continue;
    }
    if (c == '.' && i + 2 < len && text[i + 1] == '.' && text[i + 2] == '.') {
      i += 3;
      push_tok(p, T_ELLIPSIS, line, col, text + start, 3);
      continue;
    }
    static const char punct[] = "(){}[],:=|!";
    static const TokKind pkind[] = {T_LPAREN, T_RPAREN, T_LBRACE, T_RBRACE, T_LBRACKET,
                                    T_RBRACKET, T_COMMA, T_COLON, T_EQUAL, T_BAR, T_BANG};
    const char *pc = c ? strchr(punct, c) : NULL;
    if (pc) {
      i++;
      push_tok(p, pkind[pc - punct], line, col, text + start, 1);
      continue;
    }
    if (c >= 0x20 && c < 0x7f) {
      error_at(p, line, col, "unexpected character '%c'", c);
      i++;
      continue;
    }
    /* Binary input: one error is enough. */
    error_at(p, line, col, "unexpected byte 0x%02x (outside strings the IR is ASCII text)", c);
    break;
  }
  push_tok(p, T_NEWLINE, line, (uint32_t)(i - linestart) + 1, text + i, 0);
  push_tok(p, T_EOF, line, (uint32_t)(i - linestart) + 1, text + i, 0);
}

/* ---- token helpers -------------------------------------------------------------- */

static Tok *peek(Parser *p) { return &p->toks[p->pos]; }
static Tok *peek_at(Parser *p, uint32_t k) {
  uint32_t i = p->pos + k;
  return &p->toks[i < p->ntoks ? i : p->ntoks - 1];
}
static Tok *next(Parser *p) {
  Tok *t = &p->toks[p->pos];
  if (t->kind != T_EOF)
    p->pos++;
  return t;
}
static bool is_kw(const Tok *t, const char *kw) {
  return t->kind == T_IDENT && t->n == strlen(kw) && memcmp(t->s, kw, t->n) == 0;
}
static bool accept(Parser *p, TokKind k) {
  if (peek(p)->kind != k)
    return false;
  next(p);
  return true;
}
static bool at_line_start(const Parser *p, uint32_t i) {
  return i == 0 || p->toks[i - 1].kind == T_NEWLINE;
}

static const char *const tok_names[] = {
    [T_EOF] = "end of file", [T_NEWLINE] = "end of line", [T_IDENT] = "a name",
    [T_INT] = "an integer", [T_FLOAT] = "a float", [T_STRING] = "a string",
    [T_BYTES] = "a bytes literal", [T_VALUE] = "a value (%name)",
    [T_LOCAL] = "a local ($name)", [T_GLOBAL] = "'@'", [T_LPAREN] = "'('",
    [T_RPAREN] = "')'", [T_LBRACE] = "'{'", [T_RBRACE] = "'}'", [T_LBRACKET] = "'['",
    [T_RBRACKET] = "']'", [T_COMMA] = "','", [T_COLON] = "':'", [T_EQUAL] = "'='",
    [T_BAR] = "'|'", [T_BANG] = "'!'", [T_ELLIPSIS] = "'...'",
};

static bool expect(Parser *p, TokKind k, const char *context) {
  if (accept(p, k))
    return true;
  char buf[64];
  Tok *t = peek(p);
  ERROR_TOK(p, t, "expected %s%s%s, found %s", tok_names[k], context ? " " : "",
            context ? context : "", describe(t, buf, sizeof buf));
  return false;
}

static void skip_line(Parser *p) {
  while (peek(p)->kind != T_NEWLINE && peek(p)->kind != T_EOF)
    next(p);
}

static void error_expected(Parser *p, const char *what) {
  char buf[64];
  Tok *t = peek(p);
  ERROR_TOK(p, t, "expected %s, found %s", what, describe(t, buf, sizeof buf));
}

/* Integers: decimal or 0x hex, optionally negative; false if not in [lo, hi]. */
static bool tok_int(const Tok *t, int64_t lo, int64_t hi, int64_t *out) {
  if (t->kind != T_INT && t->kind != T_GLOBAL)
    return false;
  const char *s = t->s, *end = t->s + t->n;
  bool neg = s < end && *s == '-';
  if (neg)
    s++;
  uint64_t v = 0;
  int base = 10;
  if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s += 2;
  }
  if (s == end)
    return false;
  for (; s < end; s++) {
    int d = base == 16 ? hex_val((unsigned char)*s) : is_digit((unsigned char)*s) ? *s - '0' : -1;
    if (d < 0 || v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
      return false;
    v = v * (uint64_t)base + (uint64_t)d;
  }
  int64_t x;
  if (neg) {
    if (v > (uint64_t)INT64_MAX + 1)
      return false;
    x = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
  } else {
    if (v > (uint64_t)INT64_MAX)
      return false;
    x = (int64_t)v;
  }
  if (x < lo || x > hi)
    return false;
  *out = x;
  return true;
}

static bool parse_int(Parser *p, int64_t lo, int64_t hi, const char *what, int64_t *out) {
  Tok *t = peek(p);
  if (t->kind != T_INT) {
    char buf[64];
    ERROR_TOK(p, t, "expected an integer (%s), found %s", what, describe(t, buf, sizeof buf));
    return false;
  }
  if (!tok_int(t, lo, hi, out)) {
    ERROR_TOK(p, t, "%s out of range [%lld, %lld]", what, (long long)lo, (long long)hi);
    return false;
  }
  next(p);
  return true;
}

/* A float: FLOAT or INT token, or inf / nan. */
static bool parse_f64(Parser *p, double *out) {
  Tok *t = peek(p);
  char buf[128];
  if (is_kw(t, "inf") || is_kw(t, "nan") || t->kind == T_FLOAT ||
      (t->kind == T_INT && t->n < sizeof buf)) {
    if (t->n >= sizeof buf) {
      ERROR_TOK(p, t, "float literal too long");
      return false;
    }
    bool hex = t->kind == T_INT && memchr(t->s, 'x', t->n);
    if (hex) {
      ERROR_TOK(p, t, "expected a decimal float");
      return false;
    }
    memcpy(buf, t->s, t->n);
    buf[t->n] = '\0';
    if (strstr(buf, "nan"))
      *out = buf[0] == '-' ? -NAN : NAN;
    else if (strstr(buf, "inf"))
      *out = buf[0] == '-' ? -INFINITY : INFINITY;
    else
      *out = strtod(buf, NULL);
    next(p);
    return true;
  }
  error_expected(p, "a float");
  return false;
}

/* A NUL-free copy of a string token's text in the function's or module's arena. */
static const char *string_value(Parser *p, IrArena *a, const Tok *t) {
  if (memchr(t->s, '\0', t->n)) {
    ERROR_TOK(p, t, "a name cannot contain a NUL character");
    return NULL;
  }
  return ir_strdup(a, t->s, t->n);
}

/* ---- constants ------------------------------------------------------------------ */

static bool parse_literal(Parser *p, int depth, uint32_t *out);

/* Items up to `close`, comma separated, trailing comma allowed; *trailing says whether
 * the list ended in a comma (a 1-tuple needs one). */
static bool parse_items(Parser *p, int depth, TokKind close, uint32_t **items, uint32_t *n,
                        bool *trailing) {
  uint32_t cap = 0;
  *items = NULL;
  *n = 0;
  *trailing = false;
  while (peek(p)->kind != close) {
    uint32_t c;
    if (!parse_literal(p, depth + 1, &c))
      return false;
    *items = pyllc_grow(*items, sizeof **items, *n, &cap);
    (*items)[(*n)++] = c;
    *trailing = false;
    if (!accept(p, T_COMMA))
      break;
    *trailing = true;
  }
  return expect(p, close, "to close the constant");
}

static bool add_container(Parser *p, const Tok *open, IrConstKind kind, int depth,
                          TokKind close, bool is_tuple, uint32_t *out) {
  uint32_t *items, n;
  bool trailing;
  bool ok = parse_items(p, depth, close, &items, &n, &trailing);
  if (ok && is_tuple && n == 1 && !trailing) {
    ERROR_TOK(p, open, "a one-element tuple needs a trailing comma: (x,)");
    ok = false;
  }
  if (ok) {
    IrConst c = {.kind = (uint8_t)kind, .src_index = -1, .n = n, .u.items = items};
    *out = ir_add_const(p->fn, c);
  }
  free(items);
  return ok;
}

static bool add_int_const(Parser *p, const Tok *t, uint32_t *out) {
  IrConst c = {.kind = IR_C_INT, .src_index = -1};
  int64_t v;
  if (memchr(t->s, 'x', t->n) || memchr(t->s, 'X', t->n)) {
    if (!tok_int(t, INT64_MIN, INT64_MAX, &v)) {
      ERROR_TOK(p, t, "hex integer constant out of range");
      return false;
    }
    c.u.i = v;
  } else if (tok_int(t, INT64_MIN, INT64_MAX, &v)) {
    c.u.i = v;
  } else { /* big: keep the decimal text, without leading zeros */
    const char *s = t->s;
    uint32_t n = t->n;
    bool neg = *s == '-';
    if (neg)
      s++, n--;
    while (n > 1 && *s == '0')
      s++, n--;
    char *text = ir_arena_alloc(p->tmp, n + 2);
    uint32_t k = 0;
    if (neg)
      text[k++] = '-';
    memcpy(text + k, s, n);
    c.big = true;
    c.u.str = text;
    c.n = n + k;
  }
  *out = ir_add_const(p->fn, c);
  return true;
}

/* literal := None | True | False | ... | INT | FLOAT | complex(F, F) | "str" | b"bytes"
 *          | '(' literal,* ')' | frozenset({literal,*}) | frozenset() | '@'FUNC */
static bool parse_literal(Parser *p, int depth, uint32_t *out) {
  Tok *t = peek(p);
  if (depth > IR_MAX_NESTING) {
    ERROR_TOK(p, t, "constant nested too deeply (more than %d levels)", IR_MAX_NESTING);
    return false;
  }
  IrConst c = {.src_index = -1};
  static const struct { const char *kw; IrConstKind kind; } words[] = {
      {"None", IR_C_NONE}, {"True", IR_C_TRUE}, {"False", IR_C_FALSE}};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    if (is_kw(t, words[i].kw)) {
      next(p);
      c.kind = (uint8_t)words[i].kind;
      *out = ir_add_const(p->fn, c);
      return true;
    }
  }
  switch ((TokKind)t->kind) {
  case T_ELLIPSIS:
    next(p);
    c.kind = IR_C_ELLIPSIS;
    *out = ir_add_const(p->fn, c);
    return true;
  case T_INT:
    next(p);
    return add_int_const(p, t, out);
  case T_FLOAT:
    c.kind = IR_C_FLOAT;
    if (!parse_f64(p, &c.u.f))
      return false;
    *out = ir_add_const(p->fn, c);
    return true;
  case T_STRING:
  case T_BYTES:
    next(p);
    c.kind = t->kind == T_STRING ? IR_C_STR : IR_C_BYTES;
    c.u.str = t->s;
    c.n = t->n;
    *out = ir_add_const(p->fn, c);
    return true;
  case T_LPAREN:
    next(p);
    return add_container(p, t, IR_C_TUPLE, depth, T_RPAREN, true, out);
  case T_GLOBAL: {
    uint32_t f;
    if (!map_get(&p->funcs, t->s, t->n, &f)) {
      char buf[64];
      ERROR_TOK(p, t, "unknown function %s", describe(t, buf, sizeof buf));
      return false;
    }
    next(p);
    c.kind = IR_C_CODE;
    c.u.func = f;
    *out = ir_add_const(p->fn, c);
    return true;
  }
  default:
    break;
  }
  if (is_kw(t, "inf") || is_kw(t, "nan")) {
    c.kind = IR_C_FLOAT;
    if (!parse_f64(p, &c.u.f))
      return false;
    *out = ir_add_const(p->fn, c);
    return true;
  }
  if (is_kw(t, "complex")) {
    next(p);
    c.kind = IR_C_COMPLEX;
    if (!expect(p, T_LPAREN, "after 'complex'") || !parse_f64(p, &c.u.c[0]) ||
        !expect(p, T_COMMA, "between the parts of a complex") || !parse_f64(p, &c.u.c[1]) ||
        !expect(p, T_RPAREN, "to close 'complex('"))
      return false;
    *out = ir_add_const(p->fn, c);
    return true;
  }
  if (is_kw(t, "frozenset")) {
    next(p);
    if (!expect(p, T_LPAREN, "after 'frozenset'"))
      return false;
    if (accept(p, T_RPAREN)) {
      c.kind = IR_C_FROZENSET;
      *out = ir_add_const(p->fn, c);
      return true;
    }
    if (!expect(p, T_LBRACE, "in 'frozenset({...})'"))
      return false;
    return add_container(p, t, IR_C_FROZENSET, depth, T_RBRACE, false, out) &&
           expect(p, T_RPAREN, "to close 'frozenset('");
  }
  error_expected(p, "a constant");
  return false;
}

/* ---- function header ------------------------------------------------------------ */

/* attr := argc=N | posonly=N | kwonly=N | flags=N | stack=N | firstline=N
 *       | qualname="..." | name="..." */
static bool parse_attrs(Parser *p, IrFunc *fn) {
  static const struct { const char *key; size_t off; } nums[] = {
      {"argc", offsetof(IrFunc, argcount)},     {"posonly", offsetof(IrFunc, posonlyargcount)},
      {"kwonly", offsetof(IrFunc, kwonlyargcount)}, {"flags", offsetof(IrFunc, flags)},
      {"stack", offsetof(IrFunc, stacksize)},
  };
  bool has_qualname = false;
  if (!expect(p, T_LPAREN, "after the function name"))
    return false;
  while (peek(p)->kind != T_RPAREN) {
    Tok *key = peek(p);
    if (key->kind != T_IDENT) {
      error_expected(p, "an attribute name");
      return false;
    }
    next(p);
    if (!expect(p, T_EQUAL, "after the attribute name"))
      return false;
    bool known = false;
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
      if (!is_kw(key, nums[i].key))
        continue;
      int64_t v;
      if (!parse_int(p, 0, UINT32_MAX, nums[i].key, &v))
        return false;
      *(uint32_t *)((char *)fn + nums[i].off) = (uint32_t)v;
      known = true;
    }
    if (is_kw(key, "firstline")) {
      int64_t v;
      if (!parse_int(p, INT32_MIN, INT32_MAX, "firstline", &v))
        return false;
      fn->firstlineno = (int32_t)v;
      known = true;
    } else if (is_kw(key, "qualname") || is_kw(key, "name")) {
      Tok *t = peek(p);
      if (t->kind != T_STRING) {
        error_expected(p, "a string");
        return false;
      }
      next(p);
      const char *s = string_value(p, fn->arena, t);
      if (!s)
        return false;
      if (is_kw(key, "name")) {
        if (!*s) {
          ERROR_TOK(p, t, "a function name cannot be empty");
          return false;
        }
        fn->name = s;
        if (!has_qualname)
          fn->qualname = s;
      } else {
        fn->qualname = s;
        has_qualname = true;
      }
      known = true;
    }
    if (!known) {
      char buf[64];
      ERROR_TOK(p, key, "unknown function attribute %s", describe(key, buf, sizeof buf));
      return false;
    }
    if (!accept(p, T_COMMA))
      break;
  }
  return expect(p, T_RPAREN, "to close the attribute list");
}

/* locals := 'locals' '(' [NAME ':' kind ('|' kind)* (',' ...)*] ')' */
static bool parse_locals(Parser *p, IrFunc *fn) {
  if (!is_kw(peek(p), "locals")) {
    error_expected(p, "'locals(...)'");
    return false;
  }
  next(p);
  if (!expect(p, T_LPAREN, "after 'locals'"))
    return false;
  uint32_t start = p->pos, n = 0;
  /* First count, so that the arrays are allocated once. */
  for (uint32_t i = start; p->toks[i].kind != T_RPAREN && p->toks[i].kind != T_NEWLINE &&
                           p->toks[i].kind != T_EOF; i++)
    n += p->toks[i].kind == T_COLON;
  fn->localnames = IR_NEW_ARRAY(fn->arena, const char *, n + 1);
  fn->localkinds = IR_NEW_ARRAY(fn->arena, uint8_t, n + 1);
  Map seen = {0};
  bool ok = true;
  uint32_t k = 0;
  while (ok && peek(p)->kind != T_RPAREN) {
    Tok *name = peek(p);
    if (name->kind != T_IDENT && name->kind != T_STRING) {
      error_expected(p, "a local name");
      ok = false;
      break;
    }
    next(p);
    uint32_t dummy;
    if (map_get(&seen, name->s, name->n, &dummy)) {
      ERROR_TOK(p, name, "duplicate local '%.*s'", (int)name->n, name->s);
      ok = false;
      break;
    }
    map_put(&seen, name->s, name->n, k);
    if (!expect(p, T_COLON, "after the local name") || k >= n) {
      ok = false;
      break;
    }
    const char *s = string_value(p, fn->arena, name);
    if (!s || !*s) {
      if (s)
        ERROR_TOK(p, name, "a local name cannot be empty");
      ok = false;
      break;
    }
    uint8_t kind = 0;
    do {
      Tok *t = peek(p);
      int64_t v;
      if (is_kw(t, "local"))
        kind |= IR_LOCAL_PLAIN;
      else if (is_kw(t, "cell"))
        kind |= IR_LOCAL_CELL;
      else if (is_kw(t, "free"))
        kind |= IR_LOCAL_FREE;
      else if (tok_int(t, 0, 255, &v) && t->kind == T_INT)
        kind |= (uint8_t)v;
      else {
        error_expected(p, "a local kind (local, cell, free or a number)");
        ok = false;
        break;
      }
      next(p);
    } while (accept(p, T_BAR));
    fn->localnames[k] = s;
    fn->localkinds[k] = kind;
    k++;
    if (!accept(p, T_COMMA))
      break;
  }
  map_clear(&seen);
  fn->nlocalsplus = k;
  return ok && expect(p, T_RPAREN, "to close the locals list");
}

static int64_t find_local(const IrFunc *fn, const Tok *t) {
  for (uint32_t i = 0; i < fn->nlocalsplus; i++)
    if (strlen(fn->localnames[i]) == t->n && memcmp(fn->localnames[i], t->s, t->n) == 0)
      return i;
  return -1;
}

/* ---- instructions --------------------------------------------------------------- */

static void add_fixup(Parser *p, uint32_t tok, bool in_fs, uint32_t where, uint32_t slot) {
  p->fix = pyllc_grow(p->fix, sizeof *p->fix, p->nfix, &p->cap_fix);
  p->fix[p->nfix++] = (Fixup){tok, in_fs, where, slot};
}

static void push_scratch(Parser *p, uint32_t v) {
  p->scratch = pyllc_grow(p->scratch, sizeof *p->scratch, p->nscratch, &p->cap_scratch);
  p->scratch[p->nscratch++] = v;
}

static bool parse_label_ref(Parser *p, IrBlockId *out) {
  Tok *t = peek(p);
  if (t->kind != T_IDENT) {
    error_expected(p, "a block label");
    return false;
  }
  if (!map_get(&p->labels, t->s, t->n, out)) {
    ERROR_TOK(p, t, "unknown block '%.*s'", (int)t->n, t->s);
    return false;
  }
  next(p);
  return true;
}

static bool parse_imm(Parser *p, IrImmKind kind, int64_t *out) {
  Tok *t = peek(p);
  char buf[64];
  switch (kind) {
  case IR_IMM_NONE: return true;
  case IR_IMM_INT: return parse_int(p, INT64_MIN, INT64_MAX, "immediate", out);
  case IR_IMM_F64: {
    double d;
    if (!parse_f64(p, &d))
      return false;
    *out = ir_f64_bits(d);
    return true;
  }
  case IR_IMM_CONST: {
    if (is_kw(t, "none")) {
      next(p);
      *out = -1;
      return true;
    }
    uint32_t c;
    if (!parse_literal(p, 0, &c))
      return false;
    *out = c;
    return true;
  }
  case IR_IMM_NAME: {
    if (t->kind != T_STRING) {
      error_expected(p, "a name in quotes");
      return false;
    }
    if (memchr(t->s, '\0', t->n)) {
      ERROR_TOK(p, t, "a name cannot contain a NUL character");
      return false;
    }
    next(p);
    char *s = ir_arena_alloc(p->tmp, t->n + 1);
    memcpy(s, t->s, t->n);
    *out = ir_add_name(p->fn, s);
    return true;
  }
  case IR_IMM_LOCAL: {
    if (t->kind != T_LOCAL) {
      error_expected(p, "a local ($name)");
      return false;
    }
    int64_t i = find_local(p->fn, t);
    if (i < 0) {
      ERROR_TOK(p, t, "unknown local %s", describe(t, buf, sizeof buf));
      return false;
    }
    next(p);
    *out = i;
    return true;
  }
  case IR_IMM_BINOP:
  case IR_IMM_CMP: {
    const char *const *names = kind == IR_IMM_BINOP ? ir_binop_names : ir_cmp_names;
    int count = kind == IR_IMM_BINOP ? 26 : 6;
    for (int i = 0; i < count && t->kind == T_IDENT; i++) {
      if (is_kw(t, names[i])) {
        next(p);
        *out = i;
        return true;
      }
    }
    error_expected(p, kind == IR_IMM_BINOP ? "a binary operator (add, subtract, ...)"
                                           : "a comparison (lt, le, eq, ne, gt, ge)");
    return false;
  }
  case IR_IMM_FUNC: {
    uint32_t f;
    if (t->kind != T_GLOBAL) {
      error_expected(p, "a function (@name)");
      return false;
    }
    if (!map_get(&p->funcs, t->s, t->n, &f)) {
      ERROR_TOK(p, t, "unknown function %s", describe(t, buf, sizeof buf));
      return false;
    }
    next(p);
    *out = f;
    return true;
  }
  }
  return false;
}

/* slot := '%'V | null | mem; values become fixups of frame state fs. */
static bool parse_slot(Parser *p, uint32_t fs, uint32_t slot) {
  Tok *t = peek(p);
  if (t->kind == T_VALUE) {
    add_fixup(p, p->pos, true, fs, slot);
    p->fn->fstates[fs].vals[slot] = IR_NOREF;
  } else if (is_kw(t, "null")) {
    p->fn->fstates[fs].vals[slot] = IR_FS_UNSET;
  } else if (is_kw(t, "mem")) {
    p->fn->fstates[fs].vals[slot] = IR_FS_MEM;
  } else {
    error_expected(p, "a frame-state slot (%value, null or mem)");
    return false;
  }
  next(p);
  return true;
}

/* fs := '!fs(' '@'N ['prefix' '@'N] ['handler' LABEL] ['|' slot,* ['|' ('$'L '=' slot),*]]
 *       ')'  (after "!fs"); 'release' before a stack slot sets nframe */
static bool parse_fstate(Parser *p, uint32_t *out) {
  IrFunc *fn = p->fn;
  if (!expect(p, T_LPAREN, "after '!fs'"))
    return false;
  Tok *at = peek(p);
  int64_t off;
  if (at->kind != T_GLOBAL || !tok_int(at, INT32_MIN, INT32_MAX, &off)) {
    error_expected(p, "a bytecode offset '@N'");
    return false;
  }
  next(p);
  int64_t start = off;
  if (is_kw(peek(p), "prefix")) {
    next(p);
    at = peek(p);
    if (at->kind != T_GLOBAL || !tok_int(at, INT32_MIN, INT32_MAX, &start)) {
      error_expected(p, "the offset of the prefix '@N'");
      return false;
    }
    next(p);
  }
  IrBlockId handler = IR_NOREF;
  if (is_kw(peek(p), "handler")) {
    next(p);
    if (!parse_label_ref(p, &handler))
      return false;
  }
  uint32_t nstack = 0, stack_start = 0;
  bool has_stack = accept(p, T_BAR);
  if (has_stack) {
    stack_start = p->pos;
    /* count the stack slots first: the frame state is allocated with its size */
    for (uint32_t i = p->pos; ; i++) {
      TokKind k = (TokKind)p->toks[i].kind;
      if (k == T_BAR || k == T_RPAREN || k == T_NEWLINE || k == T_EOF)
        break;
      nstack += k != T_COMMA && !is_kw(&p->toks[i], "release");
    }
  }
  uint32_t fs = ir_new_fstate(fn, (int32_t)off, nstack);
  fn->fstates[fs].bc_start = (int32_t)start;
  fn->fstates[fs].handler = handler;
  if (has_stack) {
    p->pos = stack_start;
    for (uint32_t i = 0; i < nstack; i++) {
      if (i && !expect(p, T_COMMA, "between frame-state slots"))
        return false;
      if (is_kw(peek(p), "release") && fn->fstates[fs].nframe == nstack) {
        next(p); /* the slots from here on are released when leaving */
        fn->fstates[fs].nframe = i;
      }
      if (!parse_slot(p, fs, fn->nlocalsplus + i))
        return false;
    }
    if (accept(p, T_BAR)) {
      bool *seen = IR_NEW_ARRAY(p->tmp, bool, fn->nlocalsplus + 1);
      while (peek(p)->kind != T_RPAREN) {
        Tok *t = peek(p);
        if (t->kind != T_LOCAL) {
          error_expected(p, "a local ($name=slot)");
          return false;
        }
        int64_t i = find_local(fn, t);
        if (i < 0) {
          char buf[64];
          ERROR_TOK(p, t, "unknown local %s", describe(t, buf, sizeof buf));
          return false;
        }
        if (seen[i]) {
          char buf[64];
          ERROR_TOK(p, t, "local %s appears twice in the frame state",
                    describe(t, buf, sizeof buf));
          return false;
        }
        seen[i] = true;
        next(p);
        if (!expect(p, T_EQUAL, "after the local") || !parse_slot(p, fs, (uint32_t)i))
          return false;
        if (!accept(p, T_COMMA))
          break;
      }
    }
  }
  if (!expect(p, T_RPAREN, "to close '!fs('"))
    return false;
  *out = fs;
  return true;
}

static void record_pos(Parser *p, IrRef r, const Tok *t) {
  while (p->nipos <= r) {
    p->ipos = pyllc_grow(p->ipos, sizeof *p->ipos, p->nipos, &p->cap_ipos);
    p->ipos[p->nipos++] = (IrTextPos){0, 0};
  }
  p->ipos[r] = (IrTextPos){t->line, t->col};
}

/* instr := ['%'V ':' type '='] mnemonic imm* [operand (',' operand)*] [fs] [line] */
static void parse_instr(Parser *p) {
  IrFunc *fn = p->fn;
  Tok *start = peek(p);
  char buf[64];
  if (p->cur == IR_NOREF) {
    ERROR_TOK(p, start, "instruction before the first block label (write 'bb0:' first)");
    skip_line(p);
    return;
  }
  Tok *result = NULL;
  int type = IR_T_VOID;
  if (start->kind == T_VALUE) {
    result = next(p);
    if (!expect(p, T_COLON, "after the result name (%name:type)"))
      return;
    Tok *tt = peek(p);
    type = -1;
    for (int i = 1; i < IR_T__COUNT; i++)
      if (is_kw(tt, ir_type_names[i]))
        type = i;
    if (type < 0) {
      ERROR_TOK(p, tt, "expected a result type (obj, i64, f64, bool, ptr), found %s",
                describe(tt, buf, sizeof buf));
      return;
    }
    next(p);
    if (!expect(p, T_EQUAL, "after the result"))
      return;
  }
  Tok *mn = peek(p);
  int op = mn->kind == T_IDENT ? ir_op_from_name(mn->s, mn->n) : -1;
  if (op < 0) {
    if (mn->kind == T_IDENT)
      ERROR_TOK(p, mn, "unknown operation '%.*s'", (int)mn->n, mn->s);
    else
      error_expected(p, "an operation");
    return;
  }
  next(p);
  const IrOpInfo *info = &ir_op_info[op];
  int64_t imm[2] = {0, 0};
  for (int k = 0; k < 2; k++) {
    if (info->imm[k] == IR_IMM_NONE)
      continue;
    if (!parse_imm(p, (IrImmKind)info->imm[k], &imm[k]))
      return;
    TokKind nk = (TokKind)peek(p)->kind;
    if (nk == T_COMMA && peek_at(p, 1)->kind != T_NEWLINE)
      next(p); /* `store_local $x, %v` reads well too */
  }
  /* operands: values, then successor labels; phis take [%v, label] pairs */
  p->nscratch = 0;
  uint32_t nvals = 0, nsucc = 0;
  IrBlockId *from = NULL, *succ = NULL;
  uint32_t cap_from = 0, cap_succ = 0;
  bool ok = true;
  TokKind k0 = (TokKind)peek(p)->kind;
  if (k0 == T_VALUE || k0 == T_IDENT || k0 == T_LBRACKET) {
    do {
      Tok *t = peek(p);
      if (t->kind == T_LBRACKET && op == IR_PHI) {
        next(p);
        IrBlockId b;
        Tok *v = peek(p);
        if (v->kind != T_VALUE) {
          error_expected(p, "a value in the phi operand");
          ok = false;
          break;
        }
        next(p);
        if (!expect(p, T_COMMA, "in the phi operand [%v, block]") || !parse_label_ref(p, &b) ||
            !expect(p, T_RBRACKET, "to close the phi operand")) {
          ok = false;
          break;
        }
        push_scratch(p, (uint32_t)(v - p->toks));
        from = pyllc_grow(from, sizeof *from, nvals, &cap_from);
        from[nvals++] = b;
      } else if (t->kind == T_VALUE && op != IR_PHI) {
        if (nsucc) {
          ERROR_TOK(p, t, "operand after a successor block: values come first");
          ok = false;
          break;
        }
        push_scratch(p, p->pos);
        nvals++;
        next(p);
      } else if (t->kind == T_IDENT && !is_kw(t, "null") && op != IR_PHI) {
        IrBlockId b;
        if (!parse_label_ref(p, &b)) {
          ok = false;
          break;
        }
        succ = pyllc_grow(succ, sizeof *succ, nsucc, &cap_succ);
        succ[nsucc++] = b;
      } else {
        error_expected(p, op == IR_PHI ? "a phi operand [%value, block]"
                                       : "an operand (%value or block)");
        ok = false;
        break;
      }
    } while (accept(p, T_COMMA));
  }
  uint32_t fs = IR_NOREF;
  int64_t line = -1;
  int spec = 0;
  while (ok && peek(p)->kind == T_BANG) {
    next(p);
    Tok *d = peek(p);
    if (is_kw(d, "fs") && fs == IR_NOREF) {
      next(p);
      ok = parse_fstate(p, &fs);
    } else if (is_kw(d, "line") && line < 0) {
      next(p);
      ok = parse_int(p, 0, INT32_MAX, "line number", &line);
    } else if (is_kw(d, "spec") && spec == 0) {
      next(p);
      Tok *t = peek(p);
      for (int k = 1; k < 256 && t->kind == T_IDENT && !spec; k++)
        if (ir_spec_names[k] && is_kw(t, ir_spec_names[k]))
          spec = k;
      if (!spec) {
        ERROR_TOK(p, t, "expected a specialised CPython opcode after '!spec', found %s",
                  describe(t, buf, sizeof buf));
        ok = false;
      } else {
        next(p);
      }
    } else {
      ERROR_TOK(p, d, "expected 'fs', 'line' or 'spec' after '!' (each at most once), "
                "found %s", describe(d, buf, sizeof buf));
      ok = false;
    }
  }
  if (ok && peek(p)->kind != T_NEWLINE) {
    error_expected(p, "end of line");
    ok = false;
  }
  if (!ok) {
    free(from);
    free(succ);
    return;
  }
  IrRef r = ir_new_instr(fn, p->cur, (IrOp)op, NULL, nvals);
  IrInstr *in = &fn->instrs[r];
  in->type = (uint8_t)type;
  in->imm[0] = imm[0];
  in->imm[1] = imm[1];
  in->fs = fs;
  in->line = (int32_t)line;
  in->spec = (uint16_t)spec;
  for (uint32_t i = 0; i < nvals; i++) {
    add_fixup(p, p->scratch[i], false, r, i);
    if (from)
      in->phi_from[i] = from[i];
  }
  if (nsucc != in->nsucc || nsucc)
    ir_set_succ(fn, r, succ, nsucc);
  free(from);
  free(succ);
  record_pos(p, r, start);
  if (result) {
    uint32_t prev;
    if (map_get(&p->values, result->s, result->n, &prev)) {
      ERROR_TOK(p, result, "redefinition of %s (first defined on line %u)",
                describe(result, buf, sizeof buf), p->ipos[prev].line);
    } else {
      map_put(&p->values, result->s, result->n, r);
    }
  }
  /* Keep the order as written: a terminator followed by more instructions stays in the
   * list, where the verifier finds it. */
  IrBlock *bb = &fn->blocks[p->cur];
  if (bb->term != IR_NOREF) {
    ir_block_push(fn, p->cur, bb->term);
    bb->term = IR_NOREF;
  }
  if (info->flags & IRF_TERM)
    bb->term = r;
  else
    ir_block_push(fn, p->cur, r);
}

/* ---- functions ------------------------------------------------------------------ */

static bool is_func_start(const Parser *p, uint32_t i) {
  return at_line_start(p, i) && is_kw(&p->toks[i], "func") && i + 1 < p->ntoks &&
         p->toks[i + 1].kind == T_GLOBAL;
}

/* Is token i the start of a label line: NAME [@N] ':' ? */
/* LABEL ['@'N] ['landing' '(' ... ')'] ':' at the start of a line. */
static bool is_label_start(const Parser *p, uint32_t i) {
  if (!at_line_start(p, i) || p->toks[i].kind != T_IDENT)
    return false;
  uint32_t j = i + 1;
  if (p->toks[j].kind == T_GLOBAL)
    j++;
  if (is_kw(&p->toks[j], "landing") && p->toks[j + 1].kind == T_LPAREN) {
    for (j += 2; p->toks[j].kind != T_RPAREN; j++)
      if (p->toks[j].kind == T_NEWLINE || p->toks[j].kind == T_EOF)
        return false;
    j++;
  }
  return p->toks[j].kind == T_COLON;
}

/* landing := 'landing' '(' 'depth' '=' N [',' 'lasti'] ')'  (is_label_start checked the
 * parentheses) */
static void parse_landing(Parser *p, IrBlock *bb) {
  next(p); /* landing */
  next(p); /* ( */
  int64_t depth = 0;
  if (!is_kw(peek(p), "depth")) {
    error_expected(p, "'depth=N' in landing(...)");
    return;
  }
  next(p);
  if (!expect(p, T_EQUAL, "after 'depth'") ||
      !parse_int(p, 0, INT32_MAX, "landing depth", &depth))
    return;
  bool lasti = false;
  if (accept(p, T_COMMA)) {
    if (!is_kw(peek(p), "lasti")) {
      error_expected(p, "'lasti' in landing(...)");
      return;
    }
    next(p);
    lasti = true;
  }
  if (!expect(p, T_RPAREN, "to close 'landing('"))
    return;
  bb->eh_depth = (int32_t)depth;
  bb->eh_lasti = lasti;
}

/* Creates the blocks of the body starting at token i, in textual order, up to the '}'
 * that starts a line (braces inside a line belong to constants). */
static void prescan_labels(Parser *p, uint32_t i) {
  for (; p->toks[i].kind != T_EOF && !is_func_start(p, i); i++) {
    if (p->toks[i].kind == T_RBRACE && at_line_start(p, i))
      break;
    if (!is_label_start(p, i))
      continue;
    Tok *t = &p->toks[i];
    uint32_t prev;
    if (map_get(&p->labels, t->s, t->n, &prev))
      continue; /* a duplicate: reported when the body gets there, in line order */
    IrBlockId b = ir_new_block(p->fn);
    map_put(&p->labels, t->s, t->n, b);
    p->bpos = pyllc_grow(p->bpos, sizeof *p->bpos, p->nbpos, &p->cap_bpos);
    p->bpos[p->nbpos++] = (IrTextPos){t->line, t->col};
  }
}

static void resolve_fixups(Parser *p) {
  IrFunc *fn = p->fn;
  for (uint32_t i = 0; i < p->nfix; i++) {
    const Fixup *f = &p->fix[i];
    const Tok *t = &p->toks[f->tok];
    uint32_t r;
    if (!map_get(&p->values, t->s, t->n, &r)) {
      char buf[64];
      ERROR_TOK(p, t, "use of undefined value %s", describe(t, buf, sizeof buf));
      continue;
    }
    if (f->in_fs)
      fn->fstates[f->where].vals[f->slot] = r;
    else
      fn->instrs[f->where].args[f->slot] = r;
  }
}

static void finish_func(Parser *p) {
  IrFunc *fn = p->fn;
  resolve_fixups(p);
  fn->instr_pos = IR_NEW_ARRAY(fn->arena, IrTextPos, fn->ninstrs + 1);
  if (p->nipos)
    memcpy(fn->instr_pos, p->ipos, p->nipos * sizeof *p->ipos);
  fn->ninstr_pos = fn->ninstrs;
  fn->block_pos = IR_NEW_ARRAY(fn->arena, IrTextPos, fn->nblocks + 1);
  if (p->nbpos)
    memcpy(fn->block_pos, p->bpos, p->nbpos * sizeof *p->bpos);
  fn->nblock_pos = fn->nblocks;
  map_clear(&p->labels);
  map_clear(&p->values);
  p->nfix = p->nipos = p->nbpos = 0;
  p->fn = NULL;
}

/* func := 'func' '@'NAME '(' attrs ')' locals '{' NEWLINE (label | instr)* '}' */
static void parse_func(Parser *p, IrFunc *fn) {
  Tok *kw = next(p);
  Tok *fname = next(p);
  (void)fname;
  p->fn = fn;
  p->cur = IR_NOREF;
  fn->header_pos = (IrTextPos){kw->line, kw->col};
  if (!parse_attrs(p, fn) || !parse_locals(p, fn) ||
      !expect(p, T_LBRACE, "to open the function body") ||
      !expect(p, T_NEWLINE, "after '{' (the body starts on the next line)")) {
    /* skip the body: to the next function */
    while (peek(p)->kind != T_EOF && !is_func_start(p, p->pos))
      next(p);
    finish_func(p);
    return;
  }
  prescan_labels(p, p->pos);
  for (;;) {
    if (p->stop)
      break;
    while (accept(p, T_NEWLINE)) {
    }
    Tok *t = peek(p);
    if (t->kind == T_RBRACE) {
      next(p);
      if (peek(p)->kind != T_NEWLINE)
        error_expected(p, "end of line after '}'");
      skip_line(p);
      break;
    }
    if (t->kind == T_EOF || is_func_start(p, p->pos)) {
      ERROR_TOK(p, t, "expected '}' (to close function '@%s' at line %u)", fn->name,
                kw->line);
      break;
    }
    if (is_label_start(p, p->pos)) {
      bool known = map_get(&p->labels, t->s, t->n, &p->cur);
      if (!known || p->bpos[p->cur].line != t->line || p->bpos[p->cur].col != t->col) {
        if (!known) /* cannot happen: the prescan stops where this loop does */
          ERROR_TOK(p, t, "label '%.*s' not seen by the prescan", (int)t->n, t->s);
        else
          ERROR_TOK(p, t, "duplicate block label '%.*s' (first on line %u)", (int)t->n, t->s,
                    p->bpos[p->cur].line);
        /* a block of its own, so that the lines below still get checked */
        p->cur = ir_new_block(fn);
        p->bpos = pyllc_grow(p->bpos, sizeof *p->bpos, p->nbpos, &p->cap_bpos);
        p->bpos[p->nbpos++] = (IrTextPos){t->line, t->col};
      }
      next(p);
      int64_t off;
      if (peek(p)->kind == T_GLOBAL) {
        Tok *o = next(p);
        if (!tok_int(o, 0, INT32_MAX, &off))
          ERROR_TOK(p, o, "expected a bytecode offset '@N' after the label");
        else
          fn->blocks[p->cur].bc_offset = (int32_t)off;
      }
      if (is_kw(peek(p), "landing")) {
        parse_landing(p, &fn->blocks[p->cur]);
        while (peek(p)->kind != T_COLON) /* after an error */
          next(p);
      }
      next(p); /* ':' */
      if (peek(p)->kind != T_NEWLINE) {
        error_expected(p, "end of line after the label (one instruction per line)");
        skip_line(p);
      }
      continue;
    }
    if (t->kind == T_VALUE || t->kind == T_IDENT) {
      parse_instr(p);
    } else {
      error_expected(p, "an instruction or a block label");
    }
    skip_line(p);
  }
  finish_func(p);
}

static void free_parser(Parser *p) {
  map_clear(&p->funcs);
  map_clear(&p->labels);
  map_clear(&p->values);
  free(p->toks);
  free(p->fix);
  free(p->ipos);
  free(p->bpos);
  free(p->scratch);
  ir_arena_free(p->tmp);
}

IrModule *ir_parse(PyllcDiag *diag, const char *filename, const char *text, size_t len) {
  Parser p = {0};
  p.diag = diag;
  p.file = filename;
  p.errors0 = pyllc_diag_errors(diag);
  p.tmp = ir_arena_new();
  p.cur = IR_NOREF;
  pyllc_diag_add_source(diag, filename, text, len);
  lex(&p, text, len);
  p.m = ir_new_module(filename);
  if (nerrors(&p))
    p.stop = true; /* lexical errors: the tokens are not worth parsing */
  /* every function first, so that @name may refer forward */
  for (uint32_t i = 0; i < p.ntoks && !p.stop; i++) {
    if (!is_func_start(&p, i))
      continue;
    Tok *t = &p.toks[i + 1];
    uint32_t prev;
    if (map_get(&p.funcs, t->s, t->n, &prev))
      continue; /* a duplicate: reported in line order by the main loop */
    const char *name = ir_strdup(p.m->arena, t->s, t->n);
    IrFunc *fn = ir_new_func(p.m, name);
    fn->header_pos = (IrTextPos){p.toks[i].line, p.toks[i].col};
    map_put(&p.funcs, t->s, t->n, fn->index);
  }
  uint32_t k = 0;
  while (!p.stop) {
    while (accept(&p, T_NEWLINE)) {
    }
    Tok *t = peek(&p);
    if (t->kind == T_EOF)
      break;
    if (is_func_start(&p, p.pos)) {
      Tok *name = peek_at(&p, 1);
      uint32_t f = UINT32_MAX;
      if (map_get(&p.funcs, name->s, name->n, &f) && f == k && k < p.m->nfuncs) {
        parse_func(&p, p.m->funcs[k++]);
        continue;
      }
      ERROR_TOK(&p, name, "duplicate function '@%.*s' (first on line %u)", (int)name->n,
                name->s, f < p.m->nfuncs ? p.m->funcs[f]->header_pos.line : 0);
      next(&p);
      while (peek(&p)->kind != T_EOF && !is_func_start(&p, p.pos))
        next(&p);
      continue;
    }
    char buf[64];
    ERROR_TOK(&p, t, "expected 'func @name(...)', found %s", describe(t, buf, sizeof buf));
    skip_line(&p);
  }
  if (nerrors(&p) == 0 && p.m->nfuncs == 0)
    error_at(&p, 0, 0, "no function in the input (expected 'func @name(...) ... {')");
  bool failed = nerrors(&p) > 0 || p.stop;
  free_parser(&p);
  if (failed) {
    ir_free_module(p.m);
    return NULL;
  }
  return p.m;
}
