/*
 * aibench_io: the storage I/O engine of libaibench_native (storage.io).
 *
 * O_DIRECT reads and writes of one block size at a queue depth, from `jobs` threads with one io_uring (or libaio
 * context) each, over a region of one file or block device. Time-based (ramp-up excluded from every figure) or
 * count-based (exactly io_limit I/Os per job, for tests and for filling a file). Per-I/O completion latency goes
 * into a log-linear histogram (see AIB_IO_HIST_*), one per time slice and direction (reads and writes apart, as fio
 * keeps them), merged across jobs. Nothing is allocated and no managed code runs per I/O.
 *
 * Functions return AIB_OK or a negative AIB_E_IO_* code; result->error_errno holds the errno behind a failure.
 */
#ifndef AIBENCH_IO_H
#define AIBENCH_IO_H

#include <stdint.h>

#include "aibench_native.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Version of the I/O API; the managed side refuses a library whose version it does not know.
 * 2: counters, latency extremes, slices and histograms per direction. 3: the latency sum per direction (mean clat).
 * 4: a file target's first hole. */
#define AIB_IO_API_VERSION 4

/* Histogram: values (ns) below 256 are exact; above, 128 linear sub-buckets per power of two (relative bucket
 * width <= 1/128, so the bucket midpoint is within 0.4% of any value in it). Values above 2^48 ns are clamped. */
#define AIB_IO_HIST_SUB_BITS 7
#define AIB_IO_HIST_BUCKETS (43 * 128)

/* Most time slices (samples) one time-based run can split its measured interval into. */
#define AIB_IO_MAX_SLICES 64

/* The directions every per-direction array is indexed by. */
enum aib_io_direction {
    AIB_IO_READ = 0,
    AIB_IO_WRITE = 1,
    AIB_IO_DIRECTIONS = 2,
};

enum aib_io_status {
    AIB_E_IO_INVALID = -10,  /* a bad configuration (zero block size, region smaller than a block, ...) */
    AIB_E_IO_OPEN = -11,     /* open() failed; errno in error_errno */
    AIB_E_IO_DIRECT = -12,   /* the file system refused O_DIRECT (EINVAL at open or on the first I/O) */
    AIB_E_IO_SETUP = -13,    /* neither io_uring nor libaio could be set up; errno in error_errno */
    AIB_E_IO_NOMEM = -14,    /* buffers or histograms could not be allocated */
    AIB_E_IO_FAILED = -15,   /* an I/O completed with an error; errno and offset in the result */
    AIB_E_IO_THREAD = -16,   /* a job thread could not be started */
};

enum aib_io_engine {
    AIB_IO_ENGINE_AUTO = 0,   /* io_uring, libaio when io_uring cannot be set up */
    AIB_IO_ENGINE_URING = 1,
    AIB_IO_ENGINE_LIBAIO = 2,
};

struct aib_io_config {
    const char *path;           /* opened O_RDWR|O_DIRECT (O_RDONLY when read_percent == 100); never created */
    uint64_t offset;            /* start of the region, a multiple of block_size */
    uint64_t size;              /* bytes of the region; whole blocks are used */
    uint32_t block_size;        /* a multiple of 512 */
    uint32_t queue_depth;       /* I/Os in flight per job, 1..4096 */
    uint32_t jobs;              /* threads, each with its own ring, 1..256 */
    int32_t random;             /* 0: sequential (job j starts at j/jobs of the region), 1: random, no repeats per pass */
    int32_t read_percent;       /* 100 read, 0 write, else the share of reads */
    int32_t engine;             /* enum aib_io_engine */
    int32_t verify;             /* 1: writes carry a header (offset, sequence, checksum); reads check it */
    uint32_t slices;            /* time-based: the measured interval in this many slices (1..AIB_IO_MAX_SLICES) */
    uint64_t seed;              /* offsets, read/write choice and payload are derived from it */
    double ramp_seconds;        /* time-based: run, but do not count, this long first */
    double run_seconds;         /* time-based when > 0: measured seconds after the ramp */
    uint64_t io_limit;          /* count-based when run_seconds <= 0: exactly this many I/Os per job */
    const volatile int32_t *cancel; /* optional; non-zero stops the run early (the result covers what completed) */
};

struct aib_io_result {
    int32_t engine;             /* the engine that ran: AIB_IO_ENGINE_URING or AIB_IO_ENGINE_LIBAIO */
    int32_t error_errno;        /* errno behind a failure status */
    uint64_t error_offset;      /* offset of the failed I/O */
    int32_t cancelled;          /* 1 when the cancel flag ended the run */
    int32_t fixed_buffers;      /* 1 when io_uring registered buffers were used */
    uint64_t reads, writes;     /* I/Os completed in the measured interval, all jobs */
    uint64_t bytes_read, bytes_written;
    uint64_t errors;            /* I/Os that completed with an error or short */
    uint64_t verify_checked, verify_failed;
    uint64_t first_bad_offset;  /* of the first block that failed verification (valid when verify_failed > 0) */
    uint64_t lat_min_ns[AIB_IO_DIRECTIONS], lat_max_ns[AIB_IO_DIRECTIONS]; /* exact; 0 when none completed */
    double seconds;             /* measured interval: time-based, from the end of the ramp to the end of the run (or the
                                   cancel); count-based, from the start to the last completion */
    uint32_t slices;            /* slices with a full measured interval (fewer after a cancel) */
    uint64_t slice_ios[AIB_IO_DIRECTIONS][AIB_IO_MAX_SLICES];
    uint64_t slice_bytes[AIB_IO_DIRECTIONS][AIB_IO_MAX_SLICES];
    double slice_seconds[AIB_IO_MAX_SLICES];
    uint64_t lat_sum_ns[AIB_IO_DIRECTIONS]; /* the measured I/Os' clat added up: mean = lat_sum_ns / reads (writes) */
};

AIB_API int aib_io_version(void);

enum aib_io_target_kind {
    AIB_IO_TARGET_MISSING = 0,
    AIB_IO_TARGET_FILE = 1,
    AIB_IO_TARGET_DIRECTORY = 2,
    AIB_IO_TARGET_BLOCK = 3,
    AIB_IO_TARGET_OTHER = 4,
};

struct aib_io_target {
    int32_t kind;               /* enum aib_io_target_kind */
    int32_t stat_errno;         /* errno of stat() when kind is MISSING */
    int32_t writable;           /* access(W_OK) */
    int32_t readable;           /* access(R_OK) */
    uint64_t size;              /* file size, or the block device's size (BLKGETSIZE64; 0 without permission) */
    uint64_t fs_type;           /* statfs f_type of the file system holding the path (0 for block devices) */
    uint64_t fs_free;           /* bytes available to this user there (statvfs f_bavail * f_frsize) */
    uint32_t dev_major, dev_minor; /* the device holding the file, or the block device itself */
    uint64_t first_hole;        /* regular files: offset of the first hole (lseek SEEK_HOLE), the size when there is none
                                   or it cannot be told (not readable; a file system without SEEK_HOLE reports none) */
};

/* What a path is (stat, statfs, statvfs, access); never fails except for a NULL argument. */
AIB_API int aib_io_target_info(const char *path, struct aib_io_target *out);

/*
 * Runs one workload. `histograms` (may be NULL) receives slices × AIB_IO_DIRECTIONS × AIB_IO_HIST_BUCKETS counters
 * (zeroed here): the completion latencies in ns of each slice, reads then writes, all jobs merged; the histogram of
 * slice s and direction d starts at (s * AIB_IO_DIRECTIONS + d) * AIB_IO_HIST_BUCKETS. Count-based: one slice.
 */
AIB_API int aib_io_run(const struct aib_io_config *config, struct aib_io_result *result, uint64_t *histograms);

/* The histogram bucket of a value in ns, and the smallest value of a bucket (for tests and the managed side). */
AIB_API uint32_t aib_io_hist_index(uint64_t value_ns);
AIB_API uint64_t aib_io_hist_lower(uint32_t index);

#ifdef __cplusplus
}
#endif

#endif
