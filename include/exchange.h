/*
 * exchange.h - import and export: a folder per dossier (named after it),
 * a text file per note (named after its date, "2024-03-01T103000.txt").
 */
#ifndef CARNET_EXCHANGE_H
#define CARNET_EXCHANGE_H

#include <stddef.h>
#include <time.h>

#include "store.h"
#include "util.h"

/* Import: what came in (or would) for one dossier. */
struct exchange_dossier {
	long long	 id;		/* 0: a new one, in a dry run */
	char		*name;
	int		 made;		/* new with this import */
	size_t		 notes, already;
	time_t		 first, last;	/* the notes' dates, when NOTES */
};

struct exchange_report {
	size_t	 dossiers;	/* created (import) or written (export) */
	size_t	 notes;		/* added or written */
	size_t	 already;	/* import: notes already there, skipped */
	size_t	 converted;	/* import: notes read as Windows-1252 */
	char	**bad;		/* import: "path: why" of each file skipped */
	size_t	 nbad;
	char	**undated;	/* import: each document's text before its
				 * first date, said */
	size_t	 nundated;
	struct exchange_dossier *per;	/* import: by dossier */
	size_t	 nper;
	int	 dry;		/* import: nothing was written */
};

/* Take DIR in one transaction: a folder per dossier, or a document
 * (.docx, .odt, .doc) per person named after them; in a folder, a file
 * per note or documents.  A note file's date comes from its name when it
 * starts with one, else from the file's modification time; a document
 * gives a note per dated entry (document.h).  A note already there is
 * not added again; a file in Windows-1252 (not UTF-8, yet every byte a
 * character of it) is converted and counted; Windows' line ends become
 * carnet's; a file or document that is not text, empty, unreadable or
 * hostile is listed in the report and skipped.  DIR may also be one
 * document.  DRY: the report says what would come in, and nothing is
 * written.  With PROGRESS, a count on standard error.  DIR is never
 * changed. */
int	exchange_import(struct store *, const char *dir, int dry,
	    int progress, struct exchange_report *, struct error *);
/* Write every dossier and note under DIR, which must be empty or new.
 * The files are NOT encrypted. */
int	exchange_export(struct store *, const char *dir,
	    struct exchange_report *, struct error *);
void	exchange_report_free(struct exchange_report *);

#endif
