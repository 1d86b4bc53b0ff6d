/*
 * exchange.h - import and export: a folder per dossier (named after it),
 * a text file per note (named after its date, "2024-03-01T103000.txt").
 */
#ifndef CARNET_EXCHANGE_H
#define CARNET_EXCHANGE_H

#include <stddef.h>

#include "store.h"
#include "util.h"

struct exchange_report {
	size_t	 dossiers;	/* created (import) or written (export) */
	size_t	 notes;		/* added or written */
	size_t	 already;	/* import: notes already there, skipped */
	size_t	 converted;	/* import: notes read as Windows-1252 */
	char	**bad;		/* import: "path: why" of each file skipped */
	size_t	 nbad;
};

/* Take DIR in one transaction: a note's date comes from its file name
 * when it starts with one, else from the file's modification time.  A
 * note already there is not added again; a file in Windows-1252 (not
 * UTF-8, yet every byte a character of it) is converted and counted; a
 * file that is not text, empty or unreadable is listed in the report and
 * skipped.  With
 * PROGRESS, a count on standard error.  DIR is never changed. */
int	exchange_import(struct store *, const char *dir, int progress,
	    struct exchange_report *, struct error *);
/* Write every dossier and note under DIR, which must be empty or new.
 * The files are NOT encrypted. */
int	exchange_export(struct store *, const char *dir,
	    struct exchange_report *, struct error *);
void	exchange_report_free(struct exchange_report *);

#endif
