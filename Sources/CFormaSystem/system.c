/* _GNU_SOURCE must come before any system header: it declares pthread_getattr_np. */
#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include "CFormaSystem.h"

#include <pthread.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int forma_limit_malloc_arenas(int count) {
#if defined(__GLIBC__) && defined(M_ARENA_MAX)
    /* mallopt returns 1 on success, 0 on error. */
    return mallopt(M_ARENA_MAX, count) == 1 ? 0 : 1;
#else
    (void)count;
    return -1;
#endif
}

int forma_thread_stack_bounds(uintptr_t *low, uintptr_t *high) {
#if defined(__APPLE__)
    pthread_t self = pthread_self();
    uintptr_t top = (uintptr_t)pthread_get_stackaddr_np(self);
    *high = top;
    *low = top - (uintptr_t)pthread_get_stacksize_np(self);
    return 0;
#elif defined(__linux__)
    pthread_attr_t attributes;
    int status = pthread_getattr_np(pthread_self(), &attributes);
    if (status != 0) return status;
    void *address = 0;
    size_t size = 0;
    status = pthread_attr_getstack(&attributes, &address, &size);
    pthread_attr_destroy(&attributes);
    if (status != 0) return status;
    *low = (uintptr_t)address;
    *high = (uintptr_t)address + size;
    return 0;
#else
    (void)low;
    (void)high;
    return -1;
#endif
}
