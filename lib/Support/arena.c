/* arena.c - bump allocator (arena.h). Chunks grow geometrically; a request larger than
 * a chunk gets a chunk of its own. Freed all at once by ir_arena_free. */
#include "pyllc/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pyllc/support.h"

enum { ARENA_ALIGN = 16, ARENA_FIRST_CHUNK = 4096, ARENA_MAX_CHUNK = 1 << 20 };

typedef struct Chunk {
  struct Chunk *next;
  size_t size, used; /* bytes of data[] */
  _Alignas(16) unsigned char data[];
} Chunk;

struct IrArena {
  Chunk *head;       /* chunk being filled; older ones follow */
  size_t next_size;  /* size of the next chunk */
  size_t reserved;   /* total data bytes of all chunks */
};

IrArena *ir_arena_new(void) {
  IrArena *a = calloc(1, sizeof *a);
  if (!a) PYLLC_DIE("out of memory");
  a->next_size = ARENA_FIRST_CHUNK;
  return a;
}

void ir_arena_free(IrArena *a) {
  if (!a) return;
  for (Chunk *c = a->head, *next; c; c = next) {
    next = c->next;
    free(c);
  }
  free(a);
}

static Chunk *new_chunk(IrArena *a, size_t need) {
  size_t size = a->next_size;
  if (size < need) size = need;
  if (a->next_size < ARENA_MAX_CHUNK) a->next_size *= 2;
  Chunk *c = malloc(sizeof *c + size);
  if (!c) PYLLC_DIE("out of memory (arena chunk of %zu bytes)", size);
  c->size = size;
  c->used = 0;
  a->reserved += size;
  return c;
}

void *ir_arena_alloc(IrArena *a, size_t n) {
  if (n == 0) n = 1;
  if (n > SIZE_MAX - ARENA_ALIGN) PYLLC_DIE("arena request too large");
  n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  Chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    Chunk *fresh = new_chunk(a, n);
    if (c && n > c->size / 2) {
      /* A big request: keep filling the current chunk afterwards. */
      fresh->next = c->next;
      c->next = fresh;
      fresh->used = n;
      memset(fresh->data, 0, n);
      return fresh->data;
    }
    fresh->next = c;
    a->head = c = fresh;
  }
  void *p = c->data + c->used;
  c->used += n;
  memset(p, 0, n);
  return p;
}

size_t ir_arena_bytes(const IrArena *a) { return a ? a->reserved : 0; }
