/* aib_io_target_info (aibench_io.h): what a storage.io target is, in one call, before anything is created. */
#define _GNU_SOURCE
#include "aibench_io.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

int aib_io_target_info(const char *path, struct aib_io_target *out)
{
    if (!path || !out) {
        return AIB_E_IO_INVALID;
    }
    memset(out, 0, sizeof *out);
    struct stat st;
    if (stat(path, &st) != 0) {
        out->kind = AIB_IO_TARGET_MISSING;
        out->stat_errno = errno;
        return AIB_OK;
    }
    out->readable = access(path, R_OK) == 0;
    out->writable = access(path, W_OK) == 0;
    if (S_ISBLK(st.st_mode)) {
        out->kind = AIB_IO_TARGET_BLOCK;
        out->dev_major = major(st.st_rdev);
        out->dev_minor = minor(st.st_rdev);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            uint64_t bytes = 0;
            if (ioctl(fd, BLKGETSIZE64, &bytes) == 0) {
                out->size = bytes;
            }
            close(fd);
        }
        return AIB_OK;
    }
    out->kind = S_ISREG(st.st_mode) ? AIB_IO_TARGET_FILE : S_ISDIR(st.st_mode) ? AIB_IO_TARGET_DIRECTORY : AIB_IO_TARGET_OTHER;
    out->size = (uint64_t)st.st_size;
    out->first_hole = out->size;
    if (S_ISREG(st.st_mode)) {
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            off_t hole = lseek(fd, 0, SEEK_HOLE);
            if (hole >= 0 && (uint64_t)hole < out->size) {
                out->first_hole = (uint64_t)hole;
            }
            close(fd);
        }
    }
    out->dev_major = major(st.st_dev);
    out->dev_minor = minor(st.st_dev);
    struct statfs sfs;
    if (statfs(path, &sfs) == 0) {
        out->fs_type = (uint64_t)sfs.f_type;
    }
    struct statvfs svfs;
    if (statvfs(path, &svfs) == 0) {
        out->fs_free = (uint64_t)svfs.f_bavail * (uint64_t)svfs.f_frsize;
    }
    return AIB_OK;
}
