/*
 * cli.h - the non-interactive commands of carnet(1).
 */
#ifndef CARNET_CLI_H
#define CARNET_CLI_H

#include <stdio.h>

#include "conf.h"

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

#endif
