/*
 * restore.c - a backup compared with the notebook in place (restore.h).
 *
 * A note's identity is fixed at birth and its revision changes with each
 * change of its text or date, so a copy made from this notebook and the
 * notebook now tell, note by note, what happened between them: a note
 * in place that the copy lacks, or holds at another revision or in
 * another dossier, was written or changed since and would be lost; a
 * note of the copy that is gone in place was destroyed since and would
 * come back.  A copy of another notebook shares no identity: all its
 * notes differ, as they should.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "restore.h"

static int
by_id(const void *a, const void *b)
{
	const struct note_version *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* The note ID in V (sorted), or NULL. */
static const struct note_version *
find(const struct note_version *v, size_t n, long long id)
{
	struct note_version key = { .id = id };

	return n == 0 ? NULL : bsearch(&key, v, n, sizeof(*v), by_id);
}

/* One more note lost in DOSSIER: counted by dossier, named at the end
 * (one lookup a dossier, not a note). */
static void
lost_in(long long dossier, struct restore_report *r)
{
	size_t i;

	for (i = 0; i < r->nlost && r->lost[i].dossier != dossier; i++)
		;
	if (i == r->nlost) {
		r->lost = xreallocarray(r->lost, r->nlost + 1,
		    sizeof(*r->lost));
		memset(&r->lost[r->nlost++], 0, sizeof(*r->lost));
		r->lost[i].dossier = dossier;
	}
	r->lost[i].notes++;
}

static int
lost_named(struct store *here, struct restore_report *r, struct error *err)
{
	struct dossier d;
	size_t i;

	for (i = 0; i < r->nlost; i++) {
		if (store_dossier_get(here, r->lost[i].dossier, &d, err) == -1)
			return -1;
		r->lost[i].person = wipe_dup(d.person, strlen(d.person));
		store_dossier_free(&d);
	}
	return 0;
}

int
restore_compare(struct store *copy, struct store *here,
    struct restore_report *r, struct error *err)
{
	struct note_version *c = NULL, *h = NULL;
	const struct note_version *other;
	size_t nc = 0, nh = 0, i;
	int rc = -1;

	memset(r, 0, sizeof(*r));
	if (store_totals(copy, &r->dossiers, &r->notes, err) == -1 ||
	    store_note_versions(copy, &c, &nc, err) == -1)
		goto done;
	for (i = 0; i < nc; i++)
		if (c[i].created > r->last)
			r->last = c[i].created;
	if (here == NULL) {
		rc = 0;
		goto done;
	}
	if (store_note_versions(here, &h, &nh, err) == -1)
		goto done;
	r->compared = 1;
	for (i = 0; i < nh; i++) {
		other = find(c, nc, h[i].id);
		if (other != NULL && other->revision == h[i].revision &&
		    other->dossier == h[i].dossier)
			continue;
		r->newer++;
		lost_in(h[i].dossier, r);
	}
	if (lost_named(here, r, err) == -1)
		goto done;
	for (i = 0; i < nc; i++)
		if (find(h, nh, c[i].id) == NULL)
			r->back++;
	rc = 0;
done:
	free(c);
	free(h);
	return rc;
}

const char *
restore_holds(const struct restore_report *r, char *buf, size_t size)
{
	char last[UTIL_DATE_MAX];
	size_t len;

	snprintf(buf, size, ngettext("%lld dossier", "%lld dossiers",
	    (unsigned long)r->dossiers), r->dossiers);
	len = strlen(buf);
	snprintf(buf + len, size - len, ngettext(" and %lld note",
	    " and %lld notes", (unsigned long)r->notes), r->notes);
	if (r->last != 0) {
		util_date(last, sizeof(last), r->last);
		len = strlen(buf);
		snprintf(buf + len, size - len, _("; its last note is of %s"),
		    last);
	}
	return buf;
}

void
restore_report_free(struct restore_report *r)
{
	size_t i;

	for (i = 0; i < r->nlost; i++)
		wipe_free(r->lost[i].person);
	free(r->lost);
	memset(r, 0, sizeof(*r));
}
