/* unit/drives.c - where the screens look for a USB key (drives.c): the
 * folders, what the sandbox may write, which folders are drives, and the
 * copy's name.  A drive is another filesystem than its folder: as root
 * (CI), a tmpfs mounted in this test's own folder stands for a key. */
#include <sys/mount.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drives.h"
#include "tap.h"

static char dir[4096];

/* Is PATH one of ROOTS? */
static int
among(char **roots, const char *path)
{
	size_t i;

	for (i = 0; roots[i] != NULL; i++)
		if (strcmp(roots[i], path) == 0)
			return 1;
	return 0;
}

static void
touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0600);

	if (fd != -1)
		close(fd);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	struct passwd *pw = getpwuid(getuid());
	char path[4200], key[4200], *name, **roots;
	struct drive *found, fake;
	size_t n;
	int mounted;

	snprintf(dir, sizeof(dir), "%s/carnet-unit-XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL || pw == NULL)
		return 1;

	/* The folders: the desktops' two, and /media itself. */
	roots = drives_roots(NULL);
	snprintf(path, sizeof(path), "/media/%s", pw->pw_name);
	ok(among(roots, path), "/media/USER is looked in");
	snprintf(path, sizeof(path), "/run/media/%s", pw->pw_name);
	ok(among(roots, path), "/run/media/USER too");
	ok(among(roots, "/media"), "and /media itself, where usbmount and "
	    "fstab lines mount keys");
	drives_roots_free(roots);
	roots = drives_roots(dir);
	ok(roots[0] != NULL && strcmp(roots[0], dir) == 0 && roots[1] == NULL,
	    "the configuration's folder alone when it exists");
	drives_roots_free(roots);
	snprintf(path, sizeof(path), "%s/none", dir);
	roots = drives_roots(path);
	ok(roots[0] == NULL, "and none when it does not");
	drives_roots_free(roots);

	/* What the sandbox may write. */
	ok(drives_grant(dir) == dir, "an existing folder is granted itself");
	if (access("/media", F_OK) == 0) {
		const char *g = drives_grant("/media/nobody-here-yet");

		ok(g != NULL && strcmp(g, "/media") == 0,
		    "a /media/USER not made yet: /media, where the desktop "
		    "will make it");
	}
	ok(drives_grant("/media/a/b") == NULL || access("/media/a/b", F_OK)
	    == 0, "nothing deeper that does not exist");
	ok(drives_grant("/home/nobody-here/x") == NULL,
	    "nor anything outside the drives' folders");

	/* Which folders are drives: a folder left by a key unplugged, on
	 * the same disk, is not one. */
	snprintf(path, sizeof(path), "%s/LEFT", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/file", dir);
	touch(path);
	roots = drives_roots(dir);
	ok(drives_mounted(roots, &found) == 0,
	    "a folder on the same filesystem is no drive, nor a file");
	snprintf(key, sizeof(key), "%s/CLE", dir);
	mkdir(key, 0700);
	mounted = geteuid() == 0 && mount("tmpfs", key, "tmpfs", 0,
	    "size=1m") == 0;
	if (mounted) {
		n = drives_mounted(roots, &found);
		ok(n == 1 && strcmp(found[0].name, "CLE") == 0 &&
		    strcmp(found[0].path, key) == 0,
		    "a filesystem mounted there is a drive, by its name");
		drives_free(found, n);
	} else
		printf("ok %d # SKIP not root: no key to mount\n", ++tap_run);
	drives_roots_free(roots);

	/* The copy's name: the day, then -2, -3 when it is taken. */
	fake.path = key;
	fake.name = "CLE";
	name = drives_copy_name(&fake, 1764930000);	/* 2025-12-05 */
	ok(strstr(name, "/CLE/carnet-2025-12-0") != NULL &&
	    strcmp(name + strlen(name) - 3, ".db") == 0,
	    "the copy is named with the day");
	touch(name);
	snprintf(path, sizeof(path), "%s", name);
	free(name);
	name = drives_copy_name(&fake, 1764930000);
	ok(strcmp(name + strlen(name) - 5, "-2.db") == 0,
	    "a second copy that day: -2");
	unlink(name);
	free(name);
	unlink(path);

	if (mounted)
		umount(key);
	rmdir(key);
	snprintf(path, sizeof(path), "%s/LEFT", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/file", dir);
	unlink(path);
	rmdir(dir);
	return done();
}
