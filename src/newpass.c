/*
 * newpass.c - a new passphrase: asked until it is acceptable and typed
 * the same twice; one loop for "carnet init", "carnet passwd", the first
 * start and ^W.
 */
#include <stddef.h>

#include "newpass.h"
#include "notebook.h"

struct secret *
newpass_ask(const struct newpass_dialog *d, struct error *err)
{
	struct secret *pass, *again;
	enum newpass_step step = NEWPASS_FIRST;
	const char *why = NULL;
	int refused = 0;

	for (;;) {
		pass = secret_new(NOTEBOOK_PASS_READ_MAX);
		if (d->ask(d->arg, step, why, pass, err) == -1)
			break;
		if ((why = notebook_pass_refusal(pass)) != NULL) {
			secret_free(pass);
			if (d->tries > 0 && ++refused >= d->tries) {
				if (d->tries == 1)
					error_set(err, EXIT_ERROR, "%s", why);
				else
					error_set(err, EXIT_ERROR, _("no "
					    "acceptable passphrase was given"));
				return NULL;
			}
			step = NEWPASS_REFUSED;
			continue;
		}
		if (!d->confirm)
			return pass;
		again = secret_new(NOTEBOOK_PASS_READ_MAX);
		if (d->ask(d->arg, NEWPASS_CONFIRM, NULL, again, err) == -1) {
			secret_free(again);
			break;
		}
		if (wipe_same(pass->bytes, pass->len, again->bytes,
		    again->len)) {
			secret_free(again);
			return pass;
		}
		secret_free(again);
		secret_free(pass);
		if (d->tries > 0 && ++refused >= d->tries) {
			error_set(err, EXIT_ERROR, _("no acceptable passphrase "
			    "was given"));
			return NULL;
		}
		step = NEWPASS_DIFFER;
	}
	secret_free(pass);
	return NULL;
}
