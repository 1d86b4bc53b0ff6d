/*
 * drives.h - the removable drives (USB keys, disks) mounted for the user,
 * where the screens put a backup.
 */
#ifndef CARNET_DRIVES_H
#define CARNET_DRIVES_H

#include <stddef.h>
#include <time.h>

struct drive {
	char	*path;		/* its mount point */
	char	*name;		/* its label, as the desktop names it */
};

/*
 * The folders the drives are mounted in: CONFIGURED (the configuration's
 * "drives") if it exists, else /media/USER and /run/media/USER, USER from
 * the password database, never from the environment, whether they exist
 * yet or not, and /media itself (usbmount, fstab).  A NULL-terminated
 * list to free with drives_roots_free().
 */
char	**drives_roots(const char *configured);
/* What the sandbox makes writable for ROOT, so that a key plugged in
 * later is reachable: ROOT when it exists; not yet, /media or /run/media
 * for /media/USER or /run/media/USER (folders where only mount points
 * appear); else NULL, nothing. */
const char *drives_grant(const char *root);
void	  drives_roots_free(char **);
/* The drives mounted in ROOTS now (a folder of a root that is another
 * filesystem than the root), by name: a list to free with drives_free. */
size_t	  drives_mounted(char *const *roots, struct drive **);
void	  drives_free(struct drive *, size_t);
/* A new file name for today's copy on drive D, "carnet-2026-12-02.db",
 * or "carnet-2026-12-02-2.db" when that one exists. */
char	 *drives_copy_name(const struct drive *, time_t now);

#endif
