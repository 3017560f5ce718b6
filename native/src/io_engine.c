/*
 * The storage I/O engine (aibench_io.h): io_uring through liburing, libaio when io_uring cannot be set up.
 *
 * Each job is one thread with its own ring (or aio context), queue_depth slots with one aligned buffer each, and
 * its own latency histograms (per slice and direction). The hot loop: one io_uring_enter to wait for completions,
 * one to submit the slots refilled from them, two clock reads per reap, no allocation, no locks.
 */
#define _GNU_SOURCE
#include "aibench_io.h"

#include <errno.h>
#include <fcntl.h>
#include <libaio.h>
#include <liburing.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BUFFER_ALIGN 4096u
#define VERIFY_MAGIC 0x3142494f41424941ULL /* "AIBAOIB1" */

struct verify_header {
    uint64_t magic;
    uint64_t offset;
    uint64_t sequence;
    uint64_t checksum;
};

struct slot {
    uint64_t offset;
    uint64_t submit_ns;
    int is_write;
    unsigned char *buffer;
};

struct shared {
    const struct aib_io_config *config;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    uint32_t ready;          /* jobs that finished their setup */
    int go;                  /* set by the caller once every started job is ready and t0 is known */
    atomic_int setup_failed;
    atomic_int abort;
    uint64_t t0_ns;          /* set by the caller once every job is ready, just before it lets them go */
    uint64_t measure_start_ns;
    uint64_t end_ns;          /* time-based: no completion at or after this counts, no I/O is issued */
    uint64_t slice_ns;
    uint32_t slices;
    int time_based;
};

struct job {
    struct shared *shared;
    int index;
    int fd;
    int engine;
    struct io_uring ring;
    int ring_ready;
    int io_fd;            /* j->fd, or 0 = its index among the registered files */
    unsigned sqe_flags;
    int fixed_buffers;
    io_context_t aio;
    int aio_ready;
    struct iocb *iocbs;
    struct iocb **iocb_list;
    struct io_event *events;
    struct slot *slots;
    uint32_t *pending;
    unsigned char *buffers;
    /* offsets */
    uint64_t block_size;
    uint64_t region_offset;
    uint64_t blocks;
    uint64_t seq_next;
    uint64_t perm_counter;
    uint64_t perm_mask;
    unsigned perm_shift;
    uint64_t perm_key;
    uint64_t pass;
    uint64_t rng;
    uint64_t issued;
    uint64_t write_sequence;
    /* results */
    uint64_t ios[AIB_IO_DIRECTIONS], bytes[AIB_IO_DIRECTIONS], errors;
    uint64_t verify_checked, verify_failed, first_bad_offset;
    uint64_t lat_min[AIB_IO_DIRECTIONS], lat_max[AIB_IO_DIRECTIONS], lat_sum[AIB_IO_DIRECTIONS], last_completion_ns;
    uint64_t slice_ios[AIB_IO_DIRECTIONS][AIB_IO_MAX_SLICES];
    uint64_t slice_bytes[AIB_IO_DIRECTIONS][AIB_IO_MAX_SLICES];
    uint64_t *hist[AIB_IO_DIRECTIONS]; /* slices x buckets each; NULL for a direction the workload never issues */
    int status;
    int error_errno;
    uint64_t error_offset;
};

static inline uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline uint64_t splitmix(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

int aib_io_version(void) { return AIB_IO_API_VERSION; }

uint32_t aib_io_hist_index(uint64_t v)
{
    const uint64_t limit = (1ull << 48) - 1;
    if (v > limit) {
        v = limit;
    }
    if (v < (2u << AIB_IO_HIST_SUB_BITS)) {
        return (uint32_t)v;
    }
    unsigned msb = 63u - (unsigned)__builtin_clzll(v);
    unsigned shift = msb - AIB_IO_HIST_SUB_BITS;
    uint64_t sub = v >> shift; /* in [128, 256) */
    return (uint32_t)((shift + 1u) << AIB_IO_HIST_SUB_BITS) + (uint32_t)(sub - (1u << AIB_IO_HIST_SUB_BITS));
}

uint64_t aib_io_hist_lower(uint32_t index)
{
    if (index < (2u << AIB_IO_HIST_SUB_BITS)) {
        return index;
    }
    unsigned shift = (index >> AIB_IO_HIST_SUB_BITS) - 1u;
    uint64_t sub = (index & ((1u << AIB_IO_HIST_SUB_BITS) - 1u)) + (1u << AIB_IO_HIST_SUB_BITS);
    return sub << shift;
}

/* ---- offsets: sequential, or a seeded permutation of the blocks per pass (a bijection on 2^k, cycle-walked) ---- */

static inline uint64_t permute(const struct job *j, uint64_t x)
{
    const uint64_t m = j->perm_mask;
    const uint64_t key = j->perm_key ^ (j->pass * 0xd6e8feb86659fd93ull);
    x = (x ^ key) & m;
    x = (x * 0x9e3779b97f4a7c15ull) & m;
    x ^= x >> j->perm_shift;
    x = (x + (key >> 17)) & m;
    x = (x * 0xbf58476d1ce4e5b9ull) & m;
    x ^= x >> j->perm_shift;
    x = (x * 0x94d049bb133111ebull) & m;
    x ^= x >> j->perm_shift;
    return x;
}

static inline uint64_t next_block(struct job *j)
{
    const struct aib_io_config *c = j->shared->config;
    if (!c->random) {
        uint64_t b = j->seq_next;
        j->seq_next = b + 1 == j->blocks ? 0 : b + 1;
        return b;
    }
    for (;;) {
        if (j->perm_counter > j->perm_mask) {
            j->perm_counter = 0;
            j->pass++;
        }
        uint64_t b = permute(j, j->perm_counter++);
        if (b < j->blocks) {
            return b;
        }
    }
}

/* ---- verification: header + checksum over the payload, 4 independent lanes ---- */

static uint64_t checksum(const unsigned char *payload, size_t bytes, uint64_t seed)
{
    uint64_t h[4] = {seed ^ 0x243f6a8885a308d3ull, seed ^ 0x13198a2e03707344ull, seed ^ 0xa4093822299f31d0ull,
                     seed ^ 0x082efa98ec4e6c89ull};
    const uint64_t *w = (const uint64_t *)payload;
    size_t words = bytes / 8, i = 0;
    for (; i + 4 <= words; i += 4) {
        for (int l = 0; l < 4; l++) {
            h[l] = (h[l] ^ w[i + l]) * 0x100000001b3ull;
            h[l] ^= h[l] >> 29;
        }
    }
    for (; i < words; i++) {
        h[0] = (h[0] ^ w[i]) * 0x100000001b3ull;
    }
    uint64_t s = h[0] ^ (h[1] * 3) ^ (h[2] * 5) ^ (h[3] * 7);
    return splitmix(&s);
}

static void stamp(struct job *j, struct slot *s)
{
    uint64_t bs = j->block_size;
    uint64_t seed = j->shared->config->seed ^ s->offset ^ (j->write_sequence << 20);
    uint64_t *w = (uint64_t *)s->buffer;
    for (uint64_t i = sizeof(struct verify_header) / 8; i < bs / 8; i++) {
        w[i] = splitmix(&seed);
    }
    struct verify_header *h = (struct verify_header *)s->buffer;
    h->magic = VERIFY_MAGIC;
    h->offset = s->offset;
    h->sequence = j->write_sequence++;
    h->checksum = checksum(s->buffer + sizeof *h, bs - sizeof *h, s->offset ^ h->sequence);
}

static void check(struct job *j, const struct slot *s)
{
    const struct verify_header *h = (const struct verify_header *)s->buffer;
    j->verify_checked++;
    if (h->magic != VERIFY_MAGIC || h->offset != s->offset
        || h->checksum != checksum(s->buffer + sizeof *h, j->block_size - sizeof *h, s->offset ^ h->sequence)) {
        if (j->verify_failed++ == 0 || s->offset < j->first_bad_offset) {
            j->first_bad_offset = s->offset;
        }
    }
}

/* ---- per I/O bookkeeping ---- */

static inline int may_issue(struct job *j, uint64_t now)
{
    const struct shared *sh = j->shared;
    const struct aib_io_config *c = sh->config;
    if (atomic_load_explicit(&sh->abort, memory_order_relaxed) || (c->cancel && *c->cancel)) {
        return 0;
    }
    return sh->time_based ? now < sh->end_ns : j->issued < c->io_limit;
}

static inline void choose(struct job *j, struct slot *s)
{
    const struct aib_io_config *c = j->shared->config;
    s->offset = j->region_offset + next_block(j) * j->block_size;
    if (c->read_percent >= 100) {
        s->is_write = 0;
    } else if (c->read_percent <= 0) {
        s->is_write = 1;
    } else {
        s->is_write = (int)(splitmix(&j->rng) % 100u) >= c->read_percent;
    }
    if (s->is_write && c->verify) {
        stamp(j, s);
    }
    j->issued++;
}

static inline void complete(struct job *j, struct slot *s, long res, uint64_t now)
{
    const struct shared *sh = j->shared;
    if (res != (long)j->block_size) {
        j->errors++;
        if (j->status == AIB_OK) {
            j->error_errno = res < 0 ? (int)-res : EIO;
            j->error_offset = s->offset;
            j->status = (res == -EINVAL && j->ios[AIB_IO_READ] + j->ios[AIB_IO_WRITE] == 0) ? AIB_E_IO_DIRECT
                                                                                          : AIB_E_IO_FAILED;
        }
        atomic_store_explicit(&((struct shared *)sh)->abort, 1, memory_order_relaxed);
        return;
    }
    if (!s->is_write && sh->config->verify) {
        check(j, s);
    }
    uint32_t slice = 0;
    if (sh->time_based) {
        if (now < sh->measure_start_ns || now >= sh->end_ns) {
            return;
        }
        slice = (uint32_t)((now - sh->measure_start_ns) / sh->slice_ns);
        if (slice >= sh->slices) {
            slice = sh->slices - 1;
        }
    }
    uint64_t lat = now - s->submit_ns;
    /* Reads and writes are counted apart, as fio keeps its per-direction stats: a mixed run's write latencies
       must not hide in (or inflate) its read percentiles. */
    const int d = s->is_write ? AIB_IO_WRITE : AIB_IO_READ;
    j->ios[d]++;
    j->bytes[d] += j->block_size;
    j->slice_ios[d][slice]++;
    j->slice_bytes[d][slice] += j->block_size;
    if (lat < j->lat_min[d]) {
        j->lat_min[d] = lat;
    }
    if (lat > j->lat_max[d]) {
        j->lat_max[d] = lat;
    }
    j->lat_sum[d] += lat;
    j->last_completion_ns = now;
    if (j->hist[d]) {
        j->hist[d][(size_t)slice * AIB_IO_HIST_BUCKETS + aib_io_hist_index(lat)]++;
    }
}

/* ---- io_uring ---- */

static int uring_setup(struct job *j)
{
    const struct aib_io_config *c = j->shared->config;
    unsigned flags[] = {IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN, IORING_SETUP_COOP_TASKRUN, 0};
    int rc = -EINVAL;
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        struct io_uring_params p;
        memset(&p, 0, sizeof p);
        p.flags = flags[i];
        rc = io_uring_queue_init_params(c->queue_depth, &j->ring, &p);
        if (rc == 0) {
            break;
        }
    }
    if (rc < 0) {
        return rc;
    }
    j->ring_ready = 1;
    /* The ring's own descriptor registered (kernel 5.18+; without it nothing changes): io_uring_enter then skips a
     * file-table lookup and reference count per call (fget was 1.7-2.3% of a RAM loop run's samples, 0.02% after). */
    io_uring_register_ring_fd(&j->ring);
    /* A registered file saves the kernel a file-table lookup and reference count per I/O. */
    j->io_fd = j->fd;
    j->sqe_flags = 0;
    if (io_uring_register_files(&j->ring, &j->fd, 1) == 0) {
        j->io_fd = 0;
        j->sqe_flags = IOSQE_FIXED_FILE;
    }
    struct iovec *iov = malloc(sizeof *iov * c->queue_depth);
    if (iov) {
        for (uint32_t s = 0; s < c->queue_depth; s++) {
            iov[s].iov_base = j->slots[s].buffer;
            iov[s].iov_len = j->block_size;
        }
        j->fixed_buffers = io_uring_register_buffers(&j->ring, iov, c->queue_depth) == 0;
        free(iov);
    }
    return 0;
}

static inline void uring_prep(struct job *j, uint32_t s)
{
    struct slot *slot = &j->slots[s];
    struct io_uring_sqe *sqe = io_uring_get_sqe(&j->ring);
    if (j->fixed_buffers) {
        if (slot->is_write) {
            io_uring_prep_write_fixed(sqe, j->io_fd, slot->buffer, (unsigned)j->block_size, slot->offset, (int)s);
        } else {
            io_uring_prep_read_fixed(sqe, j->io_fd, slot->buffer, (unsigned)j->block_size, slot->offset, (int)s);
        }
    } else if (slot->is_write) {
        io_uring_prep_write(sqe, j->io_fd, slot->buffer, (unsigned)j->block_size, slot->offset);
    } else {
        io_uring_prep_read(sqe, j->io_fd, slot->buffer, (unsigned)j->block_size, slot->offset);
    }
    io_uring_sqe_set_flags(sqe, j->sqe_flags);
    io_uring_sqe_set_data64(sqe, s);
}

static int uring_failed(struct job *j, int rc)
{
    if (rc >= 0 || rc == -EINTR || rc == -EAGAIN || rc == -EBUSY) {
        return 0;
    }
    if (j->status == AIB_OK) {
        j->status = AIB_E_IO_FAILED;
        j->error_errno = -rc;
    }
    atomic_store(&j->shared->abort, 1);
    return 1;
}

/*
 * Submits the n slots prepared in j->pending, all of them: a short count (EINTR, EAGAIN) would leave SQEs that no wait
 * sees complete. fio's clat starts when the submitting call returns (the time inside it is fio's slat); so does ours.
 */
static int uring_submit(struct job *j, uint32_t n)
{
    if (n == 0) {
        return 0;
    }
    for (unsigned stalls = 0; io_uring_sq_ready(&j->ring) > 0;) {
        int rc = io_uring_submit(&j->ring);
        if (uring_failed(j, rc)) {
            return 1;
        }
        if (rc > 0) {
            continue;
        }
        /* EINTR/EAGAIN/EBUSY are passing states: tried again, but not for ever, nor once the run is being stopped. */
        if (atomic_load(&j->shared->abort)) {
            return 1;
        }
        if (++stalls >= 100000) {
            if (j->status == AIB_OK) {
                j->status = AIB_E_IO_FAILED;
                j->error_errno = rc < 0 ? -rc : EAGAIN;
            }
            atomic_store(&j->shared->abort, 1);
            return 1;
        }
    }
    uint64_t now = now_ns();
    for (uint32_t i = 0; i < n; i++) {
        j->slots[j->pending[i]].submit_ns = now;
    }
    return 0;
}

/*
 * The slots refilled from one reap are submitted together, one io_uring_enter per reap, and waiting is another (which
 * also runs the deferred completion work, DEFER_TASKRUN): two system calls per reap instead of one per I/O. On a RAM
 * loop device a reap holds 12-17 completions at QD32, and submitting each refill at once (fio's
 * iodepth_batch_submit=1) cost up to a third of the IOPS where the CPU is the limit; on this machine's virtio disk it
 * was no faster either (rounds in docs/performance.md). A refill waits only while the rest of its reap is counted.
 */
static void uring_loop(struct job *j)
{
    const uint32_t qd = j->shared->config->queue_depth;
    uint32_t npending = 0;
    uint64_t now = now_ns();
    for (uint32_t s = 0; s < qd && may_issue(j, now); s++) {
        choose(j, &j->slots[s]);
        uring_prep(j, s);
        j->pending[npending++] = s;
    }
    uint32_t inflight = npending;
    while (inflight > 0) {
        if (uring_submit(j, npending)) {
            return;
        }
        npending = 0;
        struct io_uring_cqe *cqe;
        int rc = io_uring_wait_cqe(&j->ring, &cqe);
        if (uring_failed(j, rc)) {
            return; /* io_uring_queue_exit cancels and waits for what is in flight */
        }
        now = now_ns();
        unsigned head, seen = 0;
        io_uring_for_each_cqe(&j->ring, head, cqe)
        {
            uint32_t s = (uint32_t)io_uring_cqe_get_data64(cqe);
            complete(j, &j->slots[s], cqe->res, now);
            seen++;
            inflight--;
            if (j->status == AIB_OK && may_issue(j, now)) {
                choose(j, &j->slots[s]);
                uring_prep(j, s);
                j->pending[npending++] = s;
                inflight++;
            }
        }
        io_uring_cq_advance(&j->ring, seen);
    }
}

/* ---- libaio ---- */

static int aio_setup(struct job *j)
{
    const uint32_t qd = j->shared->config->queue_depth;
    memset(&j->aio, 0, sizeof j->aio);
    int rc = io_setup((int)qd, &j->aio);
    if (rc < 0) {
        return rc;
    }
    j->aio_ready = 1;
    j->iocbs = calloc(qd, sizeof *j->iocbs);
    j->iocb_list = calloc(qd, sizeof *j->iocb_list);
    j->events = calloc(qd, sizeof *j->events);
    return j->iocbs && j->iocb_list && j->events ? 0 : -ENOMEM;
}

static inline void aio_prep(struct job *j, uint32_t s)
{
    struct slot *slot = &j->slots[s];
    if (slot->is_write) {
        io_prep_pwrite(&j->iocbs[s], j->fd, slot->buffer, j->block_size, (long long)slot->offset);
    } else {
        io_prep_pread(&j->iocbs[s], j->fd, slot->buffer, j->block_size, (long long)slot->offset);
    }
}

static void aio_submit_pending(struct job *j, uint32_t *npending, uint32_t *inflight)
{
    for (uint32_t i = 0; i < *npending; i++) {
        j->iocb_list[i] = &j->iocbs[j->pending[i]];
    }
    uint32_t done = 0;
    while (done < *npending) {
        int rc = io_submit(j->aio, (long)(*npending - done), j->iocb_list + done);
        if (rc == -EAGAIN || rc == -EINTR) {
            continue;
        }
        if (rc <= 0) {
            if (j->status == AIB_OK) {
                j->status = rc == -EINVAL && j->ios[AIB_IO_READ] + j->ios[AIB_IO_WRITE] == 0 ? AIB_E_IO_DIRECT
                                                                                            : AIB_E_IO_FAILED;
                j->error_errno = rc < 0 ? -rc : EIO;
            }
            atomic_store(&j->shared->abort, 1);
            break;
        }
        uint64_t t = now_ns(); /* clat from the return of io_submit, as fio */
        for (int i = 0; i < rc; i++) {
            j->slots[j->pending[done + (uint32_t)i]].submit_ns = t;
        }
        done += (uint32_t)rc;
    }
    *inflight += done;
    *npending = 0;
}

static void aio_loop(struct job *j)
{
    const uint32_t qd = j->shared->config->queue_depth;
    uint32_t inflight = 0, npending = 0;
    uint64_t now = now_ns();
    for (uint32_t s = 0; s < qd && may_issue(j, now); s++) {
        choose(j, &j->slots[s]);
        aio_prep(j, s);
        j->pending[npending++] = s;
    }
    while (npending > 0 || inflight > 0) {
        if (npending > 0) {
            aio_submit_pending(j, &npending, &inflight);
            if (inflight == 0) {
                return;
            }
        }
        int n = io_getevents(j->aio, 1, (long)qd, j->events, NULL);
        if (n == -EINTR) {
            continue;
        }
        if (n < 0) {
            if (j->status == AIB_OK) {
                j->status = AIB_E_IO_FAILED;
                j->error_errno = -n;
            }
            atomic_store(&j->shared->abort, 1);
            return; /* io_destroy waits for what is in flight */
        }
        now = now_ns();
        int go_on = may_issue(j, now);
        for (int e = 0; e < n; e++) {
            uint32_t s = (uint32_t)(j->events[e].obj - j->iocbs);
            long res = (long)j->events[e].res;
            complete(j, &j->slots[s], res, now);
            inflight--;
            if (go_on && j->status == AIB_OK && may_issue(j, now)) {
                /* Submitted at once, one io_submit each, as fio does; uring_loop batches a reap's refills, which
                   was measured for io_uring only. */
                choose(j, &j->slots[s]);
                aio_prep(j, s);
                j->pending[npending++] = s;
                aio_submit_pending(j, &npending, &inflight);
            }
        }
    }
}

/* ---- jobs ---- */

static int job_prepare(struct job *j)
{
    const struct aib_io_config *c = j->shared->config;
    const uint32_t qd = c->queue_depth;
    j->slots = calloc(qd, sizeof *j->slots);
    j->pending = calloc(qd, sizeof *j->pending);
    if (!j->slots || !j->pending
        || posix_memalign((void **)&j->buffers, BUFFER_ALIGN, (size_t)qd * j->block_size) != 0) {
        j->buffers = NULL;
        return AIB_E_IO_NOMEM;
    }
    /* Incompressible payload for writes without verification. */
    uint64_t seed = c->seed ^ ((uint64_t)j->index << 40) ^ 0x5eed;
    uint64_t *w = (uint64_t *)j->buffers;
    for (size_t i = 0; i < (size_t)qd * j->block_size / 8; i++) {
        w[i] = splitmix(&seed);
    }
    for (uint32_t s = 0; s < qd; s++) {
        j->slots[s].buffer = j->buffers + (size_t)s * j->block_size;
    }
    int flags = (c->read_percent >= 100 ? O_RDONLY : O_RDWR) | O_DIRECT | O_CLOEXEC;
    j->fd = open(c->path, flags);
    if (j->fd < 0) {
        j->error_errno = errno;
        return errno == EINVAL ? AIB_E_IO_DIRECT : AIB_E_IO_OPEN;
    }
    int rc = -ENOSYS;
    if (c->engine != AIB_IO_ENGINE_LIBAIO) {
        rc = uring_setup(j);
        if (rc == 0) {
            j->engine = AIB_IO_ENGINE_URING;
        } else if (j->ring_ready) {
            io_uring_queue_exit(&j->ring);
            j->ring_ready = 0;
        }
    }
    if (rc != 0 && c->engine != AIB_IO_ENGINE_URING) {
        rc = aio_setup(j);
        if (rc == 0) {
            j->engine = AIB_IO_ENGINE_LIBAIO;
        }
    }
    if (rc != 0) {
        j->error_errno = -rc;
        return rc == -ENOMEM ? AIB_E_IO_NOMEM : AIB_E_IO_SETUP;
    }
    return AIB_OK;
}

static void job_release(struct job *j)
{
    if (j->ring_ready) {
        io_uring_queue_exit(&j->ring);
    }
    if (j->aio_ready) {
        io_destroy(j->aio);
    }
    if (j->fd >= 0) {
        close(j->fd);
    }
    free(j->iocbs);
    free(j->iocb_list);
    free(j->events);
    free(j->slots);
    free(j->pending);
    free(j->buffers);
    free(j->hist[AIB_IO_READ]);
    free(j->hist[AIB_IO_WRITE]);
}

static void *job_main(void *arg)
{
    struct job *j = arg;
    j->status = job_prepare(j);
    if (j->status != AIB_OK) {
        atomic_store(&j->shared->setup_failed, 1);
    }
    struct shared *sh = j->shared;
    pthread_mutex_lock(&sh->lock);
    sh->ready++;
    pthread_cond_broadcast(&sh->changed);
    while (!sh->go) {
        pthread_cond_wait(&sh->changed, &sh->lock);
    }
    pthread_mutex_unlock(&sh->lock);
    if (atomic_load(&sh->setup_failed)) {
        return NULL;
    }
    if (j->engine == AIB_IO_ENGINE_URING) {
        uring_loop(j);
    } else {
        aio_loop(j);
    }
    return NULL;
}

static int valid(const struct aib_io_config *c)
{
    return c && c->path && c->block_size >= 512 && c->block_size % 512 == 0 && c->queue_depth >= 1
           && c->queue_depth <= 4096 && c->jobs >= 1 && c->jobs <= 256 && c->size >= c->block_size
           && c->offset % c->block_size == 0 && c->read_percent >= 0 && c->read_percent <= 100
           && (c->run_seconds > 0 ? c->slices >= 1 && c->slices <= AIB_IO_MAX_SLICES && c->ramp_seconds >= 0
                                  : c->io_limit > 0)
           && (!c->verify || c->block_size > sizeof(struct verify_header));
}

int aib_io_run(const struct aib_io_config *c, struct aib_io_result *r, uint64_t *histograms)
{
    if (!r) {
        return AIB_E_IO_INVALID;
    }
    memset(r, 0, sizeof *r);
    if (!valid(c)) {
        return AIB_E_IO_INVALID;
    }
    struct shared sh;
    memset(&sh, 0, sizeof sh);
    sh.config = c;
    sh.time_based = c->run_seconds > 0;
    sh.slices = sh.time_based ? c->slices : 1;
    uint64_t run_ns = sh.time_based ? (uint64_t)(c->run_seconds * 1e9) : 0;
    sh.slice_ns = sh.time_based ? (run_ns / sh.slices > 0 ? run_ns / sh.slices : 1) : 1;

    struct job *jobs = calloc(c->jobs, sizeof *jobs);
    pthread_t *threads = calloc(c->jobs, sizeof *threads);
    if (!jobs || !threads) {
        free(jobs);
        free(threads);
        return AIB_E_IO_NOMEM;
    }
    const uint64_t blocks = c->size / c->block_size;
    unsigned bits = 0;
    while (bits < 63 && (1ull << bits) < blocks) {
        bits++;
    }
    int status = AIB_OK;
    for (uint32_t i = 0; i < c->jobs; i++) {
        struct job *j = &jobs[i];
        j->shared = &sh;
        j->index = (int)i;
        j->fd = -1;
        j->block_size = c->block_size;
        j->region_offset = c->offset;
        j->blocks = blocks;
        j->seq_next = blocks * i / c->jobs;
        j->perm_mask = bits == 0 ? 0 : (bits >= 64 ? ~0ull : (1ull << bits) - 1);
        j->perm_shift = bits / 2 + 1;
        uint64_t s = c->seed + i * 0x9e3779b97f4a7c15ull;
        j->perm_key = splitmix(&s);
        j->rng = splitmix(&s);
        for (int d = 0; d < AIB_IO_DIRECTIONS; d++) {
            j->lat_min[d] = UINT64_MAX;
            /* Only the directions the workload issues get histograms (a pure read run needs no write ones). */
            int issued = d == AIB_IO_READ ? c->read_percent > 0 : c->read_percent < 100;
            if (histograms && issued) {
                j->hist[d] = calloc((size_t)sh.slices * AIB_IO_HIST_BUCKETS, sizeof *j->hist[d]);
                if (!j->hist[d]) {
                    status = AIB_E_IO_NOMEM;
                }
            }
        }
    }
    if (status != AIB_OK) {
        for (uint32_t i = 0; i < c->jobs; i++) {
            free(jobs[i].hist[AIB_IO_READ]);
            free(jobs[i].hist[AIB_IO_WRITE]);
        }
        free(jobs);
        free(threads);
        return status;
    }
    pthread_mutex_init(&sh.lock, NULL);
    pthread_cond_init(&sh.changed, NULL);
    uint32_t started = 0;
    for (; started < c->jobs; started++) {
        if (pthread_create(&threads[started], NULL, job_main, &jobs[started]) != 0) {
            break;
        }
    }
    pthread_mutex_lock(&sh.lock);
    if (started < c->jobs) {
        atomic_store(&sh.setup_failed, 1);
        for (uint32_t i = started; i < c->jobs; i++) {
            jobs[i].status = AIB_E_IO_THREAD;
        }
    }
    while (sh.ready < started) {
        pthread_cond_wait(&sh.changed, &sh.lock);
    }
    sh.t0_ns = now_ns();
    sh.measure_start_ns = sh.t0_ns + (uint64_t)(c->ramp_seconds * 1e9);
    sh.end_ns = sh.measure_start_ns + run_ns;
    sh.go = 1;
    pthread_cond_broadcast(&sh.changed);
    pthread_mutex_unlock(&sh.lock);
    for (uint32_t i = 0; i < started; i++) {
        pthread_join(threads[i], NULL);
    }
    pthread_cond_destroy(&sh.changed);
    pthread_mutex_destroy(&sh.lock);
    uint64_t finished = now_ns();

    if (histograms) {
        memset(histograms, 0, sizeof(uint64_t) * sh.slices * AIB_IO_DIRECTIONS * AIB_IO_HIST_BUCKETS);
    }
    uint64_t lat_min[AIB_IO_DIRECTIONS] = {UINT64_MAX, UINT64_MAX};
    uint64_t last = 0;
    for (uint32_t i = 0; i < c->jobs; i++) {
        struct job *j = &jobs[i];
        if (status == AIB_OK && j->status != AIB_OK) {
            status = j->status;
            r->error_errno = j->error_errno;
            r->error_offset = j->error_offset;
        }
        if (r->engine == 0) {
            r->engine = j->engine;
        }
        r->fixed_buffers |= j->fixed_buffers;
        r->reads += j->ios[AIB_IO_READ];
        r->writes += j->ios[AIB_IO_WRITE];
        r->bytes_read += j->bytes[AIB_IO_READ];
        r->bytes_written += j->bytes[AIB_IO_WRITE];
        r->errors += j->errors;
        r->verify_checked += j->verify_checked;
        if (j->verify_failed > 0 && (r->verify_failed == 0 || j->first_bad_offset < r->first_bad_offset)) {
            r->first_bad_offset = j->first_bad_offset;
        }
        r->verify_failed += j->verify_failed;
        if (j->last_completion_ns > last) {
            last = j->last_completion_ns;
        }
        for (int d = 0; d < AIB_IO_DIRECTIONS; d++) {
            if (j->lat_min[d] < lat_min[d]) {
                lat_min[d] = j->lat_min[d];
            }
            if (j->lat_max[d] > r->lat_max_ns[d]) {
                r->lat_max_ns[d] = j->lat_max[d];
            }
            r->lat_sum_ns[d] += j->lat_sum[d];
            for (uint32_t s = 0; s < sh.slices; s++) {
                r->slice_ios[d][s] += j->slice_ios[d][s];
                r->slice_bytes[d][s] += j->slice_bytes[d][s];
            }
            if (histograms && j->hist[d]) {
                for (uint32_t s = 0; s < sh.slices; s++) {
                    uint64_t *to = histograms + ((size_t)s * AIB_IO_DIRECTIONS + (size_t)d) * AIB_IO_HIST_BUCKETS;
                    const uint64_t *from = j->hist[d] + (size_t)s * AIB_IO_HIST_BUCKETS;
                    for (size_t b = 0; b < AIB_IO_HIST_BUCKETS; b++) {
                        to[b] += from[b];
                    }
                }
            }
        }
        job_release(j);
    }
    for (int d = 0; d < AIB_IO_DIRECTIONS; d++) {
        r->lat_min_ns[d] = lat_min[d] == UINT64_MAX ? 0 : lat_min[d];
    }
    r->cancelled = c->cancel && *c->cancel;
    if (sh.time_based) {
        uint64_t stop = finished < sh.end_ns ? finished : sh.end_ns;
        r->seconds = stop > sh.measure_start_ns ? (double)(stop - sh.measure_start_ns) / 1e9 : 0;
        r->slices = stop >= sh.end_ns ? sh.slices
                    : stop > sh.measure_start_ns ? (uint32_t)((stop - sh.measure_start_ns) / sh.slice_ns) : 0;
        for (uint32_t s = 0; s < sh.slices; s++) {
            r->slice_seconds[s] = (double)sh.slice_ns / 1e9;
        }
    } else {
        r->seconds = last > sh.t0_ns ? (double)(last - sh.t0_ns) / 1e9 : 0;
        r->slices = 1;
        r->slice_seconds[0] = r->seconds;
    }
    free(jobs);
    free(threads);
    return status;
}
