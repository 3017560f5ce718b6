/* The MPI shim of AiBench's collectives; see aibench_mpi.h. */
#include "aibench_mpi.h"

#include <mpi.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define AIBM_API_VERSION 2

static int initialized_here;
static int ready;
static int thread_multiple;
static MPI_Comm notes = MPI_COMM_NULL; /* progress notes to rank 0, apart from the measured traffic */
static int *last_step;                 /* rank 0: the last step each rank announced */
static int note_buffers[64];           /* Isend buffers, reused round robin (a note is 4 bytes, sent eagerly) */
static int note_next;
static double *last_heard;             /* rank 0: MPI_Wtime when each rank was last heard from */
static pthread_mutex_t notes_lock = PTHREAD_MUTEX_INITIALIZER;
static MPI_Comm messages = MPI_COMM_NULL; /* node results to rank 0 */
static MPI_Comm pairs = MPI_COMM_NULL;    /* point-to-point tests between two ranks */

#define NOTE_STEP_TAG 0
#define NOTE_HEARTBEAT_TAG 1

static int mpi_status(int error) {
    if (error == MPI_SUCCESS) {
        return AIBM_OK;
    }
    int error_class = 0;
    MPI_Error_class(error, &error_class);
    return AIBM_E_MPI - error_class;
}

int aibm_version(void) { return AIBM_API_VERSION; }

int aibm_init(int *rank, int *size, int *local_rank, int *thread_level) {
    if (!rank || !size || !local_rank || !thread_level) {
        return AIBM_E_INVALID;
    }
    int already = 0;
    MPI_Initialized(&already);
    if (!already) {
        int provided = 0;
        int error = MPI_Init_thread(NULL, NULL, MPI_THREAD_MULTIPLE, &provided);
        if (error != MPI_SUCCESS) {
            return AIBM_E_MPI - 1;
        }
        initialized_here = 1;
    }
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    MPI_Query_thread(thread_level);
    int error = MPI_Comm_rank(MPI_COMM_WORLD, rank);
    if (error == MPI_SUCCESS) {
        error = MPI_Comm_size(MPI_COMM_WORLD, size);
    }
    if (error != MPI_SUCCESS) {
        return mpi_status(error);
    }
    MPI_Comm node;
    error = MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, *rank, MPI_INFO_NULL, &node);
    if (error != MPI_SUCCESS) {
        return mpi_status(error);
    }
    MPI_Comm_rank(node, local_rank);
    MPI_Comm_free(&node);
    thread_multiple = *thread_level >= MPI_THREAD_MULTIPLE;
    if (thread_multiple && MPI_Comm_dup(MPI_COMM_WORLD, &notes) == MPI_SUCCESS) {
        last_step = calloc((size_t)*size, sizeof(int));
        last_heard = calloc((size_t)*size, sizeof(double));
        double now = MPI_Wtime();
        for (int r = 0; last_step && last_heard && r < *size; r++) {
            last_step[r] = -1;
            last_heard[r] = now;
        }
    }
    error = MPI_Comm_dup(MPI_COMM_WORLD, &messages);
    if (error == MPI_SUCCESS) {
        error = MPI_Comm_dup(MPI_COMM_WORLD, &pairs);
    }
    if (error != MPI_SUCCESS) {
        return mpi_status(error);
    }
    MPI_Comm_set_errhandler(messages, MPI_ERRORS_RETURN);
    MPI_Comm_set_errhandler(pairs, MPI_ERRORS_RETURN);
    ready = 1;
    return AIBM_OK;
}

int aibm_is_initialized(void) { return ready; }

int aibm_finalize(void) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    ready = 0;
    int finalized = 0;
    MPI_Finalized(&finalized);
    if (finalized || !initialized_here) {
        return AIBM_OK;
    }
    return mpi_status(MPI_Finalize());
}

void aibm_abort(int code) { MPI_Abort(MPI_COMM_WORLD, code); }

int aibm_processor_name(char *buffer, int length) {
    if (!buffer || length < 1) {
        return AIBM_E_INVALID;
    }
    char name[MPI_MAX_PROCESSOR_NAME + 1];
    int written = 0;
    int error = MPI_Get_processor_name(name, &written);
    if (error != MPI_SUCCESS) {
        return mpi_status(error);
    }
    name[written] = '\0';
    strncpy(buffer, name, (size_t)length - 1);
    buffer[length - 1] = '\0';
    return AIBM_OK;
}

double aibm_wtime(void) { return MPI_Wtime(); }

int aibm_barrier(void) { return ready ? mpi_status(MPI_Barrier(MPI_COMM_WORLD)) : AIBM_E_NOT_INIT; }

int aibm_bcast_bytes(void *buffer, int64_t bytes, int root) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    if ((!buffer && bytes > 0) || bytes < 0) {
        return AIBM_E_INVALID;
    }
    if (bytes > 0x7fffffff) {
        return AIBM_E_TOO_LARGE;
    }
    return mpi_status(MPI_Bcast(buffer, (int)bytes, MPI_BYTE, root, MPI_COMM_WORLD));
}

int aibm_allgather_bytes(const void *send, void *receive, int bytes_per_rank) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    if (!send || !receive || bytes_per_rank < 0) {
        return AIBM_E_INVALID;
    }
    return mpi_status(MPI_Allgather(send, bytes_per_rank, MPI_BYTE, receive, bytes_per_rank, MPI_BYTE, MPI_COMM_WORLD));
}

int aibm_sum_f64(double *values, int count) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    return values ? mpi_status(MPI_Allreduce(MPI_IN_PLACE, values, count, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD))
                  : AIBM_E_INVALID;
}

int aibm_sum_i64(int64_t *values, int count) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    return values ? mpi_status(MPI_Allreduce(MPI_IN_PLACE, values, count, MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD))
                  : AIBM_E_INVALID;
}

static int to_datatype(int dtype, MPI_Datatype *type) {
    switch (dtype) {
    case AIBM_FLOAT32: *type = MPI_FLOAT; return AIBM_OK;
    case AIBM_FLOAT64: *type = MPI_DOUBLE; return AIBM_OK;
    default: return AIBM_E_INVALID;
    }
}

static int to_op(int op, MPI_Op *mpi_op) {
    switch (op) {
    case AIBM_SUM: *mpi_op = MPI_SUM; return AIBM_OK;
    case AIBM_PROD: *mpi_op = MPI_PROD; return AIBM_OK;
    case AIBM_MIN: *mpi_op = MPI_MIN; return AIBM_OK;
    case AIBM_MAX: *mpi_op = MPI_MAX; return AIBM_OK;
    default: return AIBM_E_INVALID;
    }
}

/* The resolved arguments of one collective, so the timed loop does no argument checking. */
typedef struct {
    int collective;
    const void *send;
    void *receive;
    int count;
    MPI_Datatype type;
    MPI_Op op;
    int root;
} call_t;

static int prepare(call_t *call, int collective, int dtype, int op, const void *send, void *receive, int64_t count,
                   int root, int inplace) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    if (collective < AIBM_ALLREDUCE || collective > AIBM_ALLTOALL || count < 0 || !receive) {
        return AIBM_E_INVALID;
    }
    if (count > 0x7fffffff) {
        return AIBM_E_TOO_LARGE;
    }
    int status = to_datatype(dtype, &call->type);
    if (status == AIBM_OK) {
        status = to_op(op, &call->op);
    }
    if (status != AIBM_OK) {
        return status;
    }
    if (!inplace && !send && collective != AIBM_BROADCAST) {
        return AIBM_E_INVALID;
    }
    call->collective = collective;
    call->send = inplace ? MPI_IN_PLACE : send;
    call->receive = receive;
    call->count = (int)count;
    call->root = root;
    return AIBM_OK;
}

static inline int invoke(const call_t *c) {
    switch (c->collective) {
    case AIBM_ALLREDUCE:
        return MPI_Allreduce(c->send, c->receive, c->count, c->type, c->op, MPI_COMM_WORLD);
    case AIBM_ALLGATHER:
        return MPI_Allgather(c->send, c->count, c->type, c->receive, c->count, c->type, MPI_COMM_WORLD);
    case AIBM_REDUCESCATTER:
        return MPI_Reduce_scatter_block(c->send, c->receive, c->count, c->type, c->op, MPI_COMM_WORLD);
    case AIBM_BROADCAST:
        return MPI_Bcast(c->receive, c->count, c->type, c->root, MPI_COMM_WORLD);
    default:
        return MPI_Alltoall(c->send, c->count, c->type, c->receive, c->count, c->type, MPI_COMM_WORLD);
    }
}

/* Rank 0: takes every note that has arrived. Matched probes (MPI_Improbe/MPI_Mrecv) and a lock, because the liveness
 * monitor and a timed-out step may both drain from different threads. */
static int drain(void) {
    if (!last_step || !last_heard) {
        return AIBM_OK;
    }
    pthread_mutex_lock(&notes_lock);
    int result = AIBM_OK;
    for (;;) {
        int pending = 0;
        MPI_Message message;
        MPI_Status status;
        int error = MPI_Improbe(MPI_ANY_SOURCE, MPI_ANY_TAG, notes, &pending, &message, &status);
        if (error != MPI_SUCCESS) {
            result = mpi_status(error);
            break;
        }
        if (!pending) {
            break;
        }
        int value = -1;
        MPI_Mrecv(&value, 1, MPI_INT, &message, MPI_STATUS_IGNORE);
        last_heard[status.MPI_SOURCE] = MPI_Wtime();
        if (status.MPI_TAG == NOTE_STEP_TAG && value > last_step[status.MPI_SOURCE]) {
            last_step[status.MPI_SOURCE] = value;
        }
    }
    pthread_mutex_unlock(&notes_lock);
    return result;
}

/* Rank 0's queries about the other ranks: checks that notes are kept and `count` covers every rank, then takes in
 * every note that has arrived; writes the number of ranks. */
static int take_notes(const void *out, int count, int *size) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    if (notes == MPI_COMM_NULL || !last_step || !last_heard || !out) {
        return AIBM_E_INVALID;
    }
    MPI_Comm_size(notes, size);
    return count < *size ? AIBM_E_INVALID : drain();
}

int aibm_reached(int step, int *flags, int count) {
    int size = 0;
    int status = take_notes(flags, count, &size);
    if (status != AIBM_OK) {
        return status;
    }
    for (int r = 0; r < size; r++) {
        flags[r] = r == 0 || last_step[r] >= step;
    }
    return AIBM_OK;
}

int aibm_announce(int step) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    if (notes == MPI_COMM_NULL) {
        return AIBM_OK; /* no thread support: nothing to tell */
    }
    int rank = 0;
    MPI_Comm_rank(notes, &rank);
    if (rank == 0) {
        return last_step ? drain() : AIBM_OK; /* keep the queue of notes short */
    }
    pthread_mutex_lock(&notes_lock);
    int *buffer = &note_buffers[note_next++ % 64];
    pthread_mutex_unlock(&notes_lock);
    *buffer = step;
    MPI_Request request;
    int error = MPI_Isend(buffer, 1, MPI_INT, 0, NOTE_STEP_TAG, notes, &request);
    if (error == MPI_SUCCESS) {
        error = MPI_Request_free(&request);
    }
    return mpi_status(error);
}

int aibm_collective(int collective, int dtype, int op, const void *send, void *receive, int64_t count, int root,
                    int inplace) {
    call_t call;
    int status = prepare(&call, collective, dtype, op, send, receive, count, root, inplace);
    return status != AIBM_OK ? status : mpi_status(invoke(&call));
}

int aibm_time(int collective, int dtype, int op, const void *send, void *receive, int64_t count, int root, int inplace,
              int warmup, int iterations, double *seconds) {
    if (!seconds || warmup < 0 || iterations < 1) {
        return AIBM_E_INVALID;
    }
    call_t call;
    int status = prepare(&call, collective, dtype, op, send, receive, count, root, inplace);
    if (status != AIBM_OK) {
        return status;
    }
    for (int i = 0; i < warmup; i++) {
        int error = invoke(&call);
        if (error != MPI_SUCCESS) {
            return mpi_status(error);
        }
    }
    int error = MPI_Barrier(MPI_COMM_WORLD);
    if (error != MPI_SUCCESS) {
        return mpi_status(error);
    }
    double start = MPI_Wtime();
    for (int i = 0; i < iterations; i++) {
        error = invoke(&call);
        if (error != MPI_SUCCESS) {
            return mpi_status(error);
        }
    }
    *seconds = MPI_Wtime() - start;
    return AIBM_OK;
}

/* Inputs: 1..13 for sum/min/max (a sum over 2^20 ranks stays below 2^24, exact in float32); 1 or 2 for prod
 * (a product is a power of two, exact while it stays below 2^127 — up to 127 ranks). */
double aibm_input_value(int op, int rank, int64_t index) {
    int64_t k = index * 7 + (int64_t)rank * 3;
    if (op == AIBM_PROD) {
        return (k % 5 == 0) ? 2.0 : 1.0;
    }
    return (double)(k % 13 + 1);
}

int aibm_fill(int dtype, int op, void *buffer, int64_t n, int rank, int64_t first_index, int corrupt) {
    if ((!buffer && n > 0) || n < 0 || first_index < 0 || op < AIBM_SUM || op > AIBM_MAX) {
        return AIBM_E_INVALID;
    }
    double add = corrupt ? 1.0 : 0.0;
    if (dtype == AIBM_FLOAT32) {
        float *p = buffer;
        for (int64_t i = 0; i < n; i++) {
            p[i] = (float)(aibm_input_value(op, rank, first_index + i) + add);
        }
    } else if (dtype == AIBM_FLOAT64) {
        double *p = buffer;
        for (int64_t i = 0; i < n; i++) {
            p[i] = aibm_input_value(op, rank, first_index + i) + add;
        }
    } else {
        return AIBM_E_INVALID;
    }
    return AIBM_OK;
}

static double reduce_expected(int op, int size, int64_t index) {
    double result = aibm_input_value(op, 0, index);
    for (int r = 1; r < size; r++) {
        double v = aibm_input_value(op, r, index);
        switch (op) {
        case AIBM_SUM: result += v; break;
        case AIBM_PROD: result *= v; break;
        case AIBM_MIN: result = v < result ? v : result; break;
        default: result = v > result ? v : result; break;
        }
    }
    return result;
}

/* The exact value of output element i on `rank`. */
static double expected(int collective, int op, int64_t count, int rank, int size, int root, int64_t i) {
    switch (collective) {
    case AIBM_ALLREDUCE: return reduce_expected(op, size, i);
    case AIBM_ALLGATHER: return aibm_input_value(op, (int)(i / count), i % count);
    case AIBM_REDUCESCATTER: return reduce_expected(op, size, (int64_t)rank * count + i);
    case AIBM_BROADCAST: return aibm_input_value(op, root, i);
    default: /* block j came from rank j: its block for us */
        return aibm_input_value(op, (int)(i / count), (int64_t)rank * count + i % count);
    }
}

int aibm_check(int collective, int dtype, int op, const void *output, int64_t count, int rank, int size, int root,
               int64_t *checked, int64_t *wrong) {
    if (!output || !checked || !wrong || count < 0 || size < 1 || rank < 0 || rank >= size ||
        collective < AIBM_ALLREDUCE || collective > AIBM_ALLTOALL || op < AIBM_SUM || op > AIBM_MAX ||
        (dtype != AIBM_FLOAT32 && dtype != AIBM_FLOAT64)) {
        return AIBM_E_INVALID;
    }
    int64_t n = (collective == AIBM_ALLGATHER || collective == AIBM_ALLTOALL) ? count * size : count;
    int64_t bad = 0;
    for (int64_t i = 0; i < n; i++) {
        double want = expected(collective, op, count, rank, size, root, i);
        double got = dtype == AIBM_FLOAT32 ? (double)((const float *)output)[i] : ((const double *)output)[i];
        bad += got != want;
    }
    *checked = n;
    *wrong = bad;
    return AIBM_OK;
}

static const int heartbeat_value = 1;
static MPI_Request heartbeats[8];

/* A heartbeat is a non-blocking send, but Open MPI only moves it (and opens the connection to rank 0 the first time)
 * inside its progress engine, which runs during MPI calls: a rank busy computing would fall silent although alive.
 * So every beat also tests the earlier beats, which drives progress; a beat whose slot is still in flight is skipped
 * rather than piling up sends. */
int aibm_heartbeat(void) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    if (notes == MPI_COMM_NULL) {
        return AIBM_OK;
    }
    int rank = 0;
    MPI_Comm_rank(notes, &rank);
    if (rank == 0) {
        return drain();
    }
    static int initialised;
    pthread_mutex_lock(&notes_lock);
    if (!initialised) {
        for (int i = 0; i < 8; i++) {
            heartbeats[i] = MPI_REQUEST_NULL;
        }
        initialised = 1;
    }
    int error = MPI_SUCCESS;
    int free_slot = -1;
    for (int i = 0; i < 8 && error == MPI_SUCCESS; i++) {
        int done = 0;
        error = MPI_Test(&heartbeats[i], &done, MPI_STATUS_IGNORE);
        if (done && free_slot < 0) {
            free_slot = i;
        }
    }
    if (error == MPI_SUCCESS && free_slot >= 0) {
        error = MPI_Isend(&heartbeat_value, 1, MPI_INT, 0, NOTE_HEARTBEAT_TAG, notes, &heartbeats[free_slot]);
    }
    pthread_mutex_unlock(&notes_lock);
    return mpi_status(error);
}

int aibm_silence(double *seconds, int count) {
    int size = 0;
    int status = take_notes(seconds, count, &size);
    if (status != AIBM_OK) {
        return status;
    }
    double now = MPI_Wtime();
    pthread_mutex_lock(&notes_lock);
    for (int r = 0; r < size; r++) {
        seconds[r] = r == 0 ? 0.0 : now - last_heard[r];
    }
    pthread_mutex_unlock(&notes_lock);
    return AIBM_OK;
}

int aibm_send_to_root(const void *buffer, int64_t bytes, int tag) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    if ((!buffer && bytes > 0) || bytes < 0 || tag < 0) {
        return AIBM_E_INVALID;
    }
    if (bytes > 0x7fffffff) {
        return AIBM_E_TOO_LARGE;
    }
    return mpi_status(MPI_Send(buffer, (int)bytes, MPI_BYTE, 0, tag, messages));
}

int aibm_receive_any(int tag, void **buffer, int64_t *bytes, int *source) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    if (!buffer || !bytes || !source || tag < 0) {
        return AIBM_E_INVALID;
    }
    int pending = 0;
    MPI_Message message;
    MPI_Status status;
    int error = MPI_Improbe(MPI_ANY_SOURCE, tag, messages, &pending, &message, &status);
    if (error != MPI_SUCCESS) {
        return mpi_status(error);
    }
    if (!pending) {
        return 0;
    }
    int count = 0;
    MPI_Get_count(&status, MPI_BYTE, &count);
    void *data = malloc(count > 0 ? (size_t)count : 1);
    if (!data) {
        return AIBM_E_INVALID;
    }
    error = MPI_Mrecv(data, count, MPI_BYTE, &message, MPI_STATUS_IGNORE);
    if (error != MPI_SUCCESS) {
        free(data);
        return mpi_status(error);
    }
    *buffer = data;
    *bytes = count;
    *source = status.MPI_SOURCE;
    return 1;
}

void aibm_free(void *buffer) { free(buffer); }

#define PAIR_HANDSHAKE_TAG 10
#define PAIR_DATA_TAG 11
#define PAIR_ACK_TAG 12
#define PAIR_MAX_WINDOW 256

static int pair_check(int peer, const void *buffer, int64_t bytes, double *seconds) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    int size = 0;
    MPI_Comm_size(pairs, &size);
    if (!buffer || !seconds || bytes < 0 || peer < 0 || peer >= size) {
        return AIBM_E_INVALID;
    }
    return bytes > 0x7fffffff ? AIBM_E_TOO_LARGE : AIBM_OK;
}

static int handshake(int peer) {
    char out = 1, in = 0;
    return MPI_Sendrecv(&out, 1, MPI_BYTE, peer, PAIR_HANDSHAKE_TAG, &in, 1, MPI_BYTE, peer, PAIR_HANDSHAKE_TAG, pairs,
                        MPI_STATUS_IGNORE);
}

int aibm_pair_exchange_int(int peer, int mine, int *theirs) {
    if (!ready) {
        return AIBM_E_NOT_INIT;
    }
    if (!theirs) {
        return AIBM_E_INVALID;
    }
    return mpi_status(MPI_Sendrecv(&mine, 1, MPI_INT, peer, PAIR_HANDSHAKE_TAG, theirs, 1, MPI_INT, peer,
                                   PAIR_HANDSHAKE_TAG, pairs, MPI_STATUS_IGNORE));
}

int aibm_pair_stream(int peer, int sender, void *buffer, int64_t bytes, int window, int rounds, double *seconds) {
    int status = pair_check(peer, buffer, bytes, seconds);
    if (status != AIBM_OK) {
        return status;
    }
    if (window < 1 || window > PAIR_MAX_WINDOW || rounds < 1) {
        return AIBM_E_INVALID;
    }
    MPI_Request requests[PAIR_MAX_WINDOW];
    int error = handshake(peer);
    double start = MPI_Wtime();
    for (int r = 0; r < rounds && error == MPI_SUCCESS; r++) {
        for (int w = 0; w < window && error == MPI_SUCCESS; w++) {
            error = sender ? MPI_Isend(buffer, (int)bytes, MPI_BYTE, peer, PAIR_DATA_TAG, pairs, &requests[w])
                           : MPI_Irecv(buffer, (int)bytes, MPI_BYTE, peer, PAIR_DATA_TAG, pairs, &requests[w]);
        }
        if (error == MPI_SUCCESS) {
            error = MPI_Waitall(window, requests, MPI_STATUSES_IGNORE);
        }
    }
    char ack = 0;
    if (error == MPI_SUCCESS) {
        error = sender ? MPI_Recv(&ack, 1, MPI_BYTE, peer, PAIR_ACK_TAG, pairs, MPI_STATUS_IGNORE)
                       : MPI_Send(&ack, 1, MPI_BYTE, peer, PAIR_ACK_TAG, pairs);
    }
    *seconds = MPI_Wtime() - start;
    return mpi_status(error);
}

int aibm_pair_bidirectional(int peer, void *buffer, int64_t bytes, int window, int rounds, double *seconds) {
    int status = pair_check(peer, buffer, bytes, seconds);
    if (status != AIBM_OK) {
        return status;
    }
    if (window < 1 || window > PAIR_MAX_WINDOW || rounds < 1) {
        return AIBM_E_INVALID;
    }
    MPI_Request requests[2 * PAIR_MAX_WINDOW];
    char *send = buffer;
    char *receive = send + bytes;
    int error = handshake(peer);
    double start = MPI_Wtime();
    for (int r = 0; r < rounds && error == MPI_SUCCESS; r++) {
        int posted = 0;
        for (int w = 0; w < window && error == MPI_SUCCESS; w++) {
            error = MPI_Irecv(receive, (int)bytes, MPI_BYTE, peer, PAIR_DATA_TAG, pairs, &requests[posted++]);
        }
        for (int w = 0; w < window && error == MPI_SUCCESS; w++) {
            error = MPI_Isend(send, (int)bytes, MPI_BYTE, peer, PAIR_DATA_TAG, pairs, &requests[posted++]);
        }
        if (error == MPI_SUCCESS) {
            error = MPI_Waitall(posted, requests, MPI_STATUSES_IGNORE);
        }
    }
    *seconds = MPI_Wtime() - start;
    return mpi_status(error);
}

int aibm_pair_pingpong(int peer, void *buffer, int64_t bytes, int iterations, double *seconds) {
    int status = pair_check(peer, buffer, bytes, seconds);
    if (status != AIBM_OK) {
        return status;
    }
    if (iterations < 1) {
        return AIBM_E_INVALID;
    }
    int rank = 0;
    MPI_Comm_rank(pairs, &rank);
    int first = rank < peer;
    int error = handshake(peer);
    double start = MPI_Wtime();
    for (int i = 0; i < iterations && error == MPI_SUCCESS; i++) {
        if (first) {
            error = MPI_Send(buffer, (int)bytes, MPI_BYTE, peer, PAIR_DATA_TAG, pairs);
            if (error == MPI_SUCCESS) {
                error = MPI_Recv(buffer, (int)bytes, MPI_BYTE, peer, PAIR_DATA_TAG, pairs, MPI_STATUS_IGNORE);
            }
        } else {
            error = MPI_Recv(buffer, (int)bytes, MPI_BYTE, peer, PAIR_DATA_TAG, pairs, MPI_STATUS_IGNORE);
            if (error == MPI_SUCCESS) {
                error = MPI_Send(buffer, (int)bytes, MPI_BYTE, peer, PAIR_DATA_TAG, pairs);
            }
        }
    }
    *seconds = (MPI_Wtime() - start) / (2.0 * iterations);
    return mpi_status(error);
}
