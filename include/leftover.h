/*
 * leftover.h - the copies of the notebook that a passphrase change or a
 * backup writes beside their target (TARGET.new-XXXXXX) before renaming
 * it over: one killed halfway leaves a whole encrypted copy behind, and
 * notes destroyed afterwards would stay readable in it with the old
 * passphrase.  The writer holds a lock on its copy; a copy that nobody
 * holds was left by a process that is gone, and is removed.
 */
#ifndef CARNET_LEFTOVER_H
#define CARNET_LEFTOVER_H

#include <stddef.h>

/* Mark the copy open on FD as being written, for as long as FD is open.
 * 0, or -1 when the file system cannot lock (the copy is then only
 * ever removed by its writer). */
int	leftover_claim(int fd);

/*
 * Remove the copies TARGET.new-XXXXXX beside TARGET that no living
 * process writes.  *REMOVED (added to) counts those removed; those that
 * could not be removed are appended to *STUCK, one path a line (a
 * string to free, or NULL when none).
 */
void	leftover_sweep(const char *target, size_t *removed, char **stuck);

#endif
