/*
 * secret.h - buffers for passphrases and keys: kept out of swap and core
 * dumps, wiped when freed, never copied by stdio.
 */
#ifndef CARNET_SECRET_H
#define CARNET_SECRET_H

#include <stddef.h>

struct secret {
	unsigned char	*bytes;	/* locked pages; always NUL-terminated */
	size_t		 len;
	size_t		 cap;	/* usable bytes, the terminating NUL aside */
};

/* Room for CAP bytes in locked, wiped memory.  Never NULL. */
struct secret	*secret_new(size_t cap);
/* Wipe and release.  NULL is allowed. */
void		 secret_free(struct secret *);
/* Read one line (without its newline) from FD, one byte at a time so that
 * nothing is left in a stdio buffer.  Returns 0, or -1 at end of file
 * before any byte, or -2 when the line does not fit. */
int		 secret_read_line(struct secret *, int fd);
/* Wipe the stack below the caller: what deeper calls left there (a
 * record SQLite decoded, a line drawn) goes with them.  Called on lock. */
void		 secret_wipe_stack(void);
/* Wipe the small freed blocks glibc keeps to give again (secret.c says
 * why): called on lock, once everything is freed. */
void		 secret_wipe_heap(void);
/* Keep the process from dumping core or being read by ptrace of the same
 * user: called first thing in main(). */
void		 secret_harden_process(void);

#endif
