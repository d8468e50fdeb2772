#ifndef OFFICINA_CHEAP_SHIM_H
#define OFFICINA_CHEAP_SHIM_H
// glibc's malloc settings, which Glibc's Swift overlay does not expose (<malloc.h>).
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>

/// Caps the malloc arenas threads may create (mallopt M_ARENA_MAX); 1 on success, 0 on failure.
static inline int officina_limit_malloc_arenas(int arenas) {
    return mallopt(M_ARENA_MAX, arenas);
}
#endif
#endif
