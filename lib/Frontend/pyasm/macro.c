/* macro.c - the macro table: collection (MACRO, NAMESPACE, MACRO_IMPORT), lookup from a
 * namespace outwards, and overload resolution by argument count and parameter types.
 *
 * Lookup of `name` used in namespace `a:b`: the candidates named `a:b:name`, then
 * `a:name`, then `name` (a qualified `x:name` is looked up the same way, as `a:b:x:name`,
 * ...). Among the candidates the best match wins: every argument must fit its parameter
 * (a `{ }` block only a CODE_BLOCK, a VARIABLE only something that can be stored to),
 * a typed parameter scores over an untyped one, and on a tie the first defined wins.
 * Expansion itself (binding, private locals, recursion) is in lower.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyasm_ast.h"
#include "pyllc/support.h"

static const char *join_ns(PyasmCtx *cx, const char *ns, const char *name) {
  if (!ns || !*ns)
    return name;
  size_t a = strlen(ns), b = strlen(name);
  char *s = ir_arena_alloc(cx->arena, a + b + 2);
  memcpy(s, ns, a);
  s[a] = ':';
  memcpy(s + a + 1, name, b + 1);
  return s;
}

static void add_macro(PyasmCtx *cx, PyasmMacros *tab, const char *ns, PyasmStmt *s) {
  PyasmMacro *m = ir_arena_alloc(cx->arena, sizeof *m);
  m->full = join_ns(cx, ns, s->name);
  const char *colon = strrchr(m->full, ':');
  m->name = colon ? colon + 1 : m->full;
  m->ns = colon ? pyasm_strndup(cx, m->full, (size_t)(colon - m->full)) : "";
  m->def = s;
  m->file = cx->filename;
  if (tab->n == tab->cap) {
    uint32_t cap = tab->cap ? tab->cap * 2 : 16;
    PyasmMacro **items = ir_arena_alloc(cx->arena, sizeof *items * cap);
    if (tab->n)
      memcpy(items, tab->items, sizeof *items * tab->n);
    tab->items = items;
    tab->cap = cap;
  }
  tab->items[tab->n++] = m;
}

static void collect(PyasmCtx *cx, PyasmStmt *list, const char *ns, PyasmMacros *tab,
                    int depth);

/* `dir` + `rel` (dir "" or ending in '/': as is; else a '/' between), in the arena. */
static char *join_path(PyasmCtx *cx, const char *dir, size_t dlen, const char *rel) {
  bool slash = dlen && dir[dlen - 1] != '/';
  size_t rlen = strlen(rel);
  char *path = ir_arena_alloc(cx->arena, dlen + slash + rlen + 1);
  memcpy(path, dir, dlen);
  if (slash)
    path[dlen] = '/';
  memcpy(path + dlen + slash, rel, rlen + 1);
  return path;
}

/* The file of MACRO_IMPORT `mod` (a.b -> a/b.pyasm): next to the importing file, else in
 * the first import directory that has it. Its text (malloc'd) in *text, NULL if none;
 * *tried gets the first path looked at, for the message. */
static const char *find_import(PyasmCtx *cx, const char *mod, char **text, size_t *len,
                               const char **tried) {
  size_t mlen = strlen(mod);
  char *rel = ir_arena_alloc(cx->arena, mlen + 7);
  for (size_t i = 0; i < mlen; i++)
    rel[i] = mod[i] == '.' ? '/' : mod[i];
  memcpy(rel + mlen, ".pyasm", 7);
  const char *dir_end = strrchr(cx->filename, '/');
  size_t dlen = dir_end ? (size_t)(dir_end - cx->filename + 1) : 0;
  const char *path = join_path(cx, cx->filename, dlen, rel);
  *tried = path;
  *text = pyllc_read_file(path, len);
  size_t ndirs = cx->opts ? cx->opts->nimport_dirs : 0;
  for (size_t i = 0; !*text && i < ndirs; i++) {
    const char *dir = cx->opts->import_dirs[i];
    path = join_path(cx, dir, strlen(dir), rel);
    *text = pyllc_read_file(path, len);
  }
  return path;
}

/* MACRO_IMPORT mod [-> ns]: reads mod.pyasm (dots are directories) next to the importing
 * file, or else from the import path, and adds its macros under `ns` (default: the
 * module name). Each file once. */
static void import_macros(PyasmCtx *cx, PyasmStmt *s, const char *ns, PyasmMacros *tab) {
  size_t mlen = strlen(s->name);
  if (tab->import_depth >= 16) {
    pyasm_error(cx, s->line, s->col, "MACRO_IMPORT nested too deeply");
    return;
  }
  size_t len;
  char *text;
  const char *tried;
  const char *path = find_import(cx, s->name, &text, &len, &tried);
  if (!text) {
    pyasm_error(cx, s->line, s->col, "cannot import macros from '%s': %s not found%s",
                s->name, tried,
                cx->opts && cx->opts->nimport_dirs ? " (nor in the import path)" : "");
    return;
  }
  for (uint32_t i = 0; i < tab->nimported; i++)
    if (!strcmp(tab->imported[i], path)) {
      free(text);
      return;
    }
  if (tab->nimported == tab->capimported) {
    uint32_t cap = tab->capimported ? tab->capimported * 2 : 8;
    const char **items = ir_arena_alloc(cx->arena, sizeof *items * cap);
    if (tab->nimported)
      memcpy(items, tab->imported, sizeof *items * tab->nimported);
    tab->imported = items;
    tab->capimported = cap;
  }
  tab->imported[tab->nimported++] = path;
  PyasmCtx sub = *cx;
  sub.filename = path;
  sub.text = pyasm_strndup(cx, text, len);
  sub.len = len;
  sub.nerrors = 0;
  sub.defer = true;
  sub.deferred = NULL;
  sub.ndeferred = sub.capdeferred = 0;
  free(text);
  pyllc_diag_add_source(cx->diag, path, sub.text, sub.len);
  uint32_t ntoks;
  PyasmTok *toks = pyasm_tokenize(&sub, &ntoks);
  PyasmStmt *prog = pyasm_parse(&sub, toks, ntoks);
  pyasm_flush(&sub);
  const char *alias = s->alias;
  if (!alias) {
    char *a = pyasm_strndup(cx, s->name, mlen);
    for (char *c = a; *c; c++)
      if (*c == '.')
        *c = ':';
    alias = a;
  }
  tab->import_depth++;
  collect(&sub, prog, join_ns(cx, ns, alias), tab, 0);
  tab->import_depth--;
  cx->nerrors += sub.nerrors;
}

static void collect(PyasmCtx *cx, PyasmStmt *list, const char *ns, PyasmMacros *tab,
                    int depth) {
  if (depth > PYASM_MAX_NESTING)
    return;
  for (PyasmStmt *s = list; s; s = s->next) {
    switch (s->kind) {
    case PA_S_MACRO:
      add_macro(cx, tab, ns, s);
      break;
    case PA_S_NAMESPACE:
      collect(cx, s->body, join_ns(cx, ns, s->name), tab, depth + 1);
      break;
    case PA_S_MACRO_IMPORT:
      import_macros(cx, s, ns, tab);
      break;
    case PA_S_IF:
      collect(cx, s->body, ns, tab, depth + 1);
      collect(cx, s->orelse, ns, tab, depth + 1);
      break;
    case PA_S_WHILE: case PA_S_FOREACH: case PA_S_DEF: case PA_S_CLASS:
      collect(cx, s->body, ns, tab, depth + 1);
      break;
    default:
      break;
    }
  }
}

void pyasm_collect_macros(PyasmCtx *cx, PyasmStmt *prog, PyasmMacros *tab) {
  collect(cx, prog, "", tab, 0);
}

/* ---- lookup ------------------------------------------------------------------------- */

static bool is_storable(const PyasmExpr *e) {
  switch (e->kind) {
  case PA_E_LOCAL: case PA_E_CALLER: case PA_E_GLOBAL: case PA_E_CELL: case PA_E_PARAM:
  case PA_E_ATTR: case PA_E_ATTR_DYN: case PA_E_SUBSCR: case PA_E_DISCARD: case PA_E_TOS:
    return true;
  default:
    return false;
  }
}

/* Score of `m` for these arguments, -1 when they do not fit. */
static int match_score(const PyasmMacro *m, const PyasmArg *args, uint32_t nargs) {
  const PyasmStmt *d = m->def;
  uint32_t np = d->nparams;
  bool varargs = np && d->params[np - 1].mtype == PA_MT_VARIABLE_ARG;
  if (varargs ? nargs < np - 1 : nargs != np)
    return -1;
  int score = 0;
  for (uint32_t i = 0; i < nargs; i++) {
    const PyasmParam *pa = &d->params[i < np ? i : np - 1];
    const PyasmArg *a = &args[i];
    bool block = a->value->kind == PA_E_BLOCK;
    if (a->kind != PA_ARG_POS)
      return -1;
    switch (pa->mtype) {
    case PA_MT_CODE_BLOCK:
      if (!block || a->value->nbnames != pa->n)
        return -1;
      score += 2;
      break;
    case PA_MT_VARIABLE:
      if (block || !is_storable(a->value))
        return -1;
      score += 2;
      break;
    case PA_MT_ANY:
    case PA_MT_VARIABLE_ARG:
      if (block)
        return -1;
      score += 1;
      break;
    default:
      if (block)
        return -1;
      score += 1;
      break;
    }
  }
  return score;
}

const char *pyasm_macro_signature(PyasmCtx *cx, const PyasmMacro *m) {
  size_t cap = strlen(m->full) + 16;
  const PyasmStmt *d = m->def;
  for (uint32_t i = 0; i < d->nparams; i++)
    cap += strlen(d->params[i].name) + 40 +
           (d->params[i].type_name ? strlen(d->params[i].type_name) : 0);
  char *s = ir_arena_alloc(cx->arena, cap);
  size_t n = (size_t)snprintf(s, cap, "%s(", m->full);
  for (uint32_t i = 0; i < d->nparams; i++) {
    const PyasmParam *pa = &d->params[i];
    n += (size_t)snprintf(s + n, cap - n, "%s%s%s", i ? ", " : "", pa->eager ? "!" : "",
                          pa->name);
    switch (pa->mtype) {
    case PA_MT_ANY: n += (size_t)snprintf(s + n, cap - n, " ANY"); break;
    case PA_MT_VARIABLE: n += (size_t)snprintf(s + n, cap - n, " VARIABLE"); break;
    case PA_MT_CODE_BLOCK:
      n += (size_t)snprintf(s + n, cap - n, pa->n ? " CODE_BLOCK[%u]" : " CODE_BLOCK", pa->n);
      break;
    case PA_MT_VARIABLE_ARG:
      n += (size_t)snprintf(s + n, cap - n, " VARIABLE_ARG%s%s%s", pa->type_name ? "[" : "",
                            pa->type_name ? pa->type_name : "", pa->type_name ? "]" : "");
      break;
    default: break;
    }
  }
  snprintf(s + n, cap - n, ")");
  return s;
}

PyasmMacro *pyasm_find_macro(PyasmCtx *cx, const PyasmMacros *tab, const char *ns,
                             const char *name, const PyasmArg *args, uint32_t nargs,
                             int line, int col, bool report) {
  size_t nslen = ns ? strlen(ns) : 0;
  bool any_named = false, count_ok = false;
  for (;;) {
    char *full = ir_arena_alloc(cx->arena, nslen + strlen(name) + 2);
    if (nslen) {
      memcpy(full, ns, nslen);
      full[nslen] = ':';
      strcpy(full + nslen + 1, name);
    } else {
      strcpy(full, name);
    }
    PyasmMacro *best = NULL;
    int best_score = -1;
    for (uint32_t i = 0; i < tab->n; i++) {
      PyasmMacro *m = tab->items[i];
      if (strcmp(m->full, full))
        continue;
      any_named = true;
      uint32_t np = m->def->nparams;
      if (np && m->def->params[np - 1].mtype == PA_MT_VARIABLE_ARG ? nargs >= np - 1
                                                                   : nargs == np)
        count_ok = true;
      int sc = match_score(m, args, nargs);
      if (sc > best_score) {
        best = m;
        best_score = sc;
      }
    }
    if (best)
      return best;
    if (!nslen)
      break;
    /* the enclosing namespace */
    while (nslen && ns[nslen - 1] != ':')
      nslen--;
    if (nslen)
      nslen--;
  }
  if (!report)
    return NULL;
  if (!any_named) {
    pyasm_error(cx, line, col, "unknown macro '%s'", name);
    return NULL;
  }
  if (count_ok)
    pyasm_error(cx, line, col, "no overload of macro '%s' accepts these arguments (a code "
                               "block only fits CODE_BLOCK, a VARIABLE needs a variable)",
                name);
  else
    pyasm_error(cx, line, col, "no overload of macro '%s' takes %u argument%s", name, nargs,
                nargs == 1 ? "" : "s");

  const char *file = cx->filename;
  for (uint32_t i = 0; i < tab->n; i++) {
    PyasmMacro *m = tab->items[i];
    const char *last = strrchr(m->full, ':');
    last = last ? last + 1 : m->full;
    const char *want = strrchr(name, ':');
    want = want ? want + 1 : name;
    if (strcmp(last, want))
      continue;
    cx->filename = m->file;
    pyasm_note(cx, m->def->line, m->def->col, "candidate: %s", pyasm_macro_signature(cx, m));
    cx->filename = file;
  }
  return NULL;
}
