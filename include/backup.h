/*
 * backup.h - a backup as the command line and the screens make it alike:
 * the place checked, the encrypted copy written and checked
 * (notebook_backup()), then recorded for the screens' reminder.  Each
 * front end keeps only its dialog: which place, and what it says.
 */
#ifndef CARNET_BACKUP_H
#define CARNET_BACKUP_H

#include "store.h"
#include "util.h"

struct backup_made {
	char		*written;	/* the copy's path, to free */
	int		 same_disk;	/* on the notebook's own disk */
	int		 recorded;	/* 0: the copy is made, but the
					 * reminder will not know (UNRECORDED
					 * says why) */
	struct error	 unrecorded;
};

/* 0 with MADE filled, or -1 with ERR when no checked copy was made. */
int	backup_make(struct store *, const char *dest, struct backup_made *,
	    struct error *);

#endif
