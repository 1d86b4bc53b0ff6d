/*
 * run.h - another program run and heard: the .doc converters
 * (document_doc.c) and lpstat (print_server.c).  Never through a shell,
 * never holding carnet's files, never waited on forever.
 */
#ifndef CARNET_RUN_H
#define CARNET_RUN_H

#include <stddef.h>

/* run_program()'s answers beside an exit status (0 to 255, 128 + the
 * signal that ended it). */
#define RUN_NOT_FOUND	127	/* no such program in PATH, as sh says */
#define RUN_LATE	(-2)	/* killed: not done within its time */

/*
 * What the program writes, piece by piece as it comes: BUF (LEN bytes),
 * from its standard error when IS_ERR.  0 to go on, 1 to stop it (it is
 * killed).  BUF is wiped after: a converter's output is a person's notes.
 */
typedef int	run_heard(const char *buf, size_t len, int is_err,
		    void *context);

/*
 * Run ARGV (ARGV[0] looked up in PATH), its standard input /dev/null,
 * what it writes given to HEARD with CONTEXT, and wait for it, SECONDS
 * at most.  Its exit status, RUN_NOT_FOUND, RUN_LATE, or -1 with errno
 * when it could not be started.
 */
int	run_program(char *const argv[], unsigned seconds, run_heard *heard,
	    void *context);

#endif
