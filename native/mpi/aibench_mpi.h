/*
 * aibench_mpi: a thin C shim over the host's MPI, so the managed side never depends on one MPI's ABI
 * (Open MPI, MPICH and Intel MPI differ in handle types and constants). Everything crosses as ints, doubles
 * and plain pointers.
 *
 * Functions that can fail return 0 (AIBM_OK) or a negative AIBM_E* code; MPI errors are returned, not fatal
 * (MPI_ERRORS_RETURN on MPI_COMM_WORLD). The timed loop of a benchmark runs here (aibm_time), so the managed
 * harness adds nothing to a measured interval.
 */
#ifndef AIBENCH_MPI_H
#define AIBENCH_MPI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AIBM_API __attribute__((visibility("default")))

enum aibm_status {
    AIBM_OK = 0,
    AIBM_E_INVALID = -1,   /* unknown collective, dtype or op, null buffer, negative count */
    AIBM_E_NOT_INIT = -2,  /* aibm_init was not called (or failed) */
    AIBM_E_TOO_LARGE = -3, /* a count does not fit MPI's int */
    AIBM_E_MPI = -100,     /* an MPI call failed; -100 - (MPI error class) */
};

enum aibm_collective {
    AIBM_ALLREDUCE = 0,     /* count = elements of the array on every rank */
    AIBM_ALLGATHER = 1,     /* count = elements each rank sends; receive buffer = count * size */
    AIBM_REDUCESCATTER = 2, /* count = elements each rank receives; send buffer = count * size */
    AIBM_BROADCAST = 3,     /* count = elements of the array; one buffer (MPI has no out-of-place broadcast) */
    AIBM_ALLTOALL = 4,      /* count = elements sent to each peer; both buffers = count * size */
};

enum aibm_dtype { AIBM_FLOAT32 = 0, AIBM_FLOAT64 = 1 };

enum aibm_op { AIBM_SUM = 0, AIBM_PROD = 1, AIBM_MIN = 2, AIBM_MAX = 3 };

/* Version of this C API; the managed side refuses a library whose version it does not know. */
AIBM_API int aibm_version(void);

/* Initialises MPI (MPI_Init_thread, MPI_THREAD_MULTIPLE requested) unless already initialised. Without a launcher
 * MPI starts as a singleton of one rank. Writes rank, size, node-local rank (MPI_COMM_TYPE_SHARED) and the thread
 * level provided. */
AIBM_API int aibm_init(int *rank, int *size, int *local_rank, int *thread_level);

/* 1 once aibm_init succeeded and aibm_finalize has not run. */
AIBM_API int aibm_is_initialized(void);

AIBM_API int aibm_finalize(void);

/* MPI_Abort(MPI_COMM_WORLD, code): ends every rank of the job; does not return. */
AIBM_API void aibm_abort(int code);

/* MPI_Get_processor_name into buffer (NUL-terminated, truncated to length). */
AIBM_API int aibm_processor_name(char *buffer, int length);

AIBM_API double aibm_wtime(void);

AIBM_API int aibm_barrier(void);

AIBM_API int aibm_bcast_bytes(void *buffer, int64_t bytes, int root);

/* Every rank contributes bytes_per_rank bytes; receive holds size * bytes_per_rank (hostnames, for messages). */
AIBM_API int aibm_allgather_bytes(const void *send, void *receive, int bytes_per_rank);

/* In-place sums across ranks, for averaging times and adding up wrong elements. */
AIBM_API int aibm_sum_f64(double *values, int count);
AIBM_API int aibm_sum_i64(int64_t *values, int count);

/* Progress notes for naming a stuck rank: every rank calls aibm_announce(step) before step `step` (a size of the sweep);
 * it sends a small note to rank 0 on a communicator of its own and does not wait. After a timeout, rank 0 calls
 * aibm_reached(step, flags) from another thread (MPI_THREAD_MULTIPLE) to learn which ranks reached that step:
 * flags[r] = 1 when rank r announced it (rank 0 itself always counts). Returns AIBM_E_INVALID without thread support. */
AIBM_API int aibm_announce(int step);
AIBM_API int aibm_reached(int step, int *flags, int count);

/* Liveness: every rank but 0 calls aibm_heartbeat() regularly (a 4-byte note to rank 0 on the notes communicator;
 * it does not wait). Rank 0 calls aibm_silence(seconds, count): seconds[r] = how long ago rank r was last heard
 * from (a heartbeat or a progress note; since aibm_init when never), 0 for rank 0 itself. A stopped or dead process
 * falls silent; a rank blocked in MPI keeps its heartbeat thread running. Thread-safe (matched probes, one lock). */
AIBM_API int aibm_heartbeat(void);
AIBM_API int aibm_silence(double *seconds, int count);

/* Messages to rank 0 (node results), on a communicator of their own. aibm_send_to_root blocks until the message is
 * handed to MPI; rank 0 takes whichever arrived with aibm_receive_any: returns 1 and a malloc'd buffer (free it with
 * aibm_free) when a message with `tag` was waiting, 0 when none. At most 2^31-1 bytes per message. */
AIBM_API int aibm_send_to_root(const void *buffer, int64_t bytes, int tag);
AIBM_API int aibm_receive_any(int tag, void **buffer, int64_t *bytes, int *source);
AIBM_API void aibm_free(void *buffer);

/* Point-to-point between two ranks (osu_bw/osu_bibw/osu_latency's methods), on a communicator of their own; both ranks
 * call the same function with each other as `peer`. Each starts with a 1-byte handshake so the clock starts when both
 * are there. buffer: at least `bytes` bytes (two such halves for bidirectional: send then receive).
 *  - aibm_pair_stream: `sender` != 0 posts `window` non-blocking sends of `bytes`, the peer as many receives; the
 *    receiver answers with a 1-byte ack; seconds = from the handshake to the ack, on the sender (the receiver's own
 *    elapsed time on the receiver). Repeated `rounds` times inside one timed interval.
 *  - aibm_pair_bidirectional: both post `window` receives and `window` sends, `rounds` times; seconds = elapsed.
 *  - aibm_pair_pingpong: `iterations` round trips of `bytes`; seconds = elapsed / (2 * iterations) (one-way latency). */
AIBM_API int aibm_pair_stream(int peer, int sender, void *buffer, int64_t bytes, int window, int rounds, double *seconds);
AIBM_API int aibm_pair_bidirectional(int peer, void *buffer, int64_t bytes, int window, int rounds, double *seconds);
AIBM_API int aibm_pair_pingpong(int peer, void *buffer, int64_t bytes, int iterations, double *seconds);

/* The two members of a pair agree on a number (e.g. the iteration count): each sends its value and receives the peer's. */
AIBM_API int aibm_pair_exchange_int(int peer, int mine, int *theirs);

/* One collective. inplace != 0 uses MPI_IN_PLACE (send is ignored; the input lies in receive, see aibm_fill). */
AIBM_API int aibm_collective(int collective, int dtype, int op, const void *send, void *receive, int64_t count, int root,
                             int inplace);

/* nccl-tests' timing: `warmup` untimed operations, a barrier, then MPI_Wtime around `iterations` operations.
 * Writes the elapsed seconds of the timed loop (not divided by iterations). */
AIBM_API int aibm_time(int collective, int dtype, int op, const void *send, void *receive, int64_t count, int root,
                       int inplace, int warmup, int iterations, double *seconds);

/* Fills elements [0, n) of buffer with this rank's exactly representable inputs, value(rank, first_index + i):
 * small integers, so sums, products, minima and maxima over any rank count are exact in float32 and float64.
 * corrupt != 0 adds 1 to every element (the test hook that proves the check catches a bad contribution). */
AIBM_API int aibm_fill(int dtype, int op, void *buffer, int64_t n, int rank, int64_t first_index, int corrupt);

/* Counts the elements of this rank's output that differ from the exact expected result. */
AIBM_API int aibm_check(int collective, int dtype, int op, const void *output, int64_t count, int rank, int size, int root,
                        int64_t *checked, int64_t *wrong);

/* The input value of element `index` on `rank` (the same function aibm_fill uses), for tests. */
AIBM_API double aibm_input_value(int op, int rank, int64_t index);

#ifdef __cplusplus
}
#endif

#endif
