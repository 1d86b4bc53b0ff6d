/*
 * paper.h - the paper: a dossier, a note, an access copy or the
 * information notice typeset as an A4 PDF (pango and cairo), and the PDF
 * sent to the printer through the print command's standard input.
 */
#ifndef CARNET_PAPER_H
#define CARNET_PAPER_H

#include <stddef.h>
#include <time.h>

#include "util.h"

struct paper_note {
	time_t		 created;	/* its date: the meeting's */
	time_t		 written;
	time_t		 updated;
	const char	*body;
	size_t		 len;
};

struct paper_doc {
	const char		*name;		/* the dossier, in the header */
	const char		*worker;	/* may be NULL */
	const char		*service;	/* may be NULL */
	time_t			 when;		/* the date printed */
	int			 for_person;	/* an access copy: a cover page
						 * addressed to the person */
	const struct paper_note	*notes;
	size_t			 nnotes;
	const char		*notice;	/* instead of notes: a text, its
						 * first line the title */
	/* Another dossier in the same PDF, from a new page, its pages
	 * numbered on their own (the day's filing), or NULL. */
	const struct paper_doc	*next;
};

/* A PDF in memory, wiped when freed: it is the notes in clear. */
struct paper_pdf {
	unsigned char	*bytes;
	size_t		 len, cap;
	int		 pages;
};

/* Typeset DOC.  0, or -1 with a message. */
int	paper_typeset(const struct paper_doc *, struct paper_pdf *,
	    struct error *);
void	paper_pdf_free(struct paper_pdf *);

/* How long a print command may run: SECONDS (0: as long as it takes),
 * and STOP, asked about ten times a second whether to give up (the
 * screens' lock key), or NULL. */
struct paper_wait {
	long		 seconds;
	int		(*stop)(void *);
	void		*arg;
};

/*
 * Send PDF to COMMAND (split into words, started without a shell; "lp"
 * gets -s, a neutral job title, and -d PRINTER when PRINTER is set).
 * 0 once the command has accepted the job (exit status 0); -1 with its
 * reason otherwise: not installed, no printer, CUPS not running, or it
 * was stopped (WAIT's time over, or its stop()).
 */
int	paper_print(const struct paper_pdf *, const char *command,
	    const char *printer, const struct paper_wait *, struct error *);
/* Write PDF to PATH (created 0600, refusing to replace a file). */
int	paper_save(const struct paper_pdf *, const char *path,
	    struct error *);

/*
 * carnet itself does not link pango and cairo: loading them is a third of
 * the start of every command, and most commands never print.  The
 * functions above are built into a module of their own, carnet-paper.so,
 * which exports this table; paper_load() finds and loads it on the first
 * print (paper_load.c).
 */
#define PAPER_ABI	4	/* raised whenever the table or structs change */

struct paper_module {
	unsigned	 abi;
	int		(*typeset)(const struct paper_doc *, struct paper_pdf *,
			    struct error *);
	void		(*pdf_free)(struct paper_pdf *);
	int		(*print)(const struct paper_pdf *, const char *,
			    const char *, const struct paper_wait *,
			    struct error *);
	int		(*save)(const struct paper_pdf *, const char *,
			    struct error *);
};

/* The module's table, or NULL with a message saying where it was looked
 * for.  Loaded once; later calls return the same table. */
const struct paper_module *paper_load(struct error *);

/* paper_french.c: S (LEN bytes) as French print spaces it: the space
 * before ":" made a no-break space, before ";", "!", "?" and inside « » a
 * narrow no-break space, so that none of them starts a line.  Wiped
 * memory, *OUT_LEN bytes. */
char	*paper_french_spacing(const char *s, size_t len, size_t *out_len);

#endif
