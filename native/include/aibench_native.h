/*
 * aibench_native: the C engines AiBench calls through P/Invoke.
 *
 * Functions that can fail return 0 (AIB_OK) or a negative AIB_E* code; none prints or aborts, so the managed
 * side turns a failure into one clear message. Timing happens here, with CLOCK_MONOTONIC around
 * the work, so the managed harness adds nothing to a measured interval.
 */
#ifndef AIBENCH_NATIVE_H
#define AIBENCH_NATIVE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AIB_API __attribute__((visibility("default")))

enum aib_status {
    AIB_OK = 0,
    AIB_E_INVALID = -1, /* a null pointer, zero length or unknown kernel */
    AIB_E_CLOCK = -2,   /* clock_gettime failed */
};

/* The four STREAM kernels, in STREAM's order. */
enum aib_stream_kernel {
    AIB_STREAM_COPY = 0,  /* c = a          2 accesses per element */
    AIB_STREAM_SCALE = 1, /* b = s * c      2 */
    AIB_STREAM_ADD = 2,   /* c = a + b      3 */
    AIB_STREAM_TRIAD = 3, /* a = b + s * c  3 */
};

/* Version of this C API; the managed side refuses a library whose version it does not know. */
AIB_API int aib_version(void);

/* Threads an OpenMP parallel region would use by default (OMP_NUM_THREADS or the logical cores). */
AIB_API int aib_max_threads(void);

/*
 * Allocates bytes aligned to 2 MiB (64 bytes for small sizes) and asks for transparent huge pages, so a
 * large array costs few TLB entries. The memory is NOT touched: the first write decides which NUMA node
 * each page lands on, and aib_stream_init does that write from the thread that will use the page.
 * Returns NULL when out of memory. Free with aib_free.
 */
AIB_API void *aib_alloc(size_t bytes);

AIB_API void aib_free(void *memory);

/*
 * Writes the initial values (a = 1, b = 2, c = 0.5: never zero, so no kernel can be skipped by a clever
 * CPU or compiler) with the same threads and the same static partition the kernels use.
 * threads <= 0 means aib_max_threads().
 */
AIB_API int aib_stream_init(double *a, double *b, double *c, size_t n, int threads);

/*
 * Runs one kernel `repetitions` times over n elements and stores the elapsed wall time of all of them
 * in *seconds_out.
 */
AIB_API int aib_stream_run(int kernel, double *a, double *b, double *c, size_t n, double scalar,
                           int repetitions, int threads, double *seconds_out);

/*
 * Checks every element after aib_stream_init and any number (>= 1) of runs of ONE kernel. Each kernel
 * writes one array from others it does not write, so the expected values do not depend on the number
 * of repetitions (STREAM's checkSTREAMresults replays its kernel sequence for the same purpose).
 * Stores the number of elements checked (3 n) and how many differ from the expected value by more than
 * a relative 1e-13 (exact arithmetic is expected: the inputs are small binary fractions).
 */
AIB_API int aib_stream_validate(int kernel, const double *a, const double *b, const double *c, size_t n,
                                double scalar, int threads, int64_t *checked_out, int64_t *wrong_out);

#ifdef __cplusplus
}
#endif

#endif
