/* fold.c - compile-time evaluation of OP on static operands (and ASSERT_STATIC).
 *
 * Rule 1 of the product applies: a fold must give exactly what Python would. Anything
 * doubtful is not folded and stays a run-time operation: big integers, overflow,
 * division by zero, float floor division and modulo, `is` on non-singletons, str/bytes
 * operations other than concatenation, repetition and comparison.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pyasm_ast.h"

bool pyasm_literal_val(const PyasmExpr *e, PyasmVal *out) {
  memset(out, 0, sizeof *out);
  switch (e->kind) {
  case PA_E_NONE: out->kind = PA_V_NONE_; return true;
  case PA_E_TRUE: out->kind = PA_V_TRUE; return true;
  case PA_E_FALSE: out->kind = PA_V_FALSE; return true;
  case PA_E_INT:
    if (e->big) {
      out->kind = PA_V_BIGINT;
      out->s = e->str;
      out->slen = e->slen;
    } else {
      out->kind = PA_V_INT;
      out->i = e->ival;
    }
    return true;
  case PA_E_FLOAT: out->kind = PA_V_FLOAT; out->f = e->fval; return true;
  case PA_E_STR:
  case PA_E_BYTES:
    out->kind = e->kind == PA_E_STR ? PA_V_STR : PA_V_BYTES;
    out->s = e->str;
    out->slen = e->slen;
    return true;
  default: return false;
  }
}

bool pyasm_val_truth(const PyasmVal *v) {
  switch (v->kind) {
  case PA_V_NONE_: case PA_V_FALSE: return false;
  case PA_V_TRUE: return true;
  case PA_V_INT: return v->i != 0;
  case PA_V_BIGINT: return true; /* a big literal is never 0 */
  case PA_V_FLOAT: return v->f != 0.0;
  default: return v->slen != 0;
  }
}

const char *pyasm_val_repr(IrArena *arena, const PyasmVal *v) {
  size_t cap = (v->kind == PA_V_STR || v->kind == PA_V_BYTES || v->kind == PA_V_BIGINT)
                   ? v->slen * 4 + 8 : 64;
  char *s = ir_arena_alloc(arena, cap);
  switch (v->kind) {
  case PA_V_NONE_: return "None";
  case PA_V_TRUE: return "True";
  case PA_V_FALSE: return "False";
  case PA_V_INT: snprintf(s, cap, "%lld", (long long)v->i); return s;
  case PA_V_BIGINT: snprintf(s, cap, "%s", v->s); return s;
  case PA_V_FLOAT: snprintf(s, cap, "%.17g", v->f); return s;
  default: {
    size_t n = 0;
    if (v->kind == PA_V_BYTES)
      s[n++] = 'b';
    s[n++] = '\'';
    for (uint32_t i = 0; i < v->slen; i++) {
      unsigned char c = (unsigned char)v->s[i];
      if (c == '\'' || c == '\\') {
        s[n++] = '\\';
        s[n++] = (char)c;
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && v->kind == PA_V_BYTES)) {
        n += (size_t)snprintf(s + n, cap - n, "\\x%02x", c);
      } else {
        s[n++] = (char)c;
      }
    }
    s[n++] = '\'';
    s[n] = 0;
    return s;
  }
  }
}

static bool is_intlike(const PyasmVal *v) {
  return v->kind == PA_V_INT || v->kind == PA_V_TRUE || v->kind == PA_V_FALSE;
}

static int64_t int_of(const PyasmVal *v) {
  return v->kind == PA_V_INT ? v->i : v->kind == PA_V_TRUE;
}

/* An int converted exactly to double (|i| <= 2^53), as Python's int/float mixing. */
static bool as_double(const PyasmVal *v, double *d) {
  if (v->kind == PA_V_FLOAT) {
    *d = v->f;
    return true;
  }
  if (!is_intlike(v))
    return false;
  int64_t i = int_of(v);
  if (i > (INT64_C(1) << 53) || i < -(INT64_C(1) << 53))
    return false;
  *d = (double)i;
  return true;
}

static void set_bool(PyasmVal *out, bool b) {
  memset(out, 0, sizeof *out);
  out->kind = b ? PA_V_TRUE : PA_V_FALSE;
}

static void set_int(PyasmVal *out, int64_t i) {
  memset(out, 0, sizeof *out);
  out->kind = PA_V_INT;
  out->i = i;
}

static void set_float(PyasmVal *out, double f) {
  memset(out, 0, sizeof *out);
  out->kind = PA_V_FLOAT;
  out->f = f;
}

/* Python's floor division and modulo on int64; false on division by zero or overflow. */
static bool int_floordiv(int64_t a, int64_t b, int64_t *q, int64_t *r) {
  if (b == 0 || (a == INT64_MIN && b == -1))
    return false;
  int64_t qq = a / b, rr = a % b;
  if (rr != 0 && ((rr < 0) != (b < 0))) {
    qq -= 1;
    rr += b;
  }
  *q = qq;
  *r = rr;
  return true;
}

/* A comparison operator applied to an ordering: lt, eq, gt all false is "unordered" (a
 * NaN), where only != holds, as in Python. False when op is not a comparison. */
static bool fold_compare(int op, bool lt, bool eq, bool gt, PyasmVal *out) {
  switch (op) {
  case PA_OP_LT: set_bool(out, lt); return true;
  case PA_OP_LE: set_bool(out, lt || eq); return true;
  case PA_OP_EQ: set_bool(out, eq); return true;
  case PA_OP_NE: set_bool(out, !eq); return true;
  case PA_OP_GT: set_bool(out, gt); return true;
  case PA_OP_GE: set_bool(out, gt || eq); return true;
  default: return false;
  }
}

static bool fold_int(int op, int64_t a, int64_t b, PyasmVal *out) {
  int64_t r, q;
  switch (op) {
  case PA_OP_ADD: if (__builtin_add_overflow(a, b, &r)) return false; break;
  case PA_OP_SUB: if (__builtin_sub_overflow(a, b, &r)) return false; break;
  case PA_OP_MUL: if (__builtin_mul_overflow(a, b, &r)) return false; break;
  case PA_OP_FLOORDIV: if (!int_floordiv(a, b, &r, &q)) return false; break;
  case PA_OP_MOD: if (!int_floordiv(a, b, &q, &r)) return false; break;
  case PA_OP_AND: r = a & b; break;
  case PA_OP_OR: r = a | b; break;
  case PA_OP_XOR: r = a ^ b; break;
  case PA_OP_LSHIFT:
    if (b < 0 || b >= 63 || (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b))))
      return false;
    r = (int64_t)((uint64_t)a << b);
    break;
  case PA_OP_RSHIFT:
    if (b < 0)
      return false;
    r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b; /* arithmetic shift, as Python */
    break;
  case PA_OP_POW: {
    if (b < 0 || b > 256)
      return false;
    int64_t acc = 1;
    for (int64_t k = 0; k < b; k++)
      if (__builtin_mul_overflow(acc, a, &acc))
        return false;
    r = acc;
    break;
  }
  case PA_OP_TRUEDIV: {
    double x, y;
    PyasmVal va = {.kind = PA_V_INT, .i = a}, vb = {.kind = PA_V_INT, .i = b};
    if (b == 0 || !as_double(&va, &x) || !as_double(&vb, &y))
      return false;
    set_float(out, x / y);
    return true;
  }
  default: return fold_compare(op, a < b, a == b, a > b, out);
  }
  set_int(out, r);
  return true;
}

static bool fold_float(int op, double a, double b, PyasmVal *out) {
  switch (op) {
  case PA_OP_ADD: set_float(out, a + b); return true;
  case PA_OP_SUB: set_float(out, a - b); return true;
  case PA_OP_MUL: set_float(out, a * b); return true;
  case PA_OP_TRUEDIV:
    if (b == 0.0)
      return false;
    set_float(out, a / b);
    return true;
  default: return fold_compare(op, a < b, a == b, a > b, out);
  }
}

static int cmp_bytes(const PyasmVal *a, const PyasmVal *b) {
  uint32_t n = a->slen < b->slen ? a->slen : b->slen;
  int c = memcmp(a->s, b->s, n);
  if (c)
    return c;
  return a->slen < b->slen ? -1 : a->slen > b->slen;
}

static bool fold_seq(IrArena *arena, int op, const PyasmVal *a, const PyasmVal *b,
                     PyasmVal *out) {
  int c;
  switch (op) {
  case PA_OP_ADD: {
    if ((size_t)a->slen + b->slen > (1u << 20))
      return false;
    char *s = ir_arena_alloc(arena, (size_t)a->slen + b->slen + 1);
    memcpy(s, a->s, a->slen);
    memcpy(s + a->slen, b->s, b->slen);
    memset(out, 0, sizeof *out);
    out->kind = a->kind;
    out->s = s;
    out->slen = a->slen + b->slen;
    return true;
  }
  case PA_OP_IN:
  case PA_OP_NOTIN: {
    bool found = a->slen == 0;
    for (uint32_t i = 0; !found && a->slen <= b->slen && i <= b->slen - a->slen; i++)
      found = !memcmp(b->s + i, a->s, a->slen);
    set_bool(out, op == PA_OP_IN ? found : !found);
    return true;
  }
  default:
    c = cmp_bytes(a, b);
    return fold_compare(op, c < 0, c == 0, c > 0, out);
  }
}

static bool is_singleton(const PyasmVal *v) {
  return v->kind == PA_V_NONE_ || v->kind == PA_V_TRUE || v->kind == PA_V_FALSE;
}

bool pyasm_fold_binary(IrArena *arena, int op, const PyasmVal *a, const PyasmVal *b,
                       PyasmVal *out) {
  bool ta = pyasm_val_truth(a), tb = pyasm_val_truth(b);
  switch (op) {
  case PA_OP_LAND: case PA_OP_ANDEVAL: set_bool(out, ta && tb); return true;
  case PA_OP_LOR: case PA_OP_OREVAL: set_bool(out, ta || tb); return true;
  case PA_OP_NAND: set_bool(out, !(ta && tb)); return true;
  case PA_OP_NOR: set_bool(out, !(ta || tb)); return true;
  case PA_OP_LXOR: set_bool(out, ta != tb); return true;
  case PA_OP_LXNOR: set_bool(out, ta == tb); return true;
  case PA_OP_IS:
  case PA_OP_ISNOT:
    if (!is_singleton(a) && !is_singleton(b))
      return false;
    set_bool(out, (a->kind == b->kind) == (op == PA_OP_IS));
    return true;
  default: break;
  }
  if (a->kind == PA_V_BIGINT || b->kind == PA_V_BIGINT)
    return false;
  if (is_intlike(a) && is_intlike(b)) {
    /* bool & bool, bool | bool, bool ^ bool stay bool in Python */
    if (!(a->kind == PA_V_INT || b->kind == PA_V_INT) &&
        (op == PA_OP_AND || op == PA_OP_OR || op == PA_OP_XOR)) {
      int64_t r = op == PA_OP_AND ? (int_of(a) & int_of(b))
                  : op == PA_OP_OR ? (int_of(a) | int_of(b)) : (int_of(a) ^ int_of(b));
      set_bool(out, r != 0);
      return true;
    }
    return fold_int(op, int_of(a), int_of(b), out);
  }
  double x, y;
  if (as_double(a, &x) && as_double(b, &y) &&
      (a->kind == PA_V_FLOAT || b->kind == PA_V_FLOAT))
    return fold_float(op, x, y, out);
  if ((a->kind == PA_V_STR || a->kind == PA_V_BYTES) && a->kind == b->kind)
    return fold_seq(arena, op, a, b, out);
  if (op == PA_OP_EQ || op == PA_OP_NE) {
    bool eq;
    if (a->kind == PA_V_NONE_ || b->kind == PA_V_NONE_)
      eq = a->kind == b->kind;
    else if ((a->kind == PA_V_STR || a->kind == PA_V_BYTES) !=
             (b->kind == PA_V_STR || b->kind == PA_V_BYTES))
      eq = false; /* a number and a string */
    else
      return false;
    set_bool(out, op == PA_OP_EQ ? eq : !eq);
    return true;
  }
  return false;
}

bool pyasm_fold_unary(int op, const PyasmVal *a, PyasmVal *out) {
  switch (op) {
  case PA_OP_NOT:
  case PA_OP_BANG: set_bool(out, !pyasm_val_truth(a)); return true;
  case PA_OP_NEG:
    if (is_intlike(a)) {
      if (int_of(a) == INT64_MIN)
        return false;
      set_int(out, -int_of(a));
      return true;
    }
    if (a->kind == PA_V_FLOAT) {
      set_float(out, -a->f);
      return true;
    }
    return false;
  case PA_OP_POS:
    if (is_intlike(a)) {
      set_int(out, int_of(a));
      return true;
    }
    if (a->kind == PA_V_FLOAT) {
      set_float(out, a->f);
      return true;
    }
    return false;
  case PA_OP_INVERT:
    if (is_intlike(a)) {
      set_int(out, ~int_of(a));
      return true;
    }
    return false;
  default: return false;
  }
}
