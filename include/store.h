/*
 * store.h - dossiers, notes, drafts and search, kept in the notebook.
 * The only part that speaks SQL (its rooms: store_int.h).  Every change
 * is one transaction.
 */
#ifndef CARNET_STORE_H
#define CARNET_STORE_H

#include <stddef.h>
#include <time.h>

#include "notebook.h"
#include "util.h"

/* The schema this carnet writes (PRAGMA user_version). */
#define STORE_VERSION 7

struct store;

/*
 * What the store's functions return: 0, or -1 with ERR saying why, or,
 * where a function says so, one of the answers below (ERR says it too).
 */
enum store_status {
	STORE_OK = 0,
	STORE_FAILED = -1,
	/* What was shown changed or went away since (another window). */
	STORE_CHANGED = -2,
	/* No such row: inside the store only, told apart from an error. */
	STORE_MISSING = -3,
	/* A dossier already has that name, or so but for accents and case. */
	STORE_SAME = -4,
	/* What was typed names several dossiers. */
	STORE_SEVERAL = -5
};

struct dossier {
	long long	 id;
	char		*name;
	time_t		 created;
	time_t		 closed;	/* 0 while open */
	long		 notes;
	long		 unprinted;
	time_t		 last;		/* last note, or 0 */
	long		 destroyed;	/* notes printed, then destroyed */
	time_t		 destroyed_at;	/* the last time, or 0 */
	long		 numbered;	/* the last note number given here */
	long		 homonyms;	/* other dossiers of that name */
	char		*person;	/* the name as it must be shown to
					 * name one person: with its number
					 * when HOMONYMS (util_person()) */
};

/* The longest note, and the longest dossier name, in bytes. */
#define STORE_NOTE_MAX	(64L * 1024 * 1024)
#define STORE_NAME_MAX	200

/*
 * A note's id is its identity: fixed at birth, never given again, kept
 * through edits, new dates, moves and upgrades; everything that holds a
 * note across a wait holds its id (and the revision it showed).  Its
 * number is what people see and type ("#3"): fixed while it stays in its
 * dossier, never given twice there.  What sorts notes is their date, and
 * the store's own key beside it, which no caller sees.
 */
struct note {
	long long	 id;
	long long	 dossier;
	long		 number;	/* in its dossier */
	time_t		 created;	/* its date: the meeting's */
	time_t		 written;	/* when it was first written */
	time_t		 updated;	/* when its text last changed */
	time_t		 printed;	/* 0 when not on paper */
	char		*body;
	size_t		 len;
	long long	 revision;	/* new at each change of its text or
					 * date, never the same twice */
};

struct hit {
	long long	 dossier;
	char		*name;
	char		*person;	/* as struct dossier's */
	long long	 note;		/* 0 when the dossier's name matched */
	long		 number;	/* the note's, in its dossier */
	long long	 sort;		/* where the next page starts
					 * (store_search()'s BEFORE) */
	time_t		 created;
	char		*snippet;	/* NULL for a name match */
};

struct draft {
	long long	 id;
	long long	 dossier;
	long long	 note;		/* the note being edited, or 0 */
	long long	 base;		/* the note's revision it began from */
	char		*session;	/* who writes it (session.h), or
					 * NULL: before schema 3 */
	time_t		 saved;
	time_t		 dated;		/* the date chosen for the note, or
					 * 0: none yet */
	char		*body;
	size_t		 len;
};

/* Take the open notebook (the store owns it from now on) and bring its
 * schema up to date. */
struct store	*store_attach(struct notebook *, struct error *);
/* 1 when store_attach() will bring an existing notebook's schema up to
 * date, which takes a moment for a large one: a caller says so first. */
int		 store_outdated(struct notebook *);
void		 store_close(struct store *);
/* The store gone, its notebook still open (restore puts it aside). */
struct notebook	*store_detach(struct store *);
struct notebook	*store_notebook(struct store *);

/* Many changes as one transaction (an import): each change inside is a
 * savepoint; store_batch_end keeps all (KEEP) or none. */
int	store_batch_begin(struct store *, struct error *);
int	store_batch_end(struct store *, int keep, struct error *);
/* What reads many things that must agree (an export and its count of
 * every note) reads them in one snapshot: other processes write on, and
 * none of it is seen until store_snapshot_end(). */
int	store_snapshot_begin(struct store *, struct error *);
void	store_snapshot_end(struct store *);
/* Does note ID hold exactly that text?  *SAME says. */
int	store_note_is(struct store *, long long id, const char *body,
	    size_t len, int *same, struct error *);

/* Dossiers, most recent activity first; with FILTER, those whose name
 * has words starting with FILTER's words, accents and case ignored;
 * closed ones only when CLOSED_TOO; with IDLE_SINCE, only those without a
 * note since then, nor kept since then (to review for retention). */
int	store_dossiers(struct store *, const char *filter, int closed_too,
	    time_t idle_since, struct dossier **, size_t *, struct error *);
/* By what a person typed: a number ("12"), or a name, exact or of the
 * same key (names_key()); 0 found, -1 with a message when none,
 * STORE_SEVERAL when several, the message giving their numbers. */
int	store_dossier_find(struct store *, const char *, struct dossier *,
	    struct error *);
/* The numbers of the dossiers whose name has NAME's key (names_key()),
 * oldest first, in *IDS (to free; NULL when none). */
int	store_namesakes(struct store *, const char *name, long long **ids,
	    size_t *, struct error *);
/* By number. */
int	store_dossier_get(struct store *, long long id, struct dossier *,
	    struct error *);
/* A new dossier; unless ANOTHER, STORE_SAME (ERR names it and gives its
 * number) when one is already named so, or so but for accents and case:
 * two people may have the same name, but it must be asked for. */
int	store_dossier_new(struct store *, const char *name, int another,
	    long long *id, struct error *);
/* Renamed; STORE_SAME unless ANOTHER, as store_dossier_new(). */
int	store_dossier_rename(struct store *, long long id, const char *name,
	    int another, struct error *);
/* Reviewed, and kept: out of the review until a retention period from
 * now passes without a note. */
int	store_dossier_keep(struct store *, long long id, struct error *);
int	store_dossier_close(struct store *, long long id, int closed,
	    struct error *);
/* Destroy a dossier, its notes, their index entries and its drafts;
 * with NOTES >= 0, the number of notes the question named: STORE_CHANGED
 * when it has another number now, and nothing is destroyed. */
int	store_dossier_delete(struct store *, long long id, long notes,
	    struct error *);
void	store_dossier_free(struct dossier *);
void	store_dossiers_free(struct dossier *, size_t);
/* How many dossiers and notes the notebook holds, all of them. */
int	store_totals(struct store *, long long *dossiers, long long *notes,
	    struct error *);
/* A note's identity and version, as restore compares a copy with the
 * notebook in place: the same ID and REVISION are the same text and
 * date. */
struct note_version {
	long long	 id, revision, dossier;
	time_t		 created, written;
};
/* Every note's, by id (*V to free). */
int	store_note_versions(struct store *, struct note_version **v,
	    size_t *n, struct error *);
/* Can NAME name a dossier?  0, or -1 with the reason. */
int	store_name_check(const char *name, struct error *);

/* Add a note dated WHEN, written at WRITTEN (0: then too, as a file
 * imported); *ID receives its id. */
int	store_note_add(struct store *, long long dossier, const char *body,
	    size_t len, time_t when, time_t written, long long *id,
	    struct error *);
/*
 * What the editor saves: a new note (NOTE 0) in DOSSIER, dated DATED (0:
 * now), or NOTE's new text, and date unless DATED is 0, if NOTE is still
 * at revision *BASE; the draft DRAFT (0: none) goes in the same
 * transaction.  *ID receives the note's id (a new one for a new note),
 * *BASE its new revision.  STORE_CHANGED, with ERR saying why, when
 * another window changed or destroyed the note meanwhile: nothing is
 * written.
 */
int	store_note_save(struct store *, long long dossier, long long note,
	    long long *base, long long draft, time_t dated, const char *body,
	    size_t len, long long *id, struct error *err);
int	store_note_get(struct store *, long long id, struct note *,
	    struct error *);
/*
 * A note as a person names it: its number in its dossier, as "show" and
 * the screens give it.  A note keeps its number while it stays in its
 * dossier, whatever is written or dated again around it; a number is
 * never given twice in one dossier.
 */
int	store_note_at(struct store *, long long dossier, long number,
	    struct note *, struct error *);
/*
 * What acts on a note that was shown (a question, the reader) gives the
 * REVISION it showed (0: whatever it is now): when the note changed,
 * moved or went away meanwhile, STORE_CHANGED with ERR saying which, and
 * nothing is done.
 */
/* Destroy note ID (secure_delete overwrites its text in the file); a
 * draft of it becomes one of a new note. */
int	store_note_delete(struct store *, long long id, long long revision,
	    struct error *);
/* Move note ID to dossier TO, with its dates and its mark on paper; it
 * takes a number there (into *NUMBER unless NULL) and a new revision. */
int	store_note_move(struct store *, long long id, long long revision,
	    long long to, long *number, struct error *);
/* Up to LIMIT notes of DOSSIER after (or, NEWEST first, before) the note
 * id FROM; FROM 0 starts at the beginning. */
int	store_notes(struct store *, long long dossier, int newest,
	    long long from, size_t limit, struct note **, size_t *,
	    struct error *);
/* The first line of LIMIT notes of DOSSIER, newest first, skipping
 * OFFSET: what a list shows, without reading whole notes. */
int	store_note_heads(struct store *, long long dossier, size_t offset,
	    size_t limit, struct note **, size_t *, struct error *);
/* A dossier's notes for paper, oldest first: all, or those not yet on
 * paper; written SINCE or later. */
int	store_notes_to_print(struct store *, long long dossier, int all,
	    time_t since, struct note **, size_t *, struct error *);
/* The dossiers with a note written SINCE or later, by name. */
int	store_dossiers_since(struct store *, time_t since, long long **,
	    size_t *, struct error *);
/* A note as it went on paper: marked only if still at that revision. */
struct note_mark {
	long long	 id;
	long long	 revision;
	long		 number;	/* as printed, to name it */
	int		 marked;	/* set by store_notes_printed() */
};
/* Mark as on paper since WHEN, in one transaction, each note of MARKS
 * still at its revision; *UNMARKED (unless NULL) receives how many were
 * not, having changed, moved or gone since. */
int	store_notes_printed(struct store *, struct note_mark *marks,
	    size_t n, time_t when, size_t *unmarked, struct error *);
/* Destroy the notes on paper since before BEFORE, of DOSSIER (0: of
 * every dossier); *COUNT receives how many. */
int	store_purge(struct store *, long long dossier, time_t before,
	    long *count, struct error *);
void	store_note_free(struct note *);
void	store_notes_free(struct note *, size_t);
/* Can BODY be a note?  0, or -1 with the reason (empty, NUL byte, not
 * UTF-8 and where). */
int	store_body_check(const char *body, size_t len, struct error *);

/* A number that changes whenever the notebook may have changed, by this
 * process or another one: the screens read again only then. */
long long store_version(struct store *);

/* Full-text search, accents and case ignored.  Dossiers whose name
 * matches come first (when BEFORE is 0), then notes, newest first, before
 * BEFORE, the last hit's sort (0: from the newest).  The snippet marks each
 * match between OPEN and CLOSE. */
int	store_search(struct store *, const char *query, long long before,
	    size_t limit, const char *open, const char *close, struct hit **,
	    size_t *, struct error *);
void	store_hits_free(struct hit *, size_t);

/*
 * The text being written, kept as a draft of SESSION's (session.h): *DRAFT
 * 0 makes one and receives its id; else draft *DRAFT is replaced (a new
 * one is made if it was thrown away meanwhile).  BASE: the revision of the
 * note it began from; DATED: the date chosen for the note (0: none).
 */
int	store_draft_put(struct store *, long long *draft, const char *session,
	    long long dossier, long long note, long long base, time_t dated,
	    const char *body, size_t len, struct error *);
int	store_drafts(struct store *, struct draft **, size_t *,
	    struct error *);
/* Read draft ID and make it SESSION's: resuming a draft left behind. */
int	store_draft_take(struct store *, long long id, const char *session,
	    struct draft *, struct error *);
void	store_draft_free(struct draft *);
int	store_draft_drop(struct store *, long long id, struct error *);
/* Kept on purpose ("keep it as a draft"): no session's, so that it is
 * offered as one left behind, the next time the notebook opens. */
int	store_draft_release(struct store *, long long id, struct error *);
void	store_drafts_free(struct draft *, size_t);

/* A PDF carnet wrote (store_pdf.c), until its file is gone. */
struct pdf_made {
	long long	 id;
	char		*path;
	time_t		 made;
	long long	 dossier;	/* 0: the notice */
	int		 asked;		/* "was it printed?" answered */
};
/* Record the PDF written at PATH at MADE, of DOSSIER (0: none), with its
 * notes as they went in (MARKS); ASKED: no question waits for it. */
int	store_pdf_add(struct store *, const char *path, time_t made,
	    long long dossier, int asked, const struct note_mark *marks,
	    size_t n, long long *id, struct error *);
/* Every PDF recorded, oldest first (*LIST to free with store_pdfs_free). */
int	store_pdfs(struct store *, struct pdf_made **list, size_t *n,
	    struct error *);
void	store_pdfs_free(struct pdf_made *, size_t);
/* The notes of PDF as they went in. */
int	store_pdf_marks(struct store *, long long pdf, struct note_mark **,
	    size_t *, struct error *);
int	store_pdf_asked(struct store *, long long pdf, struct error *);
/* Does PDF (a day's, of many dossiers) hold a note now in DOSSIER? */
int	store_pdf_touches(struct store *, long long pdf, long long dossier,
	    int *touches, struct error *);
/* The file is gone: the record goes. */
int	store_pdf_forget(struct store *, long long pdf, struct error *);
/* "My words" (store_word.c): the words the worker added to spelling,
 * in the notebook.  A word is one word, STORE_WORD_MAX bytes at most. */
#define STORE_WORD_MAX	100
/* Every one, in *LIST (wiped strings, freed with store_words_free()),
 * in order. */
int	store_words(struct store *, char ***list, size_t *n, struct error *);
void	store_words_free(char **, size_t);
/* Add WORD: 0 added, 1 already there, -1 with ERR. */
int	store_word_add(struct store *, const char *word, time_t now,
	    struct error *);
/* Remove WORD: 0 removed, 1 it was not there, -1 with ERR. */
int	store_word_remove(struct store *, const char *word, struct error *);
/* A backup was written and checked at AT, to PLACE. */
int	store_backup_done(struct store *, time_t at, const char *place,
	    struct error *);
/* When the last backup was made (0: never), and where, in *PLACE (to
 * free) when PLACE is not NULL. */
time_t	store_last_backup(struct store *, char **place);

#endif
