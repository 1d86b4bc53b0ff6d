/*
 * sandbox.h - once the notebook is open, carnet confines itself with the
 * kernel's Landlock: it may write only beside the notebook (and into the
 * one place a command was asked to write to), may run only the print
 * command and the system's programs, and may open no network connection
 * but the print server's.  Where the kernel has no Landlock, carnet runs
 * as before.
 */
#ifndef CARNET_SANDBOX_H
#define CARNET_SANDBOX_H

/* The print server's port, the one TCP port a confined carnet reaches
 * (unless CUPS_SERVER names another). */
#define SANDBOX_CUPS_PORT	631

/*
 * Confine the process for good.  NOTEBOOK is the notebook's path;
 * TARGETS, a NULL-terminated list (or NULL), the files or folders a
 * command writes (a PDF, a backup, an export; the screens' PDF folder and
 * the folders USB keys are mounted in); PRINT_COMMAND the configured
 * command (its first word is looked up in PATH).  Returns the Landlock
 * ABI version used, 0 when the kernel offers none, -1 when the rules
 * could not be set (the process then runs unconfined).  A second call
 * does nothing and returns the first's result.
 */
int	sandbox_confine(const char *notebook, const char *const *targets,
	    const char *print_command);
/* Whether sandbox_confine() also filtered the sockets (seccomp): 0 not
 * (an architecture the filter does not know), 1 no UDP, raw or packet
 * socket, 2 the same but UDP (the print server is named by a host name,
 * looked up through DNS). */
int	sandbox_sockets(void);
/*
 * Seal a process that has opened all it needs (the spelling process,
 * once its dictionary is read): from now on it opens, makes and runs no
 * file, and makes no socket.  Returns 1 | 2 for Landlock and the socket
 * filter in place (0 for neither, where the kernel has neither), -1 when
 * it could not be done.
 */
int	sandbox_seal(void);

#endif
