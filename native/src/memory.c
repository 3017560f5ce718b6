/* Allocation for the engines: aligned, huge-page friendly, untouched until first use (see the header). */
#define _GNU_SOURCE
#include "aibench_native.h"

#include <stdlib.h>
#include <sys/mman.h>

#define AIB_HUGE_PAGE ((size_t)2 << 20)
#define AIB_CACHE_LINE ((size_t)64)

void *aib_alloc(size_t bytes)
{
    if (bytes == 0) {
        return NULL;
    }

    /* Arrays of a huge page or more start on a huge-page boundary so the kernel can back them with THP. */
    size_t align = bytes >= AIB_HUGE_PAGE ? AIB_HUGE_PAGE : AIB_CACHE_LINE;
    size_t rounded = (bytes + align - 1) / align * align;
    void *memory = NULL;
    if (posix_memalign(&memory, align, rounded) != 0) {
        return NULL;
    }

    if (align == AIB_HUGE_PAGE) {
        /* Only a hint: with THP "never" or an old kernel this fails and we simply get 4 KiB pages. */
        (void)madvise(memory, rounded, MADV_HUGEPAGE);
    }

    return memory;
}

void aib_free(void *memory)
{
    free(memory);
}
