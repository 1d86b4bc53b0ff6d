/*
 * print_server.c - what the print server says of itself, in its own
 * words, for "carnet check": whether a printer is chosen by default, or
 * whether the one the configuration names exists and takes documents.
 * The screens and print say what happened in plain words
 * (paper_send.c); whoever looks after the computer reads lpstat's here.
 */
#include <string.h>

#include "print.h"
#include "run.h"

/* lpstat asks the print server: never wait on one that does not answer. */
#define LPSTAT_SECONDS	5

/* What lpstat said, both streams alike, as much as SAID holds. */
struct heard {
	char	*said;
	size_t	 size, len;
};

static int
heard(const char *buf, size_t len, int is_err, void *context)
{
	struct heard *h = context;
	size_t room = h->size - 1 - h->len;

	(void)is_err;	/* "lpstat: Error - …" is its answer too */
	if (len > room)
		len = room;
	memcpy(h->said + h->len, buf, len);
	h->len += len;
	h->said[h->len] = '\0';
	return 0;
}

/* Run lpstat with ARGV, its first line of output (or error) in SAID; 0, or
 * -1 when it could not be run or did not answer in time. */
static int
lpstat(char *const argv[], char *said, size_t size)
{
	struct heard h = { said, size, 0 };
	int status;

	said[0] = '\0';
	status = run_program(argv, LPSTAT_SECONDS, heard, &h);
	said[strcspn(said, "\n")] = '\0';
	return status >= 0 && status != RUN_NOT_FOUND && said[0] != '\0' ?
	    0 : -1;
}

int
print_server_says(const char *printer, char *said, size_t size)
{
	char *d[] = { "lpstat", "-d", NULL };
	char *p[] = { "lpstat", "-p", (char *)printer, NULL };

	if (lpstat(printer != NULL ? p : d, said, size) == -1)
		return -1;
	/* "system default destination: X", or "printer X is idle..."; the
	 * rest ("no system default destination", "Invalid destination
	 * name", "disabled since", the server unreachable) means nothing
	 * will print. */
	if (printer == NULL)
		return strncmp(said, "system default destination:", 27) == 0 ?
		    0 : 1;
	return strncmp(said, "printer ", 8) == 0 && strstr(said,
	    "disabled") == NULL ? 0 : 1;
}
