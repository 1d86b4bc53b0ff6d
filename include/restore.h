/*
 * restore.h - a backup compared with the notebook it would replace,
 * before anything happens: the command line and the first screen say
 * the same (what the copy holds; what would be lost, by dossier; what
 * would come back).  Putting it in place is notebook_stage() and
 * notebook_put_in_place().
 */
#ifndef CARNET_RESTORE_H
#define CARNET_RESTORE_H

#include <stddef.h>
#include <time.h>

#include "store.h"
#include "util.h"

struct restore_loss {
	long long	 dossier;
	char		*person;	/* as it must be shown */
	size_t		 notes;
};

struct restore_report {
	long long	 dossiers, notes;	/* in the copy */
	time_t		 last;		/* the copy's newest note, or 0 */
	int		 compared;	/* a notebook in place was read */
	/* Notes of the notebook in place that the copy lacks, or holds
	 * as they were before a change: lost by restoring, by dossier. */
	size_t		 newer;
	struct restore_loss *lost;
	size_t		 nlost;
	/* Notes of the copy destroyed since in the notebook in place:
	 * they come back. */
	size_t		 back;
};

/* What COPY holds, and, with HERE (the notebook in place; NULL when
 * there is none or it cannot be opened), how they differ. */
int	restore_compare(struct store *copy, struct store *here,
	    struct restore_report *, struct error *);
/* What the copy holds, in BUF, as the command line and the first
 * screen say it: "3 dossiers and 40 notes; its last note is of …". */
const char *restore_holds(const struct restore_report *, char *buf,
	    size_t size);
void	restore_report_free(struct restore_report *);

#endif
