/*
 * backup.c - a backup: one function for the command line ("carnet
 * backup") and the screens (^B), so that both check the place, write and
 * check the copy, and record it in the same way.
 */
#include <stdlib.h>
#include <string.h>

#include "backup.h"

int
backup_make(struct store *st, const char *dest, struct backup_made *made,
    struct error *err)
{
	struct notebook *nb = store_notebook(st);

	memset(made, 0, sizeof(*made));
	if (notebook_backup_place(nb, dest, &made->same_disk, err) == -1 ||
	    notebook_backup(nb, dest, &made->written, err) == -1)
		return -1;
	/* The copy is made and checked whatever follows: only the record
	 * that the screens' reminder reads can still fail. */
	made->recorded = store_backup_done(st, util_now(), made->written,
	    &made->unrecorded) == 0;
	return 0;
}
