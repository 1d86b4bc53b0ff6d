/*
 * leftover.c - copies left behind by a passphrase change or a backup
 * killed halfway (leftover.h says why they matter).  A copy is
 * TARGET.new-XXXXXX, made by mkstemp() in notebook.c; its writer holds
 * flock(LOCK_EX) on it until it is renamed or removed, so a copy whose
 * lock can be taken belongs to no living process.  Only files of that
 * exact name, regular, and the user's own are ever removed.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "leftover.h"
#include "util.h"

/* What mkstemp() puts in place of XXXXXX. */
#define SUFFIX	".new-"
#define RANDOM	6

int
leftover_claim(int fd)
{
	return flock(fd, LOCK_EX | LOCK_NB);
}

/* What SQLite writes beside a copy while it fills it: gone with it. */
static const char *const companions[] = { "-journal", "-wal", "-shm" };

/* Is NAME BASE.new-XXXXXX (0: no; 1: yes; 2: one of its companions)? */
static int
is_copy_of(const char *name, const char *base)
{
	size_t len = strlen(base), i;

	if (strncmp(name, base, len) != 0 ||
	    strncmp(name + len, SUFFIX, strlen(SUFFIX)) != 0)
		return 0;
	name += len + strlen(SUFFIX);
	for (i = 0; i < RANDOM; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9')))
			return 0;
	if (name[RANDOM] == '\0')
		return 1;
	for (i = 0; i < sizeof(companions) / sizeof(companions[0]); i++)
		if (strcmp(name + RANDOM, companions[i]) == 0)
			return 2;
	return 0;
}

/* Remove the companions of the copy at PATH (removed, or gone). */
static void
remove_companions(const char *path)
{
	char *file;
	size_t i;

	for (i = 0; i < sizeof(companions) / sizeof(companions[0]); i++) {
		file = xasprintf("%s%s", path, companions[i]);
		(void)unlink(file);
		free(file);
	}
}

static void
add_stuck(char **stuck, const char *path, const char *why)
{
	char *was = *stuck;

	*stuck = xasprintf("%s%s%s: %s", was != NULL ? was : "",
	    was != NULL ? "\n" : "", path, why);
	free(was);
}

void
leftover_sweep(const char *target, size_t *removed, char **stuck)
{
	char *dcopy = xstrdup(target), *bcopy = xstrdup(target), *path;
	const char *dir = dirname(dcopy), *base = basename(bcopy);
	struct dirent *e;
	struct stat sb;
	DIR *d;
	int fd, kind;

	if ((d = opendir(dir)) == NULL) {
		free(dcopy);
		free(bcopy);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if ((kind = is_copy_of(e->d_name, base)) == 0)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		/* A journal whose copy is gone (killed as it was renamed or
		 * removed): nothing to wait for. */
		if (kind == 2) {
			path[strlen(path) - strlen(strrchr(path, '-'))] = '\0';
			if (lstat(path, &sb) == -1 && errno == ENOENT)
				remove_companions(path);
			free(path);
			continue;
		}
		/* Never a link, never a FIFO to block on, never another
		 * user's file. */
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd == -1 || fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) ||
		    sb.st_uid != geteuid()) {
			if (fd != -1)
				close(fd);
			free(path);
			continue;
		}
		/* Taken: a carnet is writing it now. */
		if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
			close(fd);
			free(path);
			continue;
		}
		if (unlink(path) == 0) {
			(*removed)++;
			remove_companions(path);
		} else
			add_stuck(stuck, path, strerror(errno));
		close(fd);
		free(path);
	}
	closedir(d);
	free(dcopy);
	free(bcopy);
}
