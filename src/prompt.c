/*
 * prompt.c - questions on the terminal for the command line.  Passphrases
 * are read from /dev/tty with echo off, one byte at a time into a secret
 * (no stdio buffer keeps a copy); a signal while echo is off puts the
 * terminal back before the process dies.
 */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "prompt.h"
#include "util.h"

static int tty = -1;
static struct termios saved;
static volatile sig_atomic_t echo_off;

static int
open_tty(void)
{
	if (tty == -1)
		tty = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	return tty;
}

int
prompt_available(void)
{
	return open_tty() != -1;
}

static void
restore_and_die(int sig)
{
	if (echo_off)
		tcsetattr(tty, TCSADRAIN, &saved);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The question, as util_shown() shows it: a name in it is not obeyed. */
static void
say(const char *question)
{
	char *shown = util_shown(question, strlen(question),
	    UTIL_SHOWN_LINES), *p = shown;
	size_t len = strlen(shown);

	while (len > 0) {
		ssize_t n = write(tty, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		p += n;
		len -= (size_t)n;
	}
	wipe_free(shown);
}

int
prompt_passphrase(const char *question, struct secret *out)
{
	struct termios quiet;
	struct sigaction sa, old[3];
	static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };
	int i, rc;

	if (open_tty() == -1 || tcgetattr(tty, &saved) == -1)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = restore_and_die;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
	quiet = saved;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	quiet.c_lflag |= ICANON;
	say(question);
	echo_off = 1;
	tcsetattr(tty, TCSADRAIN, &quiet);
	rc = secret_read_line(out, tty);
	tcsetattr(tty, TCSADRAIN, &saved);
	echo_off = 0;
	say("\n");
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	return rc == 0 ? 0 : -1;
}

int
prompt_line(const char *question, char *buf, size_t size)
{
	size_t len = 0;
	char c;
	ssize_t n;

	if (open_tty() == -1 || size == 0)
		return -1;
	say(question);
	for (;;) {
		n = read(tty, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (len == 0)
				return -1;
			break;
		}
		if (c == '\n')
			break;
		if (len + 1 < size)
			buf[len++] = c;
	}
	buf[len] = '\0';
	return 0;
}

static int
matches(const char *answer, nl_item pattern, char fallback)
{
	regex_t re;
	int yes;

	/* The locale's answer patterns ("^[oOyY]" and "^[nN]" in French). */
	if (regcomp(&re, nl_langinfo(pattern), REG_EXTENDED | REG_NOSUB) != 0)
		return answer[0] == fallback || answer[0] == fallback - 32;
	yes = regexec(&re, answer, 0, NULL, 0) == 0;
	regfree(&re);
	return yes;
}

int
prompt_is_yes(const char *answer)
{
	return matches(answer, YESEXPR, 'y');
}

int
prompt_is_no(const char *answer)
{
	return matches(answer, NOEXPR, 'n');
}
