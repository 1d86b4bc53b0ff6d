/*
 * cli.h - the non-interactive commands of carnet(1).
 */
#ifndef CARNET_CLI_H
#define CARNET_CLI_H

#include <stdio.h>

#include "conf.h"

struct cli {
	const char	*path;		/* the notebook file */
	int		 passfd;	/* passphrases come from here, or -1 */
	struct conf	*conf;
	int		 confined;	/* sandbox_confine()'s answer; -2: off */
};

/* Run the command named by ARGV[0]; returns the exit status. */
int	cli_run(struct cli *, int argc, char **argv);
/* Print the synopsis (the same as the manual's) on FP. */
void	cli_usage(FILE *fp);

#endif
