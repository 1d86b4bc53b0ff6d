/*
 * pdfs.c - the PDFs left on disk (pdfs.h).  A PDF is the notes in clear:
 * a worker without a printer at her desk saves one, prints it elsewhere,
 * and should delete it.  The notebook keeps where each went until the
 * file is gone, so that the list can say how many wait and the question
 * "was it printed?" can be answered the next time the dossier comes up.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pdfs.h"

/* Is the file at PATH gone (not merely unreadable)? */
static int
gone(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == -1 && (errno == ENOENT || errno == ENOTDIR);
}

int
pdfs_on_disk(struct store *st, struct pdf_made **list, size_t *n,
    struct error *err)
{
	struct pdf_made *all;
	size_t nall, i;

	*list = NULL;
	*n = 0;
	if (store_pdfs(st, &all, &nall, err) == -1)
		return -1;
	for (i = 0; i < nall; i++) {
		if (gone(all[i].path)) {
			if (store_pdf_forget(st, all[i].id, err) == -1) {
				/* Those kept so far, and the rest. */
				memmove(all + *n, all + i, (nall - i) *
				    sizeof(*all));
				store_pdfs_free(all, *n + nall - i);
				*n = 0;
				return -1;
			}
			wipe_free(all[i].path);
			continue;
		}
		all[(*n)++] = all[i];
	}
	*list = all;
	return 0;
}

int
pdfs_waiting(struct store *st, long long dossier, struct pdf_made **p,
    struct error *err)
{
	struct pdf_made *list;
	size_t n, i;
	int found = 0;

	*p = NULL;
	if (pdfs_on_disk(st, &list, &n, err) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		int ours = list[i].dossier == dossier;

		/* A day's PDF (of no one dossier) is of each it holds. */
		if (!found && !list[i].asked && list[i].dossier == 0 &&
		    store_pdf_touches(st, list[i].id, dossier, &ours,
		    err) == -1) {
			for (; i < n; i++)
				wipe_free(list[i].path);
			free(list);
			return -1;
		}
		if (!found && ours && !list[i].asked) {
			*p = xmalloc(sizeof(**p));
			**p = list[i];
			found = 1;
		} else
			wipe_free(list[i].path);
	}
	free(list);
	return found;
}

int
pdfs_printed(struct store *st, const struct pdf_made *p,
    struct print_result *res, struct error *err)
{
	memset(res, 0, sizeof(*res));
	if (store_pdf_marks(st, p->id, &res->marks, &res->notes, err) == -1)
		return -1;
	res->when = p->made;
	res->pdf = p->id;
	return print_mark(st, res, err);
}
