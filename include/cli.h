/*
 * cli.h - the non-interactive commands of carnet(1).
 */
#ifndef CARNET_CLI_H
#define CARNET_CLI_H

#include <stdio.h>

#include "conf.h"
#include "notebook.h"

struct cli {
	const char	*file;		/* -f, or NULL */
	const char	*path;		/* the notebook file */
	int		 passfd;	/* passphrases come from here, or -1 */
	long		 lock_after;	/* --lock-after, or -1 */
	struct conf	*conf;
	int		 confined;	/* sandbox_confine()'s answer; -2: off */
};

/* Read carnet's own options, those before the command, from ARGV (whose
 * first word is the program).  -1 with *FIRST the index of the command
 * (ARGC when there is none); or the exit status to end with at once:
 * -h and -V print and give 0, a wrong option gives 2. */
int	cli_options(struct cli *, int argc, char **argv, int *first);
/* Run the command named by ARGV[0]; returns the exit status. */
int	cli_run(struct cli *, int argc, char **argv);
/* Print the synopsis (the same as the manual's) on FP. */
void	cli_usage(FILE *fp);
/* "carnet check" on the open notebook (cli_check.c): its exit status. */
struct store;
int	cli_check(const struct cli *, struct store *);
/* "carnet ls" (cli_ls.c), REVIEW: --review; "carnet import" and
 * "carnet export" (cli_exchange.c), DRY: --dry-run.  Their exit
 * status. */
int	cli_ls(struct cli *, struct store *, int review);
int	cli_import(struct cli *, struct store *, const char *dir, int dry);
int	cli_export(struct cli *, struct store *, const char *dir);
/* "carnet words [rm WORD ...]" (cli_words.c): my words, listed or some
 * taken out (ARGC, ARGV: the operands).  Its exit status. */
int	cli_words(struct cli *, struct store *, int argc, char **argv);
/* "carnet restore COPY" (cli_restore.c); YES: -y.  Its exit status. */
int	cli_restore(struct cli *, const char *copy, int yes);

/* For the commands' own files (cli_*.c). */
struct error;
struct secret;
/* A passphrase: the next line of --passphrase-fd, or asked on the
 * terminal with QUESTION.  NULL with ERR. */
struct secret *cli_ask_pass(struct cli *, const char *question,
	    struct error *);
/* The notebook at PATH opened in MODE with the passphrase QUESTION asks, three times on a terminal;
 * FIRST, when not NULL, is tried before asking.  *USED, when USED is not
 * NULL, keeps the passphrase typed that opened it (to free), or NULL. */
struct notebook;
struct notebook *cli_open_with(struct cli *, const char *path,
	    enum notebook_mode, const char *question,
	    const struct secret *first, struct secret **used, struct error *);
/* A new passphrase: twice on a terminal, until it is acceptable; once
 * from a descriptor, where a refusal is the answer. */
struct secret *cli_ask_new_pass(struct cli *, struct error *);
/* 1 with YES or when the person says yes to QUESTION; 0 (NOTHING said)
 * when not; -1 (NO_TERMINAL said) when there is nobody to ask. */
int	cli_confirmed(int yes, const char *question, const char *no_terminal,
	    const char *nothing);

#endif
