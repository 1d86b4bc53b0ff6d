/*
 * print.h - putting notes on paper: gather them from the store, typeset
 * them (paper.c), send them to the printer or to a file the user named,
 * and only then mark them as on paper.  Shared by the command line and
 * the screens.
 */
#ifndef CARNET_PRINT_H
#define CARNET_PRINT_H

#include <time.h>

#include "conf.h"
#include "store.h"
#include "util.h"

/* While the print command runs, STOP (when not NULL) is asked about ten
 * times a second whether to give up: the screens stay lockable.  The
 * command is stopped anyway after conf->print_timeout seconds. */
struct print_stop {
	int		(*stop)(void *);
	void		*arg;
};

struct print_request {
	long long	 dossier;
	long long	 note;		/* that note alone, or 0 */
	long long	 revision;	/* the note as it was shown, or 0:
					 * STORE_CHANGED if it is not */
	int		 all;		/* the notes on paper already too */
	int		 for_person;	/* the access copy: all, with a cover */
	const char	*output;	/* a PDF file instead of the printer */
	time_t		 since;		/* only the notes dated since */
	struct print_stop stop;
};

struct print_result {
	int		 pages;
	size_t		 notes;		/* 0: there was nothing to print */
	int		 marked;	/* the notes are now marked on paper, */
	size_t		 unmarked;	/* but for these, changed meanwhile */
	/* The notes as they went into the PDF, for print_mark() (NULL for
	 * the person's copy).  Only those still at that revision are
	 * marked: one changed while it printed, or before a PDF was said
	 * printed, is not the note on paper. */
	struct note_mark *marks;
	time_t		 when;
	long long	 pdf;		/* the PDF written, as recorded (its
					 * question answered by print_mark()),
					 * or 0 */
};

int	print_dossier(struct store *, const struct conf *,
	    const struct print_request *, struct print_result *,
	    struct error *);
/*
 * The end-of-day filing: each dossier with a note written since
 * RQ->since (whatever the meeting's date), in turn, handed to ONE as a
 * copy of RQ for that dossier; ONE prints it and says what it must (the
 * command line and the screens differ only there), returning -1 to stop.
 * How many dossiers there were goes in *DOSSIERS.  -1 with ERR when they
 * cannot be read.
 */
int	print_day(struct store *, const struct print_request *rq,
	    int (*one)(void *, const struct print_request *), void *arg,
	    size_t *dossiers, struct error *);
/* The day's filing as one PDF (no printer at her desk): every dossier
 * with a note written since RQ->since, each from a new page, its notes
 * not yet on paper (RQ->all: all of them), to RQ->output, recorded as
 * one PDF; *DOSSIERS says how many.  RES as print_dossier() leaves it. */
int	print_day_pdf(struct store *, const struct conf *,
	    const struct print_request *rq, struct print_result *res,
	    size_t *dossiers, struct error *);
/* A PDF written to a file was printed: mark its notes as on paper, those
 * unchanged since (res->unmarked says how many were not). */
int	print_mark(struct store *, struct print_result *, struct error *);
/* The sentence that names the notes print_mark() left unmarked ("Notes
 * 3, 7 were changed or moved meanwhile…"), in BUF; NULL when it left
 * none.  The command line and the screens say it alike. */
const char *print_unmarked(const struct print_result *, char *buf,
	    size_t size);
void	print_result_free(struct print_result *);
/* The information notice for the people written about. */
int	print_notice(const struct conf *, const char *output,
	    const struct print_stop *, struct print_result *,
	    struct error *);
/*
 * Does this computer's print server (CUPS, its cupsd.conf in
 * $CUPS_SERVERROOT or /etc/cups) keep each printed PDF in its spool, in
 * clear?  1 with *SECONDS how long (-1: as long as its job history), 0
 * when it keeps none, -1 when that cannot be read.
 */
int	print_spool_keeps(long *seconds);
/*
 * What the print server says, in lpstat's words (SAID, its first line),
 * of the default printer, or of PRINTER when not NULL: 0 when it will
 * print, 1 when it will not, -1 when lpstat cannot be asked
 * (print_server.c).
 */
int	print_server_says(const char *printer, char *said, size_t size);

#endif
