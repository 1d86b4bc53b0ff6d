/*
 * ui_backup.c - a backup from the screens, onto a USB key: the drives
 * mounted for the user are found (drives.h), the copy is named with the
 * day, written encrypted, checked, and remembered for the list's
 * reminder.  The same copy as "carnet backup".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backup.h"
#include "drives.h"
#include "notebook.h"
#include "screen.h"
#include "util.h"

/* Which of the N drives, asked when there are several: its index, or -1. */
static int
which_drive(struct frame *f, const struct drive *drives, size_t n)
{
	char list[UI_LINE_MAX] = "", answer[8] = "", *question;
	long long number;
	size_t i, len;
	int r;

	if (n == 1) {
		question = xasprintf(_("Back up the notebook onto “%s” (%s)? "
		    "(y: yes, n or Esc: no)"), drives[0].name, drives[0].path);
		r = ui_yes_no(f, question);
		free(question);
		return r == 1 ? 0 : -1;
	}
	for (i = 0; i < n; i++) {
		len = strlen(list);
		if (i > 0)
			snprintf(list + len, sizeof(list) - len, ", ");
		len = strlen(list);
		/* TRANSLATORS: a drive offered for a backup: its number,
		 * then its name. */
		snprintf(list + len, sizeof(list) - len, _("%zu: %s"), i + 1,
		    drives[i].name);
	}
	question = xasprintf(_("Back up the notebook onto which drive? %s "
	    "(its number, Esc: none)"), list);
	r = ui_ask(f, question, answer, sizeof(answer));
	free(question);
	if (r != 1)
		return -1;
	if (util_number(answer, 1, (long long)n, &number) == -1) {
		ui_say(f, 1, _("There is no drive “%s”: nothing was written."),
		    answer);
		return -1;
	}
	return (int)number - 1;
}

void
ui_backup(struct frame *f)
{
	struct drive *drives = NULL;
	struct backup_made made;
	struct error err;
	char *dest;
	size_t n;
	int i;

	n = drives_mounted(f->drive_roots, &drives);
	if (n == 0) {
		ui_say(f, 1, _("No USB key is plugged in (they appear in %s). "
		    "Plug one in, wait for the desktop to show it, then ^B "
		    "again."), f->drive_roots[0] != NULL ? f->drive_roots[0] :
		    "/media");
		drives_free(drives, n);
		return;
	}
	if ((i = which_drive(f, drives, n)) < 0 || f->st == NULL) {
		drives_free(drives, n);
		return;
	}
	dest = drives_copy_name(&drives[i], util_now());
	ui_show_now(_("Writing the encrypted copy, then checking it…"));
	if (backup_make(f->st, dest, &made, &err) == -1)
		ui_say(f, 1, "%s", err.text);
	else {
		if (!made.recorded)
			ui_say(f, 1, "%s", made.unrecorded.text);
		else
			ui_say(f, 0, _("Encrypted copy written and checked: %s. "
			    "Unplug the key once the desktop says it can be."),
			    made.written);
		free(made.written);
	}
	free(dest);
	drives_free(drives, n);
}
