/*
 * newpass.h - a new passphrase, as the command line and the screens ask
 * it alike: until it is acceptable (notebook_pass_refusal()) and, where
 * one can be typed twice, the same twice.  Each front end keeps only its
 * dialog: the ask() it hands over.
 */
#ifndef CARNET_NEWPASS_H
#define CARNET_NEWPASS_H

#include "secret.h"
#include "util.h"

/* Why a passphrase is asked (again). */
enum newpass_step {
	NEWPASS_FIRST,		/* the new passphrase */
	NEWPASS_CONFIRM,	/* once more, to be sure */
	NEWPASS_REFUSED,	/* the new one again: WHY the last was not
				 * acceptable */
	NEWPASS_DIFFER		/* the new one again: the two differed */
};

struct newpass_dialog {
	/* Read a passphrase into S for STEP (WHY set for NEWPASS_REFUSED):
	 * 0, or -1 when given up, with ERR saying why. */
	int	(*ask)(void *arg, enum newpass_step, const char *why,
		    struct secret *s, struct error *err);
	void	*arg;
	int	 confirm;	/* ask twice (0: a descriptor, read once) */
	int	 tries;		/* how many refusals end it; 0: never */
};

/* The new passphrase, or NULL with ERR: given up, or refused TRIES times
 * (ERR then gives the last reason when only one try was allowed). */
struct secret *newpass_ask(const struct newpass_dialog *, struct error *);

#endif
