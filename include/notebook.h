/*
 * notebook.h - the encrypted file: its 16-byte header, the Argon2id key,
 * SQLCipher keying, the process lock, passphrase change, backup and the
 * page-by-page check.  The format is described in carnet(5).
 */
#ifndef CARNET_NOTEBOOK_H
#define CARNET_NOTEBOOK_H

#include <stddef.h>

#include "secret.h"
#include "util.h"

/* Argon2id cost.  Memory is a power of two, stored as its log2 in KiB. */
struct kdf {
	unsigned	mem_log2;	/* 13 (8 MiB) .. 22 (4 GiB) */
	unsigned	passes;		/* 1 .. 64 */
};

#define NOTEBOOK_KDF_MIN_MIB	8
#define NOTEBOOK_KDF_MAX_MIB	4096
#define NOTEBOOK_KDF_MAX_PASSES	64
/* The stock argon2(1) tool reads at most 127 bytes of passphrase.  One
 * longer than that is still read whole (up to NOTEBOOK_PASS_READ_MAX), so
 * that the refusal can say why. */
#define NOTEBOOK_PASS_MAX	127
#define NOTEBOOK_PASS_READ_MAX	1024
#define NOTEBOOK_PASS_MIN_CHARS	8
/* Memory times passes, in MiB: above this a derivation takes minutes. */
#define NOTEBOOK_KDF_MAX_COST	16384

enum notebook_mode {
	NOTEBOOK_SHARED,	/* any number of carnet processes at once */
	NOTEBOOK_EXCLUSIVE	/* no other carnet process (passwd) */
};

struct notebook;
/* SQLite's handle, declared but not defined here: only the store's
 * rooms and notebook.c include <sqlite3.h>, so no other room can speak
 * SQL even by mistake. */
struct sqlite3;

/* Calibrated default: 256 MiB (less on a small machine), passes for
 * about one second, at least 2. */
void	notebook_kdf_calibrate(struct kdf *);
/* Check MIB and PASSES given to init; -1 with a message if refused. */
int	notebook_kdf_from(struct kdf *, long long mib, long long passes,
	    struct error *);
/* Why a new passphrase is refused, or NULL when it is acceptable. */
const char *notebook_pass_refusal(const struct secret *);

/* Create a new notebook at PATH (which must not exist, or be empty). */
struct notebook *notebook_create(const char *path, const struct secret *,
	    const struct kdf *, struct error *);
/* Open an existing notebook; NULL with the error's exit status 3 (wrong
 * passphrase), 4 (not a notebook, damaged), 5 (in use) or 1. */
struct notebook *notebook_open(const char *path, const struct secret *,
	    enum notebook_mode, struct error *);
/* Tell, without the passphrase, whether PATH looks like a notebook:
 * 0 yes, -1 with the reason. */
int	notebook_probe(const char *path, struct error *);
void	notebook_close(struct notebook *);
/* How many copies left by a passphrase change or a backup killed halfway
 * (PATH.new-XXXXXX, or the backup's) opening and backing up removed; in
 * *STUCK, when not NULL, those that could not be, one a line, or NULL. */
size_t	notebook_swept(const struct notebook *, const char **stuck);

/* The SQLCipher and SQLite that carnet runs on, read from the library
 * itself: "SQLCipher 4.6.1 community (SQLite 3.46.1)". */
const char *notebook_library(void);

struct sqlite3 *notebook_db(struct notebook *);
int	notebook_readonly(const struct notebook *);
void	notebook_kdf(const struct notebook *, struct kdf *);

/* Give the notebook a new passphrase and salt, atomically: killed at any
 * moment, the file opens with the old or the new one.  The notebook must
 * be open NOTEBOOK_EXCLUSIVE; it is closed on return, whatever happens. */
int	notebook_passwd(struct notebook *, const struct secret *newpass,
	    struct error *);
/*
 * Can a backup go to DEST?  Under a removable drives' folder (/media,
 * /run/media, /mnt), only onto a mounted drive: -1 otherwise, when it
 * would land on the computer's own disk.  *SAME_DISK: DEST is on the
 * notebook's own filesystem (a copy that does not survive the disk).
 */
int	notebook_backup_place(const struct notebook *, const char *dest,
	    int *same_disk, struct error *);
/* Write an encrypted copy (same passphrase) to DEST, a file or a folder,
 * then open the copy and check it.  The copy's path goes in *WRITTEN. */
int	notebook_backup(struct notebook *, const char *dest, char **written,
	    struct error *);
/*
 * Restore, step one: COPY's bytes (a backup, checked to be a notebook)
 * into a new file beside PATH, *STAGED, claimed as passwd's copies are.
 * The backup itself is only read.  The claim's descriptor, or -1 with
 * ERR.
 */
int	notebook_stage(const char *copy, const char *path, char **staged,
	    struct error *);
/*
 * Step two: STAGED (closed by the caller, still claimed on CLAIM) in
 * place at PATH in one rename.  The notebook there, open EXCLUSIVE as
 * HERE, or NULL when it could not be opened (it must not be in use), is
 * kept as a second name, *KEPT: PATH.before-restore-YYYY-MM-DD[-N]
 * (NULL when there was none).  HERE and CLAIM are closed; on error the
 * staged copy is removed and the notebook in place is as it was.
 */
int	notebook_put_in_place(const char *staged, int claim,
	    struct notebook *here, const char *path, char **kept,
	    struct error *);
/* SQLite's integrity check, then every page's authentication code.
 * *PAGES receives the number of pages checked. */
int	notebook_check(struct notebook *, long *pages, struct error *);

/* Turn an SQLite result into a message and an exit status. */
int	notebook_sql_error(struct notebook *, int rc, struct error *);

#endif
