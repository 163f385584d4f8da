/* arena.h - bump allocator: all compiler memory of one function, freed in one call.
 * Not thread-safe; one arena belongs to one compilation. */
#ifndef PYLLC_ARENA_H
#define PYLLC_ARENA_H

#include <stddef.h>

typedef struct IrArena IrArena;

IrArena *ir_arena_new(void);
void ir_arena_free(IrArena *a);            /* frees every block of the arena */
void *ir_arena_alloc(IrArena *a, size_t n); /* 16-byte aligned, zeroed; aborts on OOM */
size_t ir_arena_bytes(const IrArena *a);    /* bytes reserved, for stats */

#define IR_NEW_ARRAY(arena, T, n) ((T *)ir_arena_alloc((arena), sizeof(T) * (size_t)(n)))

#endif
