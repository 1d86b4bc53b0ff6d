/*
 * cli_ls.c - "carnet ls": the dossiers, most recent activity first.  On a
 * terminal, columns a person reads, under a header; in a pipe, the
 * tab-separated fields scripts read (carnet(1) documents both).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "store.h"
#include "util.h"

/* The widest a name column grows on a terminal: longer names end in
 * "…". */
#define LS_NAME_MAX	40

/* One cell of an aligned line: S (shown, never obeyed), cut to WIDTH
 * columns with "…", padded to WIDTH unless LAST. */
static void
ls_cell(const char *s, int width, int last)
{
	char *shown = util_shown(s, strlen(s), 0);
	size_t len = strlen(shown), fits;
	int used;

	fits = util_fit(shown, len, width, &used);
	if (fits < len) {
		fits = util_fit(shown, len, width - 1, &used);
		fwrite(shown, 1, fits, stdout);
		fputs("…", stdout);
		used++;
	} else
		fwrite(shown, 1, fits, stdout);
	if (!last)
		printf("%*s", width - used + 2, "");
	wipe_free(shown);
}

/* On a terminal, columns a person reads: a header, names padded (cut
 * past LS_NAME_MAX columns).  In a pipe, the tab-separated fields
 * scripts read. */
static void
ls_aligned(const struct dossier *list, size_t n)
{
	const char *head[4] = { _("No."), _("Dossier"), _("Notes"),
	    _("Last note") };
	char date[UTIL_DATE_MAX], id[32], notes[32];
	int w[4], k;
	size_t i;

	for (k = 0; k < 4; k++)
		w[k] = util_width(head[k], strlen(head[k]));
	for (i = 0; i < n; i++) {
		int nw = util_width(list[i].name, strlen(list[i].name));

		snprintf(id, sizeof(id), "%lld", list[i].id);
		snprintf(notes, sizeof(notes), "%ld", list[i].notes);
		w[0] = (int)strlen(id) > w[0] ? (int)strlen(id) : w[0];
		w[1] = nw > w[1] ? (nw > LS_NAME_MAX ? LS_NAME_MAX : nw) :
		    w[1];
		w[2] = (int)strlen(notes) > w[2] ? (int)strlen(notes) : w[2];
	}
	for (k = 0; k < 4; k++)
		ls_cell(head[k], w[k], k == 3);
	putchar('\n');
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "%lld", list[i].id);
		snprintf(notes, sizeof(notes), "%ld", list[i].notes);
		if (list[i].last != 0)
			util_date(date, sizeof(date), list[i].last);
		else
			snprintf(date, sizeof(date), "-");
		printf("%*s  ", w[0], id);
		ls_cell(list[i].name, w[1], 0);
		printf("%*s  %s", w[2], notes, date);
		if (list[i].closed != 0)
			printf("  (%s)", _("closed"));
		putchar('\n');
	}
}

int
cli_ls(struct cli *c, struct store *st, int review)
{
	struct error err;
	struct dossier *list;
	size_t n, i;
	char date[UTIL_DATE_MAX];
	int tty = isatty(STDOUT_FILENO);
	time_t idle = 0;

	/* To review: no note for longer than the retention time. */
	if (review)
		idle = util_now() - (time_t)c->conf->retention_days * UTIL_DAY;
	if (store_dossiers(st, NULL, 1, idle, &list, &n, &err) == -1) {
		util_warn("%s", err.text);
		return err.status;
	}
	if (tty && n > 0)
		ls_aligned(list, n);
	for (i = 0; !tty && i < n; i++) {
		if (list[i].last != 0)
			util_date(date, sizeof(date), list[i].last);
		else
			snprintf(date, sizeof(date), "-");
		printf("%lld\t", list[i].id);
		fputs(list[i].name, stdout);
		printf("\t%ld\t%s", list[i].notes, date);
		/* A fifth field on closed dossiers only: scripts reading
		 * four keep working. */
		if (list[i].closed != 0)
			printf("\t%s", _("closed"));
		putchar('\n');
	}
	if (n == 0 && isatty(STDERR_FILENO))
		util_say(_("No dossier yet: create one with “carnet new "
		    "NAME”.\n"));
	store_dossiers_free(list, n);
	return EXIT_OK;
}
