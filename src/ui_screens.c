/*
 * ui_screens.c - every screen of the notebook, once: the frame dispatches
 * through this table, and the help shows the screens in its order.
 */
#include "screen.h"

const struct screen *const ui_screens[SCREEN_COUNT] = {
	[SCREEN_DOSSIERS] = &screen_dossiers,
	[SCREEN_DOSSIER] = &screen_dossier,
	[SCREEN_NOTE] = &screen_note,
	[SCREEN_SEARCH] = &screen_search,
	[SCREEN_EDITOR] = &screen_editor,
	[SCREEN_HELP] = &screen_help,
};
