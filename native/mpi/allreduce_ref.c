/*
 * The reference for AiBench's harness overhead: a minimal C loop around MPI_Allreduce, timed the way
 * aibm_time times it (warm-up, barrier, MPI_Wtime around the loop), no shim in between.
 *   mpirun -np 2 build/native/allreduce_ref [bytes=67108864] [iterations=20] [warmup=5] [repetitions=5]
 * Prints one line per repetition and the median: time per operation in seconds, algbw and busbw in GB/s.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    long long bytes = argc > 1 ? atoll(argv[1]) : 64LL << 20;
    int iterations = argc > 2 ? atoi(argv[2]) : 20;
    int warmup = argc > 3 ? atoi(argv[3]) : 5;
    int repetitions = argc > 4 ? atoi(argv[4]) : 5;
    if (bytes < 4 || iterations < 1 || warmup < 0 || repetitions < 1 || repetitions > 1000) {
        if (rank == 0) {
            fprintf(stderr, "usage: allreduce_ref [bytes] [iterations] [warmup] [repetitions]\n");
        }
        MPI_Finalize();
        return 2;
    }
    int count = (int)(bytes / sizeof(float));
    float *send = malloc((size_t)count * sizeof(float));
    float *receive = malloc((size_t)count * sizeof(float));
    for (int i = 0; i < count; i++) {
        send[i] = (float)(i % 13 + 1);
    }
    double times[1000];
    for (int r = 0; r < repetitions; r++) {
        for (int i = 0; i < warmup; i++) {
            MPI_Allreduce(send, receive, count, MPI_FLOAT, MPI_SUM, MPI_COMM_WORLD);
        }
        MPI_Barrier(MPI_COMM_WORLD);
        double start = MPI_Wtime();
        for (int i = 0; i < iterations; i++) {
            MPI_Allreduce(send, receive, count, MPI_FLOAT, MPI_SUM, MPI_COMM_WORLD);
        }
        double t = (MPI_Wtime() - start) / iterations;
        MPI_Allreduce(MPI_IN_PLACE, &t, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        times[r] = t / size; /* averaged over ranks, as nccl-tests and AiBench do */
        if (rank == 0) {
            double algbw = (double)count * sizeof(float) / times[r] / 1e9;
            printf("rep %d  time %.6f s  algbw %.3f GB/s  busbw %.3f GB/s\n", r, times[r], algbw,
                   algbw * 2.0 * (size - 1) / size);
        }
    }
    qsort(times, (size_t)repetitions, sizeof(double), compare);
    double median = repetitions % 2 ? times[repetitions / 2]
                                    : (times[repetitions / 2 - 1] + times[repetitions / 2]) / 2;
    if (rank == 0) {
        double algbw = (double)count * sizeof(float) / median / 1e9;
        printf("median time %.6f s  algbw %.3f GB/s  busbw %.3f GB/s  ranks %d  bytes %lld\n", median, algbw,
               algbw * 2.0 * (size - 1) / size, size, (long long)count * (long long)sizeof(float));
    }
    free(send);
    free(receive);
    MPI_Finalize();
    return 0;
}
