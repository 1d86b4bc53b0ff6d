/*
 * prompt.h - questions asked on the terminal (/dev/tty), for the command
 * line: passphrases without echo, confirmations.
 */
#ifndef CARNET_PROMPT_H
#define CARNET_PROMPT_H

#include <stddef.h>

#include "secret.h"

/* Is there a terminal to ask on? */
int	prompt_available(void);
/* Ask QUESTION and read a passphrase without echo.  0, or -1 when there is
 * no terminal or the input ended. */
int	prompt_passphrase(const char *question, struct secret *);
/* Ask QUESTION and read a line (with echo) into BUF.  0 or -1. */
int	prompt_line(const char *question, char *buf, size_t size);
/* Does ANSWER mean yes, or no, in the user's language? */
int	prompt_is_yes(const char *answer);
int	prompt_is_no(const char *answer);

#endif
