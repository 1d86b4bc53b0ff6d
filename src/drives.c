/*
 * drives.c - the removable drives mounted for the user (drives.h).
 *
 * A desktop mounts a USB key at /media/USER/LABEL (Debian, Ubuntu) or
 * /run/media/USER/LABEL (Fedora and others); a machine set up by IT
 * (usbmount, an fstab line) at /media/LABEL.  A drive is a folder there
 * that is another filesystem than its parent, so a folder left behind
 * by an unplugged key, on the computer's own disk, is not one.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drives.h"
#include "util.h"

char **
drives_roots(const char *configured)
{
	struct passwd *pw = getpwuid(getuid());
	char **roots = xcalloc(4, sizeof(*roots));
	size_t n = 0;

	if (configured != NULL) {
		if (util_is_folder(configured))
			roots[n++] = xstrdup(configured);
		return roots;
	}
	if (pw == NULL)
		return roots;
	/* Both, even before they exist: the desktop makes /media/USER when
	 * the first key of a new machine is plugged in, perhaps after the
	 * screens started (drives_grant() says what the sandbox allows). */
	roots[n++] = xasprintf("/media/%s", pw->pw_name);
	roots[n++] = xasprintf("/run/media/%s", pw->pw_name);
	roots[n++] = xstrdup("/media");
	roots[n] = NULL;
	return roots;
}

/*
 * The system's folders where removable drives are mounted: only mount
 * points appear in them, each owned by the user it was mounted for, so
 * that writing there can reach nothing but drives.
 */
static const char *const media_folders[] = { "/media", "/run/media" };

const char *
drives_grant(const char *root)
{
	size_t i, len;

	if (util_is_folder(root))
		return root;
	for (i = 0; i < sizeof(media_folders) / sizeof(media_folders[0]);
	    i++) {
		len = strlen(media_folders[i]);
		if (strncmp(root, media_folders[i], len) == 0 &&
		    root[len] == '/' && strchr(root + len + 1, '/') == NULL &&
		    util_is_folder(media_folders[i]))
			return media_folders[i];
	}
	return NULL;
}

void
drives_roots_free(char **roots)
{
	size_t i;

	for (i = 0; roots != NULL && roots[i] != NULL; i++)
		free(roots[i]);
	free(roots);
}

static int
by_name(const void *a, const void *b)
{
	return strcoll(((const struct drive *)a)->name,
	    ((const struct drive *)b)->name);
}

size_t
drives_mounted(char *const *roots, struct drive **out)
{
	struct drive *list = NULL;
	struct dirent *e;
	struct stat parent, sb;
	size_t n = 0, cap = 0, i;
	char *path;
	DIR *d;

	for (i = 0; roots[i] != NULL; i++) {
		if (stat(roots[i], &parent) == -1 ||
		    (d = opendir(roots[i])) == NULL)
			continue;
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			path = xasprintf("%s/%s", roots[i], e->d_name);
			if (stat(path, &sb) == -1 || !S_ISDIR(sb.st_mode) ||
			    sb.st_dev == parent.st_dev) {
				free(path);
				continue;
			}
			if (n == cap)
				list = xreallocarray(list, cap = cap ? cap * 2 :
				    4, sizeof(*list));
			list[n].path = path;
			list[n++].name = xstrdup(e->d_name);
		}
		closedir(d);
	}
	if (n > 1)
		qsort(list, n, sizeof(*list), by_name);
	*out = list;
	return n;
}

void
drives_free(struct drive *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(list[i].path);
		free(list[i].name);
	}
	free(list);
}

char *
drives_copy_name(const struct drive *d, time_t now)
{
	struct tm tm;
	char day[16], *path;
	int i;

	localtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	path = xasprintf("%s/carnet-%s.db", d->path, day);
	for (i = 2; access(path, F_OK) == 0 && i < 1000; i++) {
		free(path);
		path = xasprintf("%s/carnet-%s-%d.db", d->path, day, i);
	}
	return path;
}
