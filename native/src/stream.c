/*
 * STREAM engine (McCalpin's four kernels) over double arrays, on all cores with OpenMP.
 *
 * Placement: every parallel region splits the index range with the same static partition (thread t of T always
 * gets the same slice), and aib_stream_init writes the arrays that way first, so each page is first touched, and
 * so placed on a NUMA node, by the thread that later streams it. Slices are whole cache lines, so no two threads
 * write the same line.
 *
 * Vector width: the per-slice loops are compiled for AVX-512, AVX2 and baseline x86-64 (GCC target_clones, chosen
 * once at load time by the CPU), so the portable .so still uses the widest loads and stores the machine has.
 */
#include "aibench_native.h"

#include <math.h>
#include <omp.h>
#include <time.h>

#define AIB_API_VERSION 1

/* Values written by aib_stream_init; small binary fractions so every kernel's result is exact. */
#define AIB_INIT_A 1.0
#define AIB_INIT_B 2.0
#define AIB_INIT_C 0.5

/* Doubles per 64-byte cache line: the granularity of the partition. */
#define AIB_LINE_DOUBLES 8

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define AIB_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define AIB_VECTOR_CLONES
#endif

int aib_version(void)
{
    return AIB_API_VERSION;
}

int aib_max_threads(void)
{
    return omp_get_max_threads();
}

static int resolve_threads(int threads)
{
    return threads > 0 ? threads : omp_get_max_threads();
}

/* The slice [*lo, *hi) of the calling thread: equal whole-line chunks, the last one shorter. */
static void thread_slice(size_t n, size_t *lo, size_t *hi)
{
    size_t team = (size_t)omp_get_num_threads();
    size_t lines = (n + AIB_LINE_DOUBLES - 1) / AIB_LINE_DOUBLES;
    size_t chunk = (lines + team - 1) / team * AIB_LINE_DOUBLES;
    size_t start = (size_t)omp_get_thread_num() * chunk;
    *lo = start < n ? start : n;
    *hi = n - *lo < chunk ? n : *lo + chunk;
}

AIB_VECTOR_CLONES
static void fill(double *restrict x, double value, size_t lo, size_t hi)
{
    for (size_t j = lo; j < hi; j++) {
        x[j] = value;
    }
}

AIB_VECTOR_CLONES
static void copy_slice(const double *restrict a, double *restrict c, size_t lo, size_t hi)
{
    for (size_t j = lo; j < hi; j++) {
        c[j] = a[j];
    }
}

AIB_VECTOR_CLONES
static void scale_slice(double *restrict b, const double *restrict c, double scalar, size_t lo, size_t hi)
{
    for (size_t j = lo; j < hi; j++) {
        b[j] = scalar * c[j];
    }
}

AIB_VECTOR_CLONES
static void add_slice(const double *restrict a, const double *restrict b, double *restrict c, size_t lo, size_t hi)
{
    for (size_t j = lo; j < hi; j++) {
        c[j] = a[j] + b[j];
    }
}

AIB_VECTOR_CLONES
static void triad_slice(double *restrict a, const double *restrict b, const double *restrict c, double scalar,
                        size_t lo, size_t hi)
{
    for (size_t j = lo; j < hi; j++) {
        a[j] = b[j] + scalar * c[j];
    }
}

int aib_stream_init(double *a, double *b, double *c, size_t n, int threads)
{
    if (a == NULL || b == NULL || c == NULL || n == 0) {
        return AIB_E_INVALID;
    }

#pragma omp parallel num_threads(resolve_threads(threads))
    {
        size_t lo, hi;
        thread_slice(n, &lo, &hi);
        fill(a, AIB_INIT_A, lo, hi);
        fill(b, AIB_INIT_B, lo, hi);
        fill(c, AIB_INIT_C, lo, hi);
    }

    return AIB_OK;
}

static int valid_kernel(int kernel)
{
    return kernel >= AIB_STREAM_COPY && kernel <= AIB_STREAM_TRIAD;
}

int aib_stream_run(int kernel, double *a, double *b, double *c, size_t n, double scalar, int repetitions,
                   int threads, double *seconds_out)
{
    if (!valid_kernel(kernel) || a == NULL || b == NULL || c == NULL || n == 0 || repetitions < 1
        || seconds_out == NULL) {
        return AIB_E_INVALID;
    }

    int team = resolve_threads(threads);
    struct timespec start, end;
    if (clock_gettime(CLOCK_MONOTONIC, &start) != 0) {
        return AIB_E_CLOCK;
    }

    for (int r = 0; r < repetitions; r++) {
        /* One region per pass, as STREAM: its closing barrier is part of the time, as it is of any real pass. */
#pragma omp parallel num_threads(team)
        {
            size_t lo, hi;
            thread_slice(n, &lo, &hi);
            switch (kernel) {
            case AIB_STREAM_COPY:
                copy_slice(a, c, lo, hi);
                break;
            case AIB_STREAM_SCALE:
                scale_slice(b, c, scalar, lo, hi);
                break;
            case AIB_STREAM_ADD:
                add_slice(a, b, c, lo, hi);
                break;
            default:
                triad_slice(a, b, c, scalar, lo, hi);
                break;
            }
        }
    }

    if (clock_gettime(CLOCK_MONOTONIC, &end) != 0) {
        return AIB_E_CLOCK;
    }

    *seconds_out = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) * 1e-9;
    return AIB_OK;
}

static int64_t count_wrong(const double *x, double expected, size_t lo, size_t hi)
{
    /* STREAM's tolerance for doubles; our values are exact, so any real error is far larger. */
    const double tolerance = 1e-13 * fabs(expected);
    int64_t wrong = 0;
    for (size_t j = lo; j < hi; j++) {
        wrong += fabs(x[j] - expected) > tolerance;
    }

    return wrong;
}

int aib_stream_validate(int kernel, const double *a, const double *b, const double *c, size_t n, double scalar,
                        int threads, int64_t *checked_out, int64_t *wrong_out)
{
    if (!valid_kernel(kernel) || a == NULL || b == NULL || c == NULL || n == 0 || checked_out == NULL
        || wrong_out == NULL) {
        return AIB_E_INVALID;
    }

    /* The one array each kernel writes, from inputs it never writes (so repeating it changes nothing). */
    double expect_a = AIB_INIT_A, expect_b = AIB_INIT_B, expect_c = AIB_INIT_C;
    switch (kernel) {
    case AIB_STREAM_COPY:
        expect_c = AIB_INIT_A;
        break;
    case AIB_STREAM_SCALE:
        expect_b = scalar * AIB_INIT_C;
        break;
    case AIB_STREAM_ADD:
        expect_c = AIB_INIT_A + AIB_INIT_B;
        break;
    default:
        expect_a = AIB_INIT_B + scalar * AIB_INIT_C;
        break;
    }

    int64_t wrong = 0;
#pragma omp parallel num_threads(resolve_threads(threads)) reduction(+ : wrong)
    {
        size_t lo, hi;
        thread_slice(n, &lo, &hi);
        wrong += count_wrong(a, expect_a, lo, hi) + count_wrong(b, expect_b, lo, hi) + count_wrong(c, expect_c, lo, hi);
    }

    *checked_out = (int64_t)(3 * n);
    *wrong_out = wrong;
    return AIB_OK;
}
