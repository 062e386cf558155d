#ifndef FORMA_CFORMASYSTEM_H
#define FORMA_CFORMASYSTEM_H

#include <stdint.h>

/* Platform calls that Swift's Glibc module does not expose (they need _GNU_SOURCE or
   <malloc.h>), wrapped with plain C signatures. Each returns 0 on success, -1 when the
   call is not available on this platform, or the call's own error code. */

/* Caps glibc malloc's arenas at `count` (mallopt(M_ARENA_MAX, count)). */
int forma_limit_malloc_arenas(int count);

/* The current thread's stack bounds: *low is the lowest address, *high one past the top. */
int forma_thread_stack_bounds(uintptr_t *low, uintptr_t *high);

#endif
