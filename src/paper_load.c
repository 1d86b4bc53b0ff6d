/*
 * paper_load.c - finding the paper module when the first print comes.
 *
 * carnet-paper.so is looked for beside the running carnet (a build tree,
 * or a package that keeps them together), then where "make install"
 * puts it.  Beside the program first, so that a build under test never
 * loads an older installed module; the ABI number catches a module left
 * over from another version.  Nothing here is taken from the
 * environment: a variable must not be able to load code into a process
 * that holds the notes.
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "paper.h"

#ifndef LIBDIR
#define LIBDIR "/usr/local/lib/carnet"
#endif
#define MODULE "carnet-paper.so"

/* PATH gets the module's name in the folder of the running program. */
static int
beside_program(char *path, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", path, size - 1);
	char *slash;

	if (n <= 0)
		return -1;
	path[n] = '\0';
	if ((slash = strrchr(path, '/')) == NULL ||
	    (size_t)(slash + 1 - path) + sizeof(MODULE) > size)
		return -1;
	memcpy(slash + 1, MODULE, sizeof(MODULE));
	return 0;
}

const struct paper_module *
paper_load(struct error *err)
{
	static const struct paper_module *module;
	char path[PATH_MAX];
	const struct paper_module *table;
	void *handle;

	if (module != NULL)
		return module;
	if (beside_program(path, sizeof(path)) == -1 ||
	    access(path, F_OK) == -1)
		snprintf(path, sizeof(path), "%s/%s", LIBDIR, MODULE);
	if ((handle = dlopen(path, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		error_set(err, EXIT_ERROR, _("cannot print: the paper module "
		    "%s is missing or damaged (%s); reinstall carnet"), path,
		    dlerror());
		return NULL;
	}
	table = dlsym(handle, "carnet_paper_module");
	if (table == NULL || table->abi != PAPER_ABI) {
		error_set(err, EXIT_ERROR, _("cannot print: the paper module "
		    "%s belongs to another version of carnet; reinstall "
		    "carnet"), path);
		dlclose(handle);
		return NULL;
	}
	return module = table;
}
