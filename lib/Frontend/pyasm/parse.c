/* parse.c - recursive-descent parser of .pyasm: one function per grammar rule, the rule
 * written above it (EBNF: { } repeats, [ ] is optional, | separates alternatives).
 *
 *   program    = stmt-list EOF
 *   stmt-list  = { sep } { stmt sep { sep } }     -- up to '}' or EOF
 *   sep        = NEWLINE | ';'                     -- and before a '}', nothing
 *
 * Error recovery: a statement with an error is skipped up to the next separator (a `{ }`
 * on the way is skipped whole), so one run reports the errors of many statements. Each
 * error is reported once, where it is found; the caller then sees NULL and unwinds to the
 * statement level without reporting more. Nesting deeper than PYASM_MAX_NESTING is an
 * error, so hostile input cannot overflow the C stack.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyasm_ast.h"

typedef struct Parser {
  PyasmCtx *cx;
  PyasmTok *tok;  /* the current token */
  PyasmTok *last; /* the EOF token */
  int depth;      /* nesting of blocks and expressions */
  int paren;      /* open ( [ < around the current token: newlines are ignored */
} Parser;

enum {
  EX_NOCALL = 1, /* a target: `(` after it is not a call */
  EX_BLOCK = 2,  /* a macro argument: code blocks allowed */
  EX_LATE = 4,   /* a PARTIAL argument: `?e` allowed */
};

const char *const pyasm_op_text[PA_OP__COUNT] = {
#define PA_X(id, text, arg) text,
    PYASM_OPERATORS(PA_X)
#undef PA_X
};
const int pyasm_op_arg[PA_OP__COUNT] = {
#define PA_X(id, text, arg) arg,
    PYASM_OPERATORS(PA_X)
#undef PA_X
};

const char *const pyasm_stmt_names[PA_S__COUNT] = {
    "LOAD", "STORE", "LOAD_FAST", "STORE_FAST", "LOAD_GLOBAL", "STORE_GLOBAL", "LOAD_CONST",
    "POP", "RETURN", "YIELD", "RAISE", "RAW", "CALL", "OP", "IF", "WHILE", "FOREACH",
    "LABEL", "JUMP", "DEF", "CLASS", "PYTHON", "ASSERT", "ASSERT_STATIC", "NAMESPACE",
    "MACRO", "MACRO_PASTE", "MACRO_RETURN", "MACRO_IMPORT", "macro use",
};

/* ---- token helpers ------------------------------------------------------------------ */

static bool is(Parser *p, const char *s) {
  PyasmTok *t = p->tok;
  return (t->kind == PA_TK_PUNCT || t->kind == PA_TK_IDENT) && !strcmp(t->str, s);
}

static bool is_kind(Parser *p, PyasmTokKind k) { return p->tok->kind == k; }

/* The k-th token after the current one (newlines skipped inside brackets). */
static PyasmTok *peek(Parser *p, int k) {
  PyasmTok *t = p->tok;
  while (k-- > 0 && t < p->last) {
    t++;
    while (p->paren && t->kind == PA_TK_NEWLINE && t < p->last)
      t++;
  }
  return t;
}

static bool tok_is(PyasmTok *t, const char *s) {
  return (t->kind == PA_TK_PUNCT || t->kind == PA_TK_IDENT) && !strcmp(t->str, s);
}

static void skip_newlines_in_brackets(Parser *p) {
  while (p->paren && p->tok->kind == PA_TK_NEWLINE && p->tok < p->last)
    p->tok++;
}

static PyasmTok *next(Parser *p) {
  PyasmTok *t = p->tok;
  if (p->tok < p->last)
    p->tok++;
  skip_newlines_in_brackets(p);
  return t;
}

/* Consumes an opening bracket: newlines are not separators until it is closed. */
static PyasmTok *open_paren(Parser *p) {
  p->paren++;
  return next(p);
}

static bool consume(Parser *p, const char *s) {
  if (!is(p, s))
    return false;
  next(p);
  return true;
}

/* A short description of a token for messages. */
static const char *describe(Parser *p, PyasmTok *t) {
  switch (t->kind) {
  case PA_TK_EOF: return "end of file";
  case PA_TK_NEWLINE: return "end of line";
  case PA_TK_PYCODE: return "Python code";
  default: break;
  }
  size_t n = t->len > 40 ? 40 : t->len;
  char *s = ir_arena_alloc(p->cx->arena, n + 8);
  snprintf(s, n + 8, "'%.*s%s'", (int)n, t->loc, t->len > 40 ? "..." : "");
  return s;
}

static bool at_stmt_end(Parser *p) {
  return is_kind(p, PA_TK_NEWLINE) || is_kind(p, PA_TK_EOF) || is(p, ";") || is(p, "}");
}

/* Reports at token t; returns NULL for `return error_at(...)`. */
__attribute__((format(printf, 3, 4)))
static void *error_at(Parser *p, PyasmTok *t, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  pyasm_error(p->cx, t->line, t->col, "%s", buf);
  return NULL;
}

/* Reports "X expected" at the current token. */
static void *expected(Parser *p, const char *what) {
  pyasm_error(p->cx, p->tok->line, p->tok->col, "%s expected, found %s", what,
              describe(p, p->tok));
  return NULL;
}

static bool expect(Parser *p, const char *s) {
  if (consume(p, s))
    return true;
  char buf[16];
  snprintf(buf, sizeof buf, "'%s'", s);
  expected(p, buf);
  return false;
}

/* Expects the closing bracket `close` of `open` (Lua's message when it is on another
 * line). */
static bool expect_close(Parser *p, const char *close, PyasmTok *open) {
  if (consume(p, close))
    return true;
  PyasmTok *t = p->tok;
  if (t->line != open->line)
    pyasm_error(p->cx, t->line, t->col, "'%s' expected (to close '%s' at line %d), found %s",
                close, open->str, open->line, describe(p, t));
  else
    pyasm_error(p->cx, t->line, t->col, "'%s' expected, found %s", close, describe(p, t));
  return false;
}

static bool close_paren(Parser *p, const char *close, PyasmTok *open) {
  p->paren--;
  return expect_close(p, close, open);
}

static void *new_node(Parser *p, size_t size) { return ir_arena_alloc(p->cx->arena, size); }

static PyasmExpr *new_expr(Parser *p, PyasmExprKind kind, PyasmTok *t) {
  PyasmExpr *e = new_node(p, sizeof *e);
  e->kind = (uint8_t)kind;
  e->line = t->line;
  e->col = t->col;
  return e;
}

static PyasmStmt *new_stmt(Parser *p, PyasmStmtKind kind, PyasmTok *t) {
  PyasmStmt *s = new_node(p, sizeof *s);
  s->kind = (uint8_t)kind;
  s->line = t->line;
  s->col = t->col;
  return s;
}

/* A growable array of pointers in the arena. */
typedef struct Vec {
  void **items;
  uint32_t n, cap;
} Vec;

static void vec_push(Parser *p, Vec *v, void *x) {
  if (v->n == v->cap) {
    uint32_t cap = v->cap ? v->cap * 2 : 4;
    void **items = ir_arena_alloc(p->cx->arena, sizeof(void *) * cap);
    if (v->n)
      memcpy(items, v->items, sizeof(void *) * v->n);
    v->items = items;
    v->cap = cap;
  }
  v->items[v->n++] = x;
}

/* list = open [ item { ',' item } [ ',' ] ] close, the opening bracket being the current
 * token: the items `item` parses (NULL: an error, reported), in order. False after an
 * error. */
static bool bracket_list(Parser *p, const char *close, void *(*item)(Parser *), Vec *v) {
  PyasmTok *open = open_paren(p);
  while (!is(p, close)) {
    void *x = item(p);
    if (!x)
      return false;
    vec_push(p, v, x);
    if (!consume(p, ","))
      break;
  }
  return close_paren(p, close, open);
}

static bool enter(Parser *p) {
  if (++p->depth > PYASM_MAX_NESTING) {
    pyasm_error(p->cx, p->tok->line, p->tok->col, "nesting too deep (more than %d levels)",
                PYASM_MAX_NESTING);
    return false;
  }
  return true;
}

static void leave(Parser *p) { p->depth--; }

/* ---- names -------------------------------------------------------------------------- */

/* ident = IDENT */
static const char *ident(Parser *p, const char *what) {
  if (!is_kind(p, PA_TK_IDENT))
    return expected(p, what);
  return next(p)->str;
}

/* qualified-name = IDENT { ':' IDENT }      -- no space around ':' */
static const char *qualified_name(Parser *p, const char *what) {
  if (!is_kind(p, PA_TK_IDENT))
    return expected(p, what);
  PyasmTok *first = p->tok, *t = next(p);
  while (is(p, ":") && !p->tok->space_before && peek(p, 1)->kind == PA_TK_IDENT &&
         !peek(p, 1)->space_before) {
    next(p);
    t = next(p);
  }
  return pyasm_strndup(p->cx, first->loc, (size_t)(t->loc + t->len - first->loc));
}

/* label-name = LABEL | qualified-name */
static const char *label_name(Parser *p) {
  if (is_kind(p, PA_TK_LABEL))
    return next(p)->str;
  return qualified_name(p, "label name");
}

/* ---- expressions -------------------------------------------------------------------- */

static PyasmExpr *expr(Parser *p, int flags);

/* An expression as an item of bracket_list. */
static void *list_expr(Parser *p) { return expr(p, 0); }
static PyasmOp *op_core(Parser *p);
static PyasmStmt *block(Parser *p, int *end_line);

/* args = [ arg { ',' arg } [ ',' ] ]
 * arg  = IDENT '=' expr | '*' expr | '**' expr | expr */
static bool args(Parser *p, PyasmTok *open, int flags, PyasmArg **out, uint32_t *nout) {
  Vec v = {0};
  while (!is(p, ")")) {
    PyasmArg *a = new_node(p, sizeof *a);
    if (is_kind(p, PA_TK_IDENT) && tok_is(peek(p, 1), "=")) {
      a->kind = PA_ARG_KW;
      a->name = next(p)->str;
      next(p);
    } else if (consume(p, "**")) {
      a->kind = PA_ARG_DSTAR;
    } else if (consume(p, "*")) {
      a->kind = PA_ARG_STAR;
    }
    if (!(a->value = expr(p, flags)))
      return false;
    vec_push(p, &v, a);
    if (!consume(p, ","))
      break;
  }
  if (!close_paren(p, ")", open))
    return false;
  *out = ir_arena_alloc(p->cx->arena, sizeof(PyasmArg) * (v.n ? v.n : 1));
  for (uint32_t i = 0; i < v.n; i++)
    (*out)[i] = *(PyasmArg *)v.items[i];
  *nout = v.n;
  return true;
}

/* '$' IDENT: a name a code block binds */
static void *block_name(Parser *p) {
  consume(p, "$");
  return (void *)ident(p, "name of a code block variable");
}

/* code-block = [ '[' '$' IDENT { ',' '$' IDENT } ']' ] block */
static PyasmExpr *code_block(Parser *p) {
  PyasmExpr *e = new_expr(p, PA_E_BLOCK, p->tok);
  if (is(p, "[")) {
    Vec v = {0};
    if (!bracket_list(p, "]", block_name, &v))
      return NULL;
    e->bnames = (const char **)v.items;
    e->nbnames = v.n;
  }
  if (!is(p, "{"))
    return expected(p, "'{'");
  int end_line;
  e->body = block(p, &end_line);
  return e;
}

/* primary = '$' IDENT | '$' ':' IDENT | '@' IDENT | '@' '!' IDENT | '§' IDENT | '&' IDENT
 *         | '~' IDENT | '%' [INT] | '\' | INT | FLOAT | STRING | BYTES
 *         | 'None' | 'True' | 'False' | 'OP' ( '(' op-core ')' | op-core )
 *         | '?' expr              -- PARTIAL arguments
 *         | code-block            -- macro arguments */
static PyasmExpr *primary(Parser *p, int flags) {
  PyasmTok *t = p->tok;
  PyasmExpr *e;
  switch (t->kind) {
  case PA_TK_INT:
    next(p);
    e = new_expr(p, PA_E_INT, t);
    e->ival = t->ival;
    e->big = t->big;
    e->str = t->str;
    e->slen = t->slen;
    return e;
  case PA_TK_FLOAT:
    next(p);
    e = new_expr(p, PA_E_FLOAT, t);
    e->fval = t->fval;
    return e;
  case PA_TK_STR:
  case PA_TK_BYTES:
    next(p);
    e = new_expr(p, t->kind == PA_TK_STR ? PA_E_STR : PA_E_BYTES, t);
    e->str = t->str;
    e->slen = t->slen;
    return e;
  case PA_TK_IDENT:
    if (is(p, "None") || is(p, "True") || is(p, "False")) {
      next(p);
      return new_expr(p, t->str[0] == 'N' ? PA_E_NONE : t->str[0] == 'T' ? PA_E_TRUE
                                                                          : PA_E_FALSE, t);
    }
    if (is(p, "OP")) {
      next(p);
      e = new_expr(p, PA_E_OP, t);
      if (!is(p, "(")) { /* OP tuple(...), OP not $x: one operator, no parentheses */
        e->op = op_core(p);
        return e->op ? e : NULL;
      }
      PyasmTok *open = open_paren(p);
      if (!(e->op = op_core(p)) || !close_paren(p, ")", open))
        return NULL;
      return e;
    }
    pyasm_error(p->cx, t->line, t->col,
                "expression expected, found '%s' (variables are written $%s, @%s, ...)",
                t->str, t->str, t->str);
    return NULL;
  case PA_TK_PUNCT:
    break;
  default:
    return expected(p, "expression");
  }
  static const struct { const char *sigil; PyasmExprKind kind; } sigils[] = {
      {"$", PA_E_LOCAL}, {"@", PA_E_GLOBAL}, {"\xc2\xa7", PA_E_CELL},
      {"&", PA_E_PARAM}, {"~", PA_E_BUILTIN},
  };
  for (size_t i = 0; i < sizeof sigils / sizeof *sigils; i++) {
    if (!is(p, sigils[i].sigil))
      continue;
    next(p);
    PyasmExprKind kind = sigils[i].kind;
    if (kind == PA_E_LOCAL && is(p, ":") && !p->tok->space_before) {
      next(p);
      kind = PA_E_CALLER;
    } else if (kind == PA_E_GLOBAL && is(p, "!") && !p->tok->space_before) {
      next(p);
      kind = PA_E_GLOBAL_STATIC;
    }
    e = new_expr(p, kind, t);
    char what[64];
    snprintf(what, sizeof what, "name after '%s'", t->str);
    if (!(e->name = ident(p, what)))
      return NULL;
    return e;
  }
  if (is(p, "%")) {
    next(p);
    e = new_expr(p, PA_E_TOS, t);
    if (is_kind(p, PA_TK_INT) && !p->tok->space_before) {
      if (p->tok->big || p->tok->ival < 0 || p->tok->ival > 100000)
        return error_at(p, p->tok, "invalid stack position %s", describe(p, p->tok));
      e->has_n = true;
      e->ival = next(p)->ival;
    }
    return e;
  }
  if (is(p, "\\")) {
    next(p);
    return new_expr(p, PA_E_DISCARD, t);
  }
  if (is(p, "?") && (flags & EX_LATE)) {
    next(p);
    e = new_expr(p, PA_E_LATE, t);
    if (!(e->a = expr(p, flags & ~EX_LATE)))
      return NULL;
    return e;
  }
  if ((is(p, "{") || (is(p, "[") && tok_is(peek(p, 1), "$"))) && (flags & EX_BLOCK))
    return code_block(p);
  if (is(p, "{"))
    return error_at(p, t, "a code block is only allowed as a macro argument");
  return expected(p, "expression");
}

/* The postfix `.name` or `.!name` of e (kind PA_E_ATTR or PA_E_ATTR_STATIC), NULL after
 * an error. */
static PyasmExpr *attribute(Parser *p, PyasmExprKind kind, PyasmTok *t, PyasmExpr *e) {
  PyasmExpr *a = new_expr(p, kind, t);
  a->a = e;
  return (a->name = ident(p, "attribute name")) ? a : NULL;
}

/* The postfix `.(expr)` or `[expr]` of e, the bracket opening at the current token;
 * NULL after an error. */
static PyasmExpr *bracketed(Parser *p, PyasmExprKind kind, PyasmTok *t, PyasmExpr *e,
                            const char *close) {
  PyasmTok *open = open_paren(p);
  PyasmExpr *a = new_expr(p, kind, t);
  a->a = e;
  return (a->b = expr(p, 0)) && close_paren(p, close, open) ? a : NULL;
}

/* expr    = primary { postfix }
 * postfix = '.' IDENT | '.' '!' IDENT | '.' '(' expr ')' | '[' expr ']' | '(' args ')' */
static PyasmExpr *expr(Parser *p, int flags) {
  if (!enter(p))
    return NULL;
  PyasmExpr *e = primary(p, flags);
  while (e) {
    PyasmTok *t = p->tok;
    if (e->kind == PA_E_BLOCK)
      break;
    if (is(p, ".")) {
      next(p);
      if (is(p, "!") && !p->tok->space_before) {
        next(p);
        e = attribute(p, PA_E_ATTR_STATIC, t, e);
      } else if (is(p, "(")) {
        e = bracketed(p, PA_E_ATTR_DYN, t, e, ")");
      } else {
        e = attribute(p, PA_E_ATTR, t, e);
      }
    } else if (is(p, "[")) {
      e = bracketed(p, PA_E_SUBSCR, t, e, "]");
    } else if (is(p, "(") && !(flags & EX_NOCALL)) {
      PyasmTok *open = open_paren(p);
      PyasmExpr *a = new_expr(p, PA_E_CALL, t);
      a->a = e;
      if (!args(p, open, flags & EX_LATE, &a->args, &a->nargs))
        e = NULL;
      else
        e = a;
    } else {
      break;
    }
  }
  leave(p);
  return e;
}

/* target = expr    -- without calls; what it may be is checked by sema */
static PyasmExpr *target(Parser *p) { return expr(p, EX_NOCALL); }

/* arrow-target = [ '->' target ] */
static bool arrow_target(Parser *p, PyasmExpr **out) {
  *out = NULL;
  if (!consume(p, "->"))
    return true;
  return (*out = target(p)) != NULL;
}

/* ---- OP ------------------------------------------------------------------------------ */

static int find_operator(const char *text, int first, int last) {
  for (int i = first; i <= last; i++)
    if (!strcmp(pyasm_op_text[i], text))
      return i;
  return -1;
}

/* binop = '+' | '-' | '*' | '/' | '//' | '**' | '%' | '&' | '|' | '^' | '<<' | '>>' | '@'
 *       | '<' | '<=' | '==' | '!=' | '>' | '>=' | 'is' | '!is' | 'in' | '!in'
 *       | 'and' | 'or' | 'nand' | 'nor' | 'andeval' | 'oreval' | 'xor' | 'xnor'
 *       | ':=' | '=:' | 'isinstance' | 'issubclass' | 'hasattr' | 'getattr' */
static int binop(Parser *p) {
  PyasmTok *t = p->tok;
  if (t->kind != PA_TK_PUNCT && t->kind != PA_TK_IDENT)
    return -1;
  if (tok_is(t, "!")) {
    PyasmTok *n = peek(p, 1);
    if (n->kind == PA_TK_IDENT && !n->space_before &&
        (!strcmp(n->str, "is") || !strcmp(n->str, "in"))) {
      next(p);
      next(p);
      return n->str[1] == 's' ? PA_OP_ISNOT : PA_OP_NOTIN;
    }
    return -1;
  }
  int op = find_operator(t->str, PA_OP_FIRST_BINARY, PA_OP_LAST_BINARY);
  if (op >= 0 && op != PA_OP_ISNOT && op != PA_OP_NOTIN)
    next(p);
  else
    op = -1;
  return op;
}

/* op-core = unop operand
 *         | prefix '(' [ operand { ',' operand } [ ',' ] ] ')'
 *         | operand [ binop operand ]
 * unop    = '-' | '+' | '~' | 'not' | '!'
 * prefix  = 'sum' | 'prod' | 'avg' | 'avgi' | 'tuple' | 'list' | 'set' | 'dict'
 * operand = expr */
static PyasmOp *op_core(Parser *p) {
  if (!enter(p))
    return NULL;
  PyasmOp *op = new_node(p, sizeof *op);
  PyasmTok *t = p->tok;
  op->line = t->line;
  op->col = t->col;
  PyasmOp *result = NULL;
  int u = -1;
  if (t->kind == PA_TK_PUNCT && (tok_is(t, "-") || tok_is(t, "+") || tok_is(t, "!") ||
                                 (tok_is(t, "~") && (peek(p, 1)->kind != PA_TK_IDENT ||
                                                     peek(p, 1)->space_before))))
    u = find_operator(t->str, PA_OP_FIRST_UNARY, PA_OP_LAST_UNARY);
  else if (tok_is(t, "not"))
    u = PA_OP_NOT;
  if (u >= 0) {
    next(p);
    op->form = PA_OPF_UNARY;
    op->op = (uint8_t)u;
    if ((op->lhs = expr(p, 0)))
      result = op;
    goto done;
  }
  int pre = t->kind == PA_TK_IDENT ? find_operator(t->str, PA_OP_FIRST_PREFIX, PA_OP__COUNT - 1)
                                   : -1;
  if (pre >= 0) {
    next(p);
    op->form = PA_OPF_PREFIX;
    op->op = (uint8_t)pre;
    if (!is(p, "(")) {
      expected(p, "'(' after a prefix operator");
      goto done;
    }
    Vec v = {0};
    if (!bracket_list(p, ")", list_expr, &v))
      goto done;
    op->items = (PyasmExpr **)v.items;
    op->nitems = v.n;
    result = op;
    goto done;
  }
  if (!(op->lhs = expr(p, 0)))
    goto done;
  op->form = PA_OPF_VALUE;
  PyasmTok *ot = p->tok;
  int b = binop(p);
  if (b < 0) {
    if (!at_stmt_end(p) && !is(p, ")") && !is(p, "->") && !is(p, "{") &&
        p->tok->kind != PA_TK_STR && p->tok->kind != PA_TK_LABEL) {
      if (p->tok->kind == PA_TK_INT && p->tok->loc[0] == '-')
        pyasm_error(p->cx, p->tok->line, p->tok->col,
                    "operator expected, found %s (write '- %.*s' for a subtraction)",
                    describe(p, p->tok), (int)p->tok->len - 1, p->tok->loc + 1);
      else
        expected(p, "operator");
      goto done;
    }
    result = op;
    goto done;
  }
  op->form = PA_OPF_BINARY;
  op->op = (uint8_t)b;
  op->line = ot->line;
  op->col = ot->col;
  if ((op->rhs = expr(p, 0)))
    result = op;
done:
  leave(p);
  return result;
}

/* ---- statements ---------------------------------------------------------------------- */

static PyasmStmt *stmt_list(Parser *p, bool top);

/* block = '{' stmt-list '}' */
static PyasmStmt *block(Parser *p, int *end_line) {
  PyasmTok *open = p->tok;
  *end_line = open->line;
  if (!is(p, "{"))
    return expected(p, "'{'");
  int saved = p->paren;
  p->paren = 0; /* statements inside: newlines separate them */
  next(p);
  p->paren = saved;
  if (!enter(p)) {
    /* skip the whole block */
    int d = 1;
    while (!is_kind(p, PA_TK_EOF) && d) {
      if (is(p, "{"))
        d++;
      else if (is(p, "}"))
        d--;
      next(p);
    }
    leave(p);
    return NULL;
  }
  int paren = p->paren;
  p->paren = 0;
  PyasmStmt *body = stmt_list(p, false);
  leave(p);
  *end_line = p->tok->line;
  if (!is(p, "}")) {
    pyasm_error(p->cx, p->tok->line, p->tok->col, "'}' expected (to close '{' at line %d)",
                open->line);
    p->paren = paren;
    return body;
  }
  next(p);
  p->paren = paren;
  skip_newlines_in_brackets(p);
  return body;
}

/* load = 'LOAD' expr [ '->' target ] */
static PyasmStmt *load_stmt(Parser *p, PyasmStmt *s) {
  if (!(s->e = expr(p, 0)) || !arrow_target(p, &s->target))
    return NULL;
  return s;
}

/* store = 'STORE' target [ '(' expr ')' ] */
static PyasmStmt *store_stmt(Parser *p, PyasmStmt *s) {
  if (!(s->target = target(p)))
    return NULL;
  if (is(p, "(")) {
    PyasmTok *open = open_paren(p);
    if (!(s->e = expr(p, 0)) || !close_paren(p, ")", open))
      return NULL;
  }
  return s;
}

/* fast-name = IDENT | '$' IDENT | INT */
static bool fast_name(Parser *p, PyasmStmt *s, const char *sigil) {
  if (is_kind(p, PA_TK_INT)) {
    if (p->tok->big || p->tok->ival < 0 || p->tok->ival > 65535) {
      error_at(p, p->tok, "invalid variable index %s", describe(p, p->tok));
      return false;
    }
    s->n = next(p)->ival;
    s->has_arg = true;
    return true;
  }
  consume(p, sigil);
  return (s->name = ident(p, "variable name")) != NULL;
}

/* load-fast   = 'LOAD_FAST' fast-name [ '->' target ]
 * load-global = 'LOAD_GLOBAL' ( IDENT | '@' IDENT ) [ '->' target ] */
static PyasmStmt *load_named_stmt(Parser *p, PyasmStmt *s) {
  if (s->kind == PA_S_LOAD_FAST ? !fast_name(p, s, "$") : !fast_name(p, s, "@"))
    return NULL;
  if (s->kind == PA_S_LOAD_GLOBAL && s->has_arg)
    return error_at(p, p->tok - 1, "LOAD_GLOBAL takes a name");
  return arrow_target(p, &s->target) ? s : NULL;
}

/* store-fast   = 'STORE_FAST' fast-name [ '(' expr ')' ]
 * store-global = 'STORE_GLOBAL' ( IDENT | '@' IDENT ) [ '(' expr ')' ] */
static PyasmStmt *store_named_stmt(Parser *p, PyasmStmt *s) {
  if (s->kind == PA_S_STORE_FAST ? !fast_name(p, s, "$") : !fast_name(p, s, "@"))
    return NULL;
  if (s->kind == PA_S_STORE_GLOBAL && s->has_arg)
    return error_at(p, p->tok - 1, "STORE_GLOBAL takes a name");
  if (is(p, "(")) {
    PyasmTok *open = open_paren(p);
    if (!(s->e = expr(p, 0)) || !close_paren(p, ")", open))
      return NULL;
  }
  return s;
}

/* load-const = 'LOAD_CONST' expr [ '->' target ] */
static PyasmStmt *load_const_stmt(Parser *p, PyasmStmt *s) { return load_stmt(p, s); }

/* pop = 'POP' [ INT ] */
static PyasmStmt *pop_stmt(Parser *p, PyasmStmt *s) {
  s->n = 1;
  if (is_kind(p, PA_TK_INT)) {
    if (p->tok->big || p->tok->ival < 0 || p->tok->ival > 100000)
      return error_at(p, p->tok, "invalid count %s for POP", describe(p, p->tok));
    s->n = next(p)->ival;
  }
  return s;
}

/* return = 'RETURN' [ expr ]   raise = 'RAISE' [ expr ]   macro-return = 'MACRO_RETURN' [ expr ] */
static PyasmStmt *opt_expr_stmt(Parser *p, PyasmStmt *s) {
  if (!at_stmt_end(p) && !(s->e = expr(p, 0)))
    return NULL;
  return s;
}

/* yield = 'YIELD' [ '*' ] [ expr ] [ '->' target ] */
static PyasmStmt *yield_stmt(Parser *p, PyasmStmt *s) {
  s->star = consume(p, "*");
  if (!at_stmt_end(p) && !is(p, "->") && !(s->e = expr(p, 0)))
    return NULL;
  return arrow_target(p, &s->target) ? s : NULL;
}

/* raw     = 'RAW' ( IDENT | INT ) [ raw-arg ]
 * raw-arg = IDENT { ',' IDENT }   -- names (not None, True, False, OP)
 *         | expr                  -- a number, a constant, $x, @x, ...
 * What the argument means depends on the opcode: the lowering interprets it. */
static PyasmStmt *raw_stmt(Parser *p, PyasmStmt *s) {
  if (is_kind(p, PA_TK_IDENT)) {
    s->name = next(p)->str;
  } else if (is_kind(p, PA_TK_INT)) {
    if (p->tok->big || p->tok->ival < 0 || p->tok->ival > 255)
      return error_at(p, p->tok, "opcode %s out of range 0..255", describe(p, p->tok));
    s->n = next(p)->ival;
  } else {
    return expected(p, "opcode name or number");
  }
  if (at_stmt_end(p))
    return s;
  s->has_arg = true;
  if (is_kind(p, PA_TK_IDENT) && !is(p, "None") && !is(p, "True") && !is(p, "False") &&
      !is(p, "OP")) {
    PyasmExpr *names[64];
    uint32_t n = 0;
    do {
      if (n == 64)
        return error_at(p, p->tok, "more than 64 names in a RAW argument");
      PyasmTok *t = p->tok;
      const char *name = ident(p, "name");
      if (!name)
        return NULL;
      names[n] = new_expr(p, PA_E_MACRO_NAME, t);
      names[n++]->name = name;
    } while (consume(p, ","));
    s->list = ir_arena_alloc(p->cx->arena, sizeof *s->list * n);
    memcpy(s->list, names, sizeof *s->list * n);
    s->nlist = n;
    return s;
  }
  return (s->e = expr(p, 0)) ? s : NULL;
}

/* macro-call = qualified-name '(' args ')'   -- arguments may be code blocks */
static PyasmExpr *macro_call(Parser *p) {
  PyasmTok *t = p->tok;
  PyasmExpr *callee = new_expr(p, PA_E_MACRO_NAME, t);
  if (!(callee->name = qualified_name(p, "macro name")))
    return NULL;
  PyasmExpr *call = new_expr(p, PA_E_CALL, t);
  call->a = callee;
  if (!is(p, "("))
    return expected(p, "'(' after the macro name");
  PyasmTok *open = open_paren(p);
  if (!args(p, open, EX_BLOCK, &call->args, &call->nargs))
    return NULL;
  return call;
}

/* call = 'CALL' [ 'PARTIAL' | 'MACRO' ] ( expr | macro-call ) [ '->' target ]
 *        -- expr must end with a call; PARTIAL arguments may be '?' expr */
static PyasmStmt *call_stmt(Parser *p, PyasmStmt *s) {
  if (consume(p, "PARTIAL"))
    s->call_kind = PA_CALL_PARTIAL;
  else if (consume(p, "MACRO"))
    s->call_kind = PA_CALL_MACRO;
  PyasmTok *t = p->tok;
  if (s->call_kind == PA_CALL_MACRO) {
    if (!(s->e = macro_call(p)))
      return NULL;
  } else {
    if (!(s->e = expr(p, s->call_kind == PA_CALL_PARTIAL ? EX_LATE : 0)))
      return NULL;
    if (s->e->kind != PA_E_CALL)
      return error_at(p, t, "CALL needs a call: f(...)");
  }
  return arrow_target(p, &s->target) ? s : NULL;
}

/* op = 'OP' ( '(' op-core ')' | op-core ) [ '->' target ] */
static PyasmStmt *op_stmt(Parser *p, PyasmStmt *s) {
  /* `OP (a + b)`: after the ')' only the end of the statement or a target may follow
   * (`OP (a) + b` would need a precedence OP does not have) */
  if (is(p, "(")) {
    PyasmTok *open = open_paren(p);
    if (!(s->op = op_core(p)) || !close_paren(p, ")", open))
      return NULL;
    if (at_stmt_end(p) || is(p, "->"))
      return arrow_target(p, &s->target) ? s : NULL;
    return error_at(p, p->tok, "end of OP expected, found %s (OP has no precedence: nest "
                               "OP (...) )",
                    describe(p, p->tok));
  }
  if (!(s->op = op_core(p)))
    return NULL;
  return arrow_target(p, &s->target) ? s : NULL;
}

/* skip-newlines-before = { NEWLINE } 'ELSE'    -- ELSE may start the next line */
static bool else_follows(Parser *p) {
  int k = 0;
  while (peek(p, k)->kind == PA_TK_NEWLINE)
    k++;
  if (tok_is(peek(p, k), "ELSE") && peek(p, k)->kind == PA_TK_IDENT) {
    p->tok += k;
    return true;
  }
  return false;
}

static PyasmStmt *stmt(Parser *p);

/* if = 'IF' expr [ LABEL ] block [ 'ELSE' ( block | if ) ] */
static PyasmStmt *if_stmt(Parser *p, PyasmStmt *s) {
  if (!(s->e = expr(p, 0)))
    return NULL;
  if (is_kind(p, PA_TK_LABEL))
    s->name = next(p)->str;
  if (!is(p, "{"))
    return expected(p, "'{'");
  s->body = block(p, &s->end_line);
  if (else_follows(p)) {
    next(p);
    s->has_else = true;
    if (is(p, "IF")) {
      s->orelse = stmt(p);
    } else {
      int end;
      if (!is(p, "{"))
        return expected(p, "'{' after ELSE");
      s->orelse = block(p, &end);
    }
  }
  return s;
}

/* loop-body = [ LABEL ] block   (the end of WHILE and FOREACH) */
static PyasmStmt *loop_body(Parser *p, PyasmStmt *s) {
  if (is_kind(p, PA_TK_LABEL))
    s->name = next(p)->str;
  if (!is(p, "{"))
    return expected(p, "'{'");
  s->body = block(p, &s->end_line);
  return s;
}

/* while = 'WHILE' expr [ LABEL ] block */
static PyasmStmt *while_stmt(Parser *p, PyasmStmt *s) {
  if (!(s->e = expr(p, 0)))
    return NULL;
  return loop_body(p, s);
}

/* foreach = 'FOREACH' target { ',' target } 'IN' expr { ( ',' | '*' ) expr } [ LABEL ] block */
static PyasmStmt *foreach_stmt(Parser *p, PyasmStmt *s) {
  Vec ts = {0}, ss = {0};
  do {
    PyasmExpr *t = target(p);
    if (!t)
      return NULL;
    vec_push(p, &ts, t);
  } while (consume(p, ","));
  if (!expect(p, "IN"))
    return NULL;
  int sep = 0; /* ',' = 1, '*' = 2 */
  for (;;) {
    PyasmExpr *e = expr(p, 0);
    if (!e)
      return NULL;
    vec_push(p, &ss, e);
    int here = is(p, ",") ? 1 : is(p, "*") ? 2 : 0;
    if (!here)
      break;
    if (sep && here != sep)
      return error_at(p, p->tok, "FOREACH sources are joined by ',' (zip) or '*' (product), "
                                 "not both");
    sep = here;
    next(p);
  }
  s->star = sep == 2;
  if (ts.n != ss.n && ss.n > 1) /* one source with several variables: items unpacked */
    pyasm_error(p->cx, s->line, s->col, "FOREACH has %u variable%s but %u source%s", ts.n,
                ts.n == 1 ? "" : "s", ss.n, ss.n == 1 ? "" : "s");
  s->list = (PyasmExpr **)ts.items;
  s->nlist = ts.n;
  s->srcs = (PyasmExpr **)ss.items;
  s->nsrcs = ss.n;
  return loop_body(p, s);
}

/* label = 'LABEL' label-name */
static PyasmStmt *label_stmt(Parser *p, PyasmStmt *s) {
  return (s->name = label_name(p)) ? s : NULL;
}

/* jump = 'JUMP' label-name [ 'IF' expr | '(' op-core ')' ] */
static PyasmStmt *jump_stmt(Parser *p, PyasmStmt *s) {
  if (!(s->name = label_name(p)))
    return NULL;
  if (consume(p, "IF")) {
    if (!(s->e = expr(p, 0)))
      return NULL;
  } else if (is(p, "(")) {
    PyasmTok *open = open_paren(p);
    PyasmExpr *e = new_expr(p, PA_E_OP, open);
    if (!(e->op = op_core(p)) || !close_paren(p, ")", open))
      return NULL;
    s->e = e;
  }
  return s;
}

/* capture = [ '$' | '§' ] IDENT */
static void *capture_name(Parser *p) {
  if (!consume(p, "$"))
    consume(p, "\xc2\xa7");
  return (void *)ident(p, "captured variable name");
}

/* captures = '<' capture { ',' capture } '>' */
static bool captures(Parser *p, PyasmStmt *s) {
  if (!is(p, "<"))
    return true;
  Vec v = {0};
  if (!bracket_list(p, ">", capture_name, &v))
    return false;
  s->captures = (const char **)v.items;
  s->ncaptures = v.n;
  return true;
}

/* params = '(' [ param { ',' param } [ ',' ] ] ')'
 * param  = [ '*' | '**' ] [ '$' ] IDENT [ '=' expr ] | '*'      -- a bare '*' before
 *          keyword-only parameters */
static bool def_params(Parser *p, PyasmStmt *s) {
  if (!is(p, "(")) {
    expected(p, "'(' and the parameters");
    return false;
  }
  PyasmTok *open = open_paren(p);
  Vec v = {0};
  while (!is(p, ")")) {
    PyasmParam *pa = new_node(p, sizeof *pa);
    pa->line = p->tok->line;
    pa->col = p->tok->col;
    if (consume(p, "**"))
      pa->kind = PA_P_DSTAR;
    else if (consume(p, "*"))
      pa->kind = PA_P_STAR;
    if (pa->kind == PA_P_STAR && (is(p, ",") || is(p, ")"))) {
      pa->name = NULL; /* a bare '*': keyword-only parameters follow */
      vec_push(p, &v, pa);
      if (!consume(p, ","))
        break;
      continue;
    }
    consume(p, "$");
    if (!(pa->name = ident(p, "parameter name")))
      return false;
    if (consume(p, "=")) {
      if (pa->kind != PA_P_PLAIN) {
        error_at(p, p->tok - 1, "a %s parameter takes no default", pa->kind == PA_P_STAR
                                                                       ? "*args" : "**kw");
        return false;
      }
      if (!(pa->deflt = expr(p, 0)))
        return false;
    }
    vec_push(p, &v, pa);
    if (!consume(p, ","))
      break;
  }
  if (!close_paren(p, ")", open))
    return false;
  s->params = ir_arena_alloc(p->cx->arena, sizeof(PyasmParam) * (v.n ? v.n : 1));
  for (uint32_t i = 0; i < v.n; i++)
    s->params[i] = *(PyasmParam *)v.items[i];
  s->nparams = v.n;
  return true;
}

/* def = 'DEF' IDENT [ captures ] params [ '->' target ] block */
static PyasmStmt *def_stmt(Parser *p, PyasmStmt *s) {
  if (!(s->name = ident(p, "function name")) || !captures(p, s) || !def_params(p, s) ||
      !arrow_target(p, &s->target))
    return NULL;
  if (!is(p, "{"))
    return expected(p, "'{'");
  s->body = block(p, &s->end_line);
  return s;
}

/* class = 'CLASS' IDENT [ captures ] [ '(' args ')' ] [ '->' target ] block */
static PyasmStmt *class_stmt(Parser *p, PyasmStmt *s) {
  if (!(s->name = ident(p, "class name")) || !captures(p, s))
    return NULL;
  if (is(p, "(")) {
    PyasmTok *open = open_paren(p);
    if (!args(p, open, 0, &s->args, &s->nargs))
      return NULL;
  }
  if (!arrow_target(p, &s->target))
    return NULL;
  if (!is(p, "{"))
    return expected(p, "'{'");
  s->body = block(p, &s->end_line);
  return s;
}

/* python = 'PYTHON' '{' PYCODE '}'       -- the tokenizer takes the raw text */
static PyasmStmt *python_stmt(Parser *p, PyasmStmt *s) {
  if (!expect(p, "{"))
    return NULL;
  if (!is_kind(p, PA_TK_PYCODE))
    return expected(p, "Python code");
  PyasmTok *code = next(p);
  s->code = code->str;
  s->codelen = code->slen;
  s->end_line = p->tok->line;
  if (!is(p, "}"))
    return NULL; /* reported by the tokenizer */
  next(p);
  return s;
}

/* assert = ( 'ASSERT' | 'ASSERT_STATIC' ) expr [ expr ] */
static PyasmStmt *assert_stmt(Parser *p, PyasmStmt *s) {
  if (!(s->e = expr(p, 0)))
    return NULL;
  if (!at_stmt_end(p) && !(s->msg = expr(p, 0)))
    return NULL;
  return s;
}

/* namespace = 'NAMESPACE' qualified-name block */
static PyasmStmt *namespace_stmt(Parser *p, PyasmStmt *s) {
  if (!(s->name = qualified_name(p, "namespace name")))
    return NULL;
  if (!is(p, "{"))
    return expected(p, "'{'");
  s->body = block(p, &s->end_line);
  return s;
}

/* mparam = [ '!' ] [ '&' | '$' ] IDENT [ mtype ]
 * mtype  = 'ANY' | 'VARIABLE' | 'CODE_BLOCK' [ '[' INT ']' ] | 'VARIABLE_ARG' [ '[' IDENT ']' ] */
static void *macro_param(Parser *p) {
  PyasmParam *pa = new_node(p, sizeof *pa);
  pa->line = p->tok->line;
  pa->col = p->tok->col;
  pa->eager = consume(p, "!");
  if (!consume(p, "&"))
    consume(p, "$");
  if (!(pa->name = ident(p, "macro parameter name")))
    return NULL;
  consume(p, ":");
  if (consume(p, "ANY")) {
    pa->mtype = PA_MT_ANY;
  } else if (consume(p, "VARIABLE")) {
    pa->mtype = PA_MT_VARIABLE;
  } else if (consume(p, "CODE_BLOCK")) {
    pa->mtype = PA_MT_CODE_BLOCK;
    if (is(p, "[")) {
      PyasmTok *open = open_paren(p);
      if (!is_kind(p, PA_TK_INT) || p->tok->big || p->tok->ival < 0 || p->tok->ival > 255)
        return expected(p, "number of code block variables");
      pa->n = (uint32_t)next(p)->ival;
      if (!close_paren(p, "]", open))
        return NULL;
    }
  } else if (consume(p, "VARIABLE_ARG")) {
    pa->mtype = PA_MT_VARIABLE_ARG;
    if (is(p, "[")) {
      PyasmTok *open = open_paren(p);
      if (!(pa->type_name = ident(p, "type name")) || !close_paren(p, "]", open))
        return NULL;
    }
  } else if (is_kind(p, PA_TK_IDENT)) {
    return expected(p, "parameter type (ANY, VARIABLE, CODE_BLOCK, VARIABLE_ARG)");
  }
  return pa;
}

/* macro = 'MACRO' [ 'ASSEMBLY' ] qualified-name '(' [ mparam { ',' mparam } ] ')'
 *         [ '->' 'ANY' ] block */
static PyasmStmt *macro_stmt(Parser *p, PyasmStmt *s) {
  s->assembly = consume(p, "ASSEMBLY");
  if (!(s->name = qualified_name(p, "macro name")))
    return NULL;
  if (!is(p, "("))
    return expected(p, "'(' and the macro parameters");
  Vec v = {0};
  if (!bracket_list(p, ")", macro_param, &v))
    return NULL;
  s->params = ir_arena_alloc(p->cx->arena, sizeof(PyasmParam) * (v.n ? v.n : 1));
  for (uint32_t i = 0; i < v.n; i++) {
    s->params[i] = *(PyasmParam *)v.items[i];
    if (s->params[i].mtype == PA_MT_VARIABLE_ARG && i + 1 < v.n)
      pyasm_error(p->cx, s->params[i].line, s->params[i].col,
                  "a VARIABLE_ARG parameter must be the last one");
    for (uint32_t k = 0; k < i; k++)
      if (!strcmp(s->params[k].name, s->params[i].name))
        pyasm_error(p->cx, s->params[i].line, s->params[i].col,
                    "duplicate macro parameter '%s'", s->params[i].name);
  }
  s->nparams = v.n;
  if (consume(p, "->")) {
    if (!expect(p, "ANY"))
      return NULL;
    s->ret_any = true;
  }
  if (!is(p, "{"))
    return expected(p, "'{'");
  s->body = block(p, &s->end_line);
  return s;
}

/* macro-paste = 'MACRO_PASTE' [ '&' ] IDENT [ '[' expr { ',' expr } ']' ] [ '->' target ] */
static PyasmStmt *macro_paste_stmt(Parser *p, PyasmStmt *s) {
  consume(p, "&");
  if (!(s->name = ident(p, "macro parameter name")))
    return NULL;
  if (is(p, "[")) {
    Vec v = {0};
    if (!bracket_list(p, "]", list_expr, &v))
      return NULL;
    s->list = (PyasmExpr **)v.items;
    s->nlist = v.n;
  }
  return arrow_target(p, &s->target) ? s : NULL;
}

/* macro-import = 'MACRO_IMPORT' IDENT { '.' IDENT } [ '->' qualified-name ] */
static PyasmStmt *macro_import_stmt(Parser *p, PyasmStmt *s) {
  PyasmTok *first = p->tok, *t = p->tok;
  if (!ident(p, "module name"))
    return NULL;
  while (is(p, ".")) {
    next(p);
    t = p->tok;
    if (!ident(p, "module name"))
      return NULL;
  }
  s->name = pyasm_strndup(p->cx, first->loc, (size_t)(t->loc + t->len - first->loc));
  if (consume(p, "->") && !(s->alias = qualified_name(p, "namespace name")))
    return NULL;
  return s;
}

/* macro-use = macro-call [ '->' target ]      -- a MACRO ASSEMBLY used as an instruction */
static PyasmStmt *macro_use_stmt(Parser *p, PyasmStmt *s) {
  if (!(s->e = macro_call(p)))
    return NULL;
  return arrow_target(p, &s->target) ? s : NULL;
}

typedef PyasmStmt *(*StmtFn)(Parser *, PyasmStmt *);

static const struct {
  const char *name;
  PyasmStmtKind kind;
  StmtFn fn;
} instructions[] = {
    {"LOAD", PA_S_LOAD, load_stmt},
    {"STORE", PA_S_STORE, store_stmt},
    {"LOAD_FAST", PA_S_LOAD_FAST, load_named_stmt},
    {"STORE_FAST", PA_S_STORE_FAST, store_named_stmt},
    {"LOAD_GLOBAL", PA_S_LOAD_GLOBAL, load_named_stmt},
    {"STORE_GLOBAL", PA_S_STORE_GLOBAL, store_named_stmt},
    {"LOAD_CONST", PA_S_LOAD_CONST, load_const_stmt},
    {"POP", PA_S_POP, pop_stmt},
    {"RETURN", PA_S_RETURN, opt_expr_stmt},
    {"YIELD", PA_S_YIELD, yield_stmt},
    {"RAISE", PA_S_RAISE, opt_expr_stmt},
    {"RAW", PA_S_RAW, raw_stmt},
    {"CALL", PA_S_CALL, call_stmt},
    {"OP", PA_S_OP, op_stmt},
    {"IF", PA_S_IF, if_stmt},
    {"WHILE", PA_S_WHILE, while_stmt},
    {"FOREACH", PA_S_FOREACH, foreach_stmt},
    {"LABEL", PA_S_LABEL, label_stmt},
    {"JUMP", PA_S_JUMP, jump_stmt},
    {"DEF", PA_S_DEF, def_stmt},
    {"CLASS", PA_S_CLASS, class_stmt},
    {"PYTHON", PA_S_PYTHON, python_stmt},
    {"ASSERT", PA_S_ASSERT, assert_stmt},
    {"ASSERT_STATIC", PA_S_ASSERT_STATIC, assert_stmt},
    {"NAMESPACE", PA_S_NAMESPACE, namespace_stmt},
    {"MACRO", PA_S_MACRO, macro_stmt},
    {"MACRO_PASTE", PA_S_MACRO_PASTE, macro_paste_stmt},
    {"MACRO_RETURN", PA_S_MACRO_RETURN, opt_expr_stmt},
    {"MACRO_IMPORT", PA_S_MACRO_IMPORT, macro_import_stmt},
};

/* stmt = load | store | load-fast | store-fast | load-global | store-global | load-const
 *      | pop | return | yield | raise | raw | call | op | if | while | foreach | label
 *      | jump | def | class | python | assert | namespace | macro | macro-paste
 *      | macro-return | macro-import | macro-use */
static PyasmStmt *stmt(Parser *p) {
  PyasmTok *t = p->tok;
  if (t->kind != PA_TK_IDENT) {
    if (tok_is(t, "}"))
      return error_at(p, t, "unexpected '}'");
    return error_at(p, t, "instruction expected, found %s", describe(p, t));
  }
  for (size_t i = 0; i < sizeof instructions / sizeof *instructions; i++) {
    if (strcmp(t->str, instructions[i].name))
      continue;
    next(p);
    PyasmStmt *s = new_stmt(p, instructions[i].kind, t);
    return instructions[i].fn(p, s);
  }
  PyasmTok *n = peek(p, 1);
  if (!n->space_before && (tok_is(n, "(") || tok_is(n, ":")))
    return macro_use_stmt(p, new_stmt(p, PA_S_MACRO_USE, t));
  if (tok_is(t, "ELSE"))
    return error_at(p, t, "ELSE without IF");
  return error_at(p, t, "unknown instruction '%s'", t->str);
}

/* Skips to the end of the current statement: the next separator, or a '}' that closes
 * the enclosing block; whole `{ ... }` groups on the way are skipped. */
static void sync(Parser *p) {
  int depth = 0;
  while (!is_kind(p, PA_TK_EOF)) {
    if (depth == 0 && (is_kind(p, PA_TK_NEWLINE) || is(p, ";") || is(p, "}")))
      return;
    if (is(p, "{"))
      depth++;
    else if (is(p, "}"))
      depth--;
    next(p);
  }
}

/* stmt-list = { sep } { stmt sep { sep } } */
static PyasmStmt *stmt_list(Parser *p, bool top) {
  PyasmStmt head = {0}, *tail = &head;
  for (;;) {
    while (is_kind(p, PA_TK_NEWLINE) || is(p, ";"))
      next(p);
    if (is_kind(p, PA_TK_EOF))
      break;
    if (is(p, "}")) {
      if (!top)
        break;
      error_at(p, p->tok, "unexpected '}' (no block to close)");
      next(p);
      continue;
    }
    PyasmStmt *s = stmt(p);
    if (!s) {
      p->paren = 0;
      sync(p);
      continue;
    }
    tail->next = s;
    tail = s;
    if (!at_stmt_end(p)) {
      pyasm_error(p->cx, p->tok->line, p->tok->col, "end of statement expected, found %s",
                  describe(p, p->tok));
      p->paren = 0;
      sync(p);
    }
  }
  return head.next;
}

/* program = stmt-list EOF */
PyasmStmt *pyasm_parse(PyasmCtx *cx, PyasmTok *toks, uint32_t ntoks) {
  Parser p = {.cx = cx, .tok = toks, .last = &toks[ntoks - 1]};
  return stmt_list(&p, true);
}
