/*
 * badkey.so - for tests/file/backup_checked.t: loaded with LD_PRELOAD, it
 * plays a USB key that damages what is written to it.  Every write at an
 * offset past the first page, to a file under the folder named by
 * $CARNET_BADKEY, has one byte flipped on its way, as a failing key or
 * cable would; every other write goes through as it is.
 */
#define _GNU_SOURCE
#include <sys/types.h>

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int
on_bad_key(int fd)
{
	const char *key = getenv("CARNET_BADKEY");
	char link[64], path[PATH_MAX];
	ssize_t n;

	if (key == NULL || key[0] == '\0')
		return 0;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if ((n = readlink(link, path, sizeof(path) - 1)) <= 0)
		return 0;
	path[n] = '\0';
	return strncmp(path, key, strlen(key)) == 0;
}

ssize_t
pwrite64(int fd, const void *buf, size_t len, off_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off_t);
	unsigned char *copy;
	ssize_t n;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "pwrite64");
	if (off < 4096 || len < 64 || !on_bad_key(fd))
		return real(fd, buf, len, off);
	if ((copy = malloc(len)) == NULL)
		return real(fd, buf, len, off);
	memcpy(copy, buf, len);
	copy[len / 2] ^= 0x20;
	n = real(fd, copy, len, off);
	free(copy);
	return n;
}

ssize_t
pwrite(int fd, const void *buf, size_t len, off_t off)
{
	return pwrite64(fd, buf, len, off);
}
