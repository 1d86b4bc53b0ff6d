/*
 * ui_help.c - every key, screen by screen, in the UI's language, made from
 * the same tables the screens dispatch with, so the two cannot disagree.
 */
#include <curses.h>
#include <string.h>

#include "ui.h"
#include "util.h"

static void
leave(struct ui *ui)
{
	ui->screen = ui->back;
}

static const struct ui_key help_keys[] = {
	{ UI_ESC, 0, N_("Esc"), N_("Back"), leave, 1 },
};

static const struct {
	const char		*title;
	const struct ui_key	*keys;
	const size_t		*n;
} sections[] = {
	{ N_("Everywhere"), ui_global_keys, &ui_nglobal_keys },
	{ N_("The list of dossiers"), ui_dossiers_keys, &ui_ndossiers_keys },
	{ N_("A dossier"), ui_dossier_keys, &ui_ndossier_keys },
	{ N_("Reading a note"), ui_note_keys, &ui_nnote_keys },
	{ N_("Search"), ui_search_keys, &ui_nsearch_keys },
	{ N_("Writing a note"), ui_editor_keys, &ui_neditor_keys },
};

/* Draw the help from line FIRST on; returns the number of lines. */
static int
lines(struct ui *ui, int first, int draw)
{
	const struct ui_key *k;
	const char *prev;
	size_t s, i;
	int line = 0, y;

	(void)ui;
	for (s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
		y = ui_body_top() + line - first;
		if (draw && y >= ui_body_top() && y < ui_body_top() +
		    ui_body_rows())
			ui_text(y, 1, COLS - 2, _(sections[s].title),
			    strlen(_(sections[s].title)), A_BOLD);
		line++;
		prev = NULL;
		for (i = 0; i < *sections[s].n; i++) {
			k = &sections[s].keys[i];
			/* One line per action, however many keys do it. */
			if (prev != NULL && strcmp(prev, k->text) == 0)
				continue;
			prev = k->text;
			y = ui_body_top() + line - first;
			if (draw && y >= ui_body_top() && y < ui_body_top() +
			    ui_body_rows()) {
				ui_text(y, 3, 12, _(k->label),
				    strlen(_(k->label)), A_REVERSE);
				ui_text(y, 17, COLS - 18, _(k->text),
				    strlen(_(k->text)), A_NORMAL);
			}
			line++;
		}
		line++;
	}
	return line;
}

void
ui_help_draw(struct ui *ui)
{
	int total = lines(ui, 0, 0);

	if (ui->htop > 0 && (int)ui->htop > total - ui_body_rows())
		ui->htop = total > ui_body_rows() ? (size_t)(total -
		    ui_body_rows()) : 0;
	ui_title(ui, _("Help: every key"));
	ui_bar(ui, help_keys, sizeof(help_keys) / sizeof(help_keys[0]));
	lines(ui, (int)ui->htop, 1);
}

int
ui_help_key(struct ui *ui, int key, int code)
{
	if ((!code && (key == UI_ESC || key == 'q')) || (code &&
	    key == KEY_LEFT)) {
		leave(ui);
		return 1;
	}
	if ((code && key == KEY_DOWN) || (!code && key == 'j'))
		ui->htop++;
	else if (((code && key == KEY_UP) || (!code && key == 'k')) &&
	    ui->htop > 0)
		ui->htop--;
	else if (code && key == KEY_NPAGE)
		ui->htop += (size_t)ui_body_rows();
	else if (code && key == KEY_PPAGE)
		ui->htop = ui->htop > (size_t)ui_body_rows() ? ui->htop -
		    (size_t)ui_body_rows() : 0;
	else
		return 0;
	return 1;
}
