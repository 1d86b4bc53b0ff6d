/*
 * ui.h - the terminal notebook (ncursesw).  ui_run() is all that the rest
 * of carnet calls; the screens share include/screen.h among themselves.
 */
#ifndef CARNET_UI_H
#define CARNET_UI_H

#include "conf.h"

/* Open the notebook at PATH in the terminal, locking after LOCK_AFTER
 * seconds without a key (0: never); returns the exit status. */
int	ui_run(const char *path, const struct conf *, long lock_after);

#endif
