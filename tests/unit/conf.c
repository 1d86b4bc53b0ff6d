/* Unit tests of conf.c: defaults, good lines, bad lines named by number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "tap.h"

static int
parse(struct conf *c, const char *text, char **messages)
{
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	size_t len;
	FILE *out = open_memstream(messages, &len);
	int bad = conf_parse(c, in, "config", out);

	fclose(in);
	fclose(out);
	return bad;
}

int
main(void)
{
	struct conf c;
	char *msg, *path;
	setenv("HOME", "/home/marie", 1);

	conf_init(&c);
	ok(c.notebook == NULL, "no notebook by default");
	is_int(c.lock_after, 300, "lock after 300 s by default");
	is_str(c.print_command, "lp", "lp by default");
	is_int(c.retention_days, 730, "two years by default");
	is_int(c.backup_days, 7, "a backup reminder after 7 days by default");
	ok(c.drives == NULL, "drives in the desktop's places by default");
	is_int(c.discreet, 0, "names in full by default");

	is_int(parse(&c, "# a comment\n\n  notebook = ~/notes/c.db  \n"
	    "lock_after=60\nprinter = Bureau 2\nworker = Marie Curie\n"
	    "service = CMP Belleville\nretention_days = 365\n"
	    "print_command = lp -o sides=two-sided-long-edge\n"
	    "drives = ~/cles\nbackup_days = 0\ndiscreet = yes\n", &msg), 0,
	    "a good file has no bad line");
	is_str(msg, "", "and says nothing");
	free(msg);
	is_str(c.notebook, "/home/marie/notes/c.db", "~/ expands to HOME");
	is_int(c.lock_after, 60, "lock_after read");
	is_str(c.printer, "Bureau 2", "inner spaces kept");
	is_str(c.worker, "Marie Curie", "worker read");
	is_str(c.print_command, "lp -o sides=two-sided-long-edge",
	    "print_command read");
	is_int(c.retention_days, 365, "retention_days read");
	is_str(c.drives, "/home/marie/cles", "drives read, ~/ expanded");
	is_int(c.backup_days, 0, "backup_days = 0: never reminded");
	is_int(c.discreet, 1, "discreet = yes");

	is_int(parse(&c, "lock_after = soon\nno equals sign\ncolour = red\n"
	    "printer =\n", &msg), 3, "three bad lines counted");
	ok(strstr(msg, "config:1:") != NULL && strstr(msg, "lock_after") !=
	    NULL, "a bad number is named with its line");
	ok(strstr(msg, "config:2:") != NULL && strstr(msg, "config:3:") !=
	    NULL && strstr(msg, "colour") != NULL,
	    "a line without '=' and an unknown key are named");
	free(msg);
	is_int(c.lock_after, 60, "a bad value keeps the previous one");
	ok(c.printer == NULL, "an empty value means the default");
	conf_free(&c);

	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	path = conf_path();
	is_str(path, "/x/conf/carnet/config", "XDG_CONFIG_HOME honoured");
	free(path);
	return done();
}
