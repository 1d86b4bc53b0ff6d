/*
 * spell.c - carnet's side of spelling: finds the dictionary, starts the
 * spelling process (carnet-spell, spell_main.c) beside the program or in
 * carnet's library folder, and asks it about words over two pipes.  What
 * is sent (the note's words) is wiped here once answered; the process
 * is ended by spell_stop() at every lock.
 */
#define _GNU_SOURCE	/* pipe2, posix_spawn_file_actions_addclosefrom_np */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spell.h"

#ifndef LIBDIR
#define LIBDIR "/usr/local/lib/carnet"
#endif
/* Requests sent before their answers are read: well under a pipe's
 * 64 KiB, so that neither side waits on the other. */
#define BATCH_BYTES	16384

struct spell {
	pid_t	pid;
	int	to, from;		/* its standard input, output */
	char	dic[PATH_MAX];
	char	in[4096];		/* what it said, not yet taken */
	size_t	have;
	int	ready;			/* "ready" read: its dictionary is */
};

const char *
spell_dictionary(const char *value)
{
	const char *lang;

	if (value != NULL && value[0] != '\0')
		return strcmp(value, "off") == 0 ? NULL : value;
	lang = setlocale(LC_MESSAGES, NULL);
	return lang != NULL && strncmp(lang, "fr", 2) == 0 ? "fr_FR" :
	    "en_US";
}

/* NAME.aff and NAME.dic in one of DICPATH's folders, then Hunspell's
 * own; 0 with their paths, or -1. */
static int
find(const char *name, char *aff, char *dic, size_t size)
{
	const char *dicpath = getenv("DICPATH");
	char folders[4096], *folder, *save = NULL;

	snprintf(folders, sizeof(folders), "%s%s/usr/share/hunspell",
	    dicpath != NULL ? dicpath : "", dicpath != NULL ? ":" : "");
	for (folder = strtok_r(folders, ":", &save); folder != NULL;
	    folder = strtok_r(NULL, ":", &save)) {
		if ((size_t)snprintf(aff, size, "%s/%s.aff", folder, name) >=
		    size || (size_t)snprintf(dic, size, "%s/%s.dic", folder,
		    name) >= size)
			continue;
		if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0)
			return 0;
	}
	return -1;
}

/* The spelling process's program: beside the running carnet (a build
 * tree), else where "make install" puts it; nothing taken from the
 * environment.  Freed by the caller. */
char *
spell_helper(void)
{
	char *path = util_beside_program(SPELL_HELPER);

	return path != NULL ? path : xasprintf("%s/%s", LIBDIR, SPELL_HELPER);
}

/* One line of the process's answer into LINE; 0, or -1 when it is gone. */
static int
line(struct spell *sp, char *out, size_t size)
{
	char *nl;
	size_t len;
	ssize_t n;

	while ((nl = memchr(sp->in, '\n', sp->have)) == NULL) {
		if (sp->have == sizeof(sp->in))
			return -1;
		n = read(sp->from, sp->in + sp->have, sizeof(sp->in) -
		    sp->have);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		sp->have += (size_t)n;
	}
	len = (size_t)(nl - sp->in);
	if (len >= size)
		len = size - 1;
	memcpy(out, sp->in, len);
	out[len] = '\0';
	sp->have -= (size_t)(nl + 1 - sp->in);
	memmove(sp->in, nl + 1, sp->have);
	return 0;
}

struct spell *
spell_start(const char *dictionary, struct error *err)
{
	posix_spawn_file_actions_t fa;
	struct sigaction ignore;
	struct spell *sp;
	char aff[PATH_MAX], *helper;
	char *argv[4], *envp[] = { NULL };
	int to[2] = { -1, -1 }, from[2], rc;

	if (dictionary == NULL) {
		error_set(err, EXIT_ERROR, _("spelling is off (spelling = off "
		    "in the configuration)"));
		return NULL;
	}
	sp = xcalloc(1, sizeof(*sp));
	if (strchr(dictionary, '/') != NULL || find(dictionary, aff, sp->dic,
	    sizeof(aff)) == -1) {
		error_set(err, EXIT_ERROR, _("spelling is off: no dictionary "
		    "%s (install hunspell-%s)"), dictionary,
		    strncmp(dictionary, "fr", 2) == 0 ? "fr" : "en-us");
		free(sp);
		return NULL;
	}
	if (pipe2(to, O_CLOEXEC) == -1 || pipe2(from, O_CLOEXEC) == -1) {
		error_set(err, EXIT_ERROR, _("spelling is off: %s"),
		    strerror(errno));
		if (to[0] != -1) {
			close(to[0]);
			close(to[1]);
		}
		free(sp);
		return NULL;
	}
	helper = spell_helper();
	/* A process gone must not kill carnet when it writes to it. */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ignore, NULL);
	argv[0] = helper;
	argv[1] = aff;
	argv[2] = sp->dic;
	argv[3] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, to[0], STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, from[1], STDOUT_FILENO);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
	    O_WRONLY, 0);
	/* Nothing else of carnet's (the notebook) goes with it. */
	posix_spawn_file_actions_addclosefrom_np(&fa, STDERR_FILENO + 1);
	rc = posix_spawn(&sp->pid, helper, &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	close(to[0]);
	close(from[1]);
	sp->to = to[1];
	sp->from = from[0];
	if (rc != 0) {
		error_set(err, EXIT_ERROR, _("spelling is off: %s cannot be "
		    "started (%s); reinstall carnet"), helper, strerror(rc));
		free(helper);
		close(sp->to);
		close(sp->from);
		free(sp);
		return NULL;
	}
	free(helper);
	/* Not waited for: it reads its dictionary while carnet goes on,
	 * and the first question waits for its "ready" (spell_ready()). */
	return sp;
}

int
spell_ready(struct spell *sp)
{
	char ready[16];

	if (sp->ready)
		return 0;
	if (line(sp, ready, sizeof(ready)) == -1 || strcmp(ready, "ready") !=
	    0)
		return -1;
	sp->ready = 1;
	return 0;
}

const char *
spell_path(const struct spell *sp)
{
	return sp->dic;
}

/* A request: its letter, then the word, which holds no newline. */
static size_t
request(char *buf, char what, const char *word, size_t len)
{
	size_t i;

	buf[0] = what;
	for (i = 0; i < len; i++)
		buf[1 + i] = word[i] == '\n' ? ' ' : word[i];
	buf[1 + len] = '\n';
	return len + 2;
}

/* Ask about each of the N words, in batches. */
static int
ask(struct spell *sp, const char *const *words, const size_t *lens,
    size_t n, unsigned char *right)
{
	char *batch, answer[8];
	size_t first = 0, last, used, i;
	int rc = 0;

	if (spell_ready(sp) == -1)
		return -1;
	batch = xmalloc(BATCH_BYTES);

	while (rc == 0 && first < n) {
		/* As many requests as fit, then their answers. */
		for (last = first, used = 0; last < n && used + lens[last] +
		    2 <= BATCH_BYTES && lens[last] <= SPELL_WORD_MAX; last++)
			used += request(batch + used, 'c', words[last],
			    lens[last]);
		if (last == first) {
			right[first++] = 1;	/* too long to be a word */
			continue;
		}
		if (util_write_all(sp->to, batch, used) == -1)
			rc = -1;
		for (i = first; rc == 0 && i < last; i++) {
			if (line(sp, answer, sizeof(answer)) == -1)
				rc = -1;
			else
				right[i] = answer[0] == '1';
		}
		explicit_bzero(batch, used);
		first = last;
	}
	free(batch);
	return rc;
}

int
spell_known(struct spell *sp, const char *const *words, const size_t *lens,
    size_t n, unsigned char *right)
{
	size_t cap = 16, i, h, *slot, *same, *ulens, nu = 0;
	const char **uwords;
	unsigned char *uright;
	int rc;

	/* Each word asked once, however often the note holds it ("le",
	 * "de", a name): a note of 5,000 words has a third as many. */
	while (cap < 2 * n)
		cap *= 2;
	slot = xmalloc(cap * sizeof(*slot));
	for (i = 0; i < cap; i++)
		slot[i] = (size_t)-1;
	same = xmalloc((n ? n : 1) * sizeof(*same));
	uwords = xmalloc((n ? n : 1) * sizeof(*uwords));
	ulens = xmalloc((n ? n : 1) * sizeof(*ulens));
	for (i = 0; i < n; i++) {
		h = (size_t)util_hash(UTIL_HASH_START, words[i], lens[i]) &
		    (cap - 1);
		while (slot[h] != (size_t)-1 && !(ulens[slot[h]] == lens[i] &&
		    memcmp(uwords[slot[h]], words[i], lens[i]) == 0))
			h = (h + 1) & (cap - 1);
		if (slot[h] == (size_t)-1) {
			slot[h] = nu;
			uwords[nu] = words[i];
			ulens[nu++] = lens[i];
		}
		same[i] = slot[h];
	}
	uright = xmalloc(nu ? nu : 1);
	rc = ask(sp, uwords, ulens, nu, uright);
	for (i = 0; rc == 0 && i < n; i++)
		right[i] = uright[same[i]];
	free(slot);
	free(same);
	free(uwords);
	free(ulens);
	free(uright);
	return rc;
}

int
spell_suggest(struct spell *sp, const char *word, size_t len, char ***list)
{
	char buf[SPELL_WORD_MAX + 2], got[256];
	int n, i;

	*list = NULL;
	if (spell_ready(sp) == -1)
		return -1;
	if (len > SPELL_WORD_MAX)
		return 0;
	if (util_write_all(sp->to, buf, request(buf, 's', word, len)) == -1 ||
	    line(sp, got, sizeof(got)) == -1) {
		explicit_bzero(buf, sizeof(buf));
		return -1;
	}
	explicit_bzero(buf, sizeof(buf));
	n = atoi(got);
	if (n < 0 || n > SPELL_SUGGESTIONS_MAX)
		return -1;
	*list = xcalloc((size_t)n + 1, sizeof(**list));
	for (i = 0; i < n; i++) {
		if (line(sp, got, sizeof(got)) == -1) {
			spell_list_free(*list, i);
			*list = NULL;
			return -1;
		}
		(*list)[i] = wipe_dup(got, strlen(got));
	}
	explicit_bzero(got, sizeof(got));
	return n;
}

void
spell_list_free(char **list, int n)
{
	int i;

	for (i = 0; list != NULL && i < n; i++)
		wipe_free(list[i]);
	free(list);
}

/* A request that is not answered: add (a) or remove (r) WORD. */
static int
tell(struct spell *sp, char what, const char *word)
{
	char buf[SPELL_WORD_MAX + 2];
	size_t len = strlen(word);
	int rc;

	if (len == 0 || len > SPELL_WORD_MAX)
		return 0;
	rc = util_write_all(sp->to, buf, request(buf, what, word, len));
	explicit_bzero(buf, sizeof(buf));
	return rc;
}

int
spell_add(struct spell *sp, const char *word)
{
	return tell(sp, 'a', word);
}

int
spell_remove(struct spell *sp, const char *word)
{
	return tell(sp, 'r', word);
}

int
spell_name(struct spell *sp, const char *word)
{
	return tell(sp, 'n', word);
}

int
spell_names_forget(struct spell *sp)
{
	return util_write_all(sp->to, "N\n", 2);
}

void
spell_stop(struct spell *sp)
{
	int status;

	if (sp == NULL)
		return;
	close(sp->to);
	close(sp->from);
	/* Ended at once: nothing it holds is worth waiting for. */
	kill(sp->pid, SIGKILL);
	while (waitpid(sp->pid, &status, 0) == -1 && errno == EINTR)
		;
	explicit_bzero(sp->in, sizeof(sp->in));
	free(sp);
}
