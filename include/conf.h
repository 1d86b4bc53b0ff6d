/*
 * conf.h - the configuration file, $XDG_CONFIG_HOME/carnet/config:
 * "key = value" lines and "#" comments (carnet(5)).
 */
#ifndef CARNET_CONF_H
#define CARNET_CONF_H

#include <stdio.h>

struct conf {
	char	*notebook;	/* NULL: the default place */
	long	 lock_after;	/* seconds; 0 never */
	char	*print_command;
	char	*printer;	/* NULL: CUPS's default */
	long	 print_timeout;	/* seconds the print command may take;
				 * 0 as long as it takes */
	char	*worker;
	char	*service;
	long	 retention_days;
	char	*contact;	/* for the notice: how to reach the worker */
	char	*notice;	/* the notice's text, when adapted */
	char	*pdf_folder;	/* NULL: the documents folder */
	char	*drives;	/* where removable drives are mounted;
				 * NULL: /media/USER and /run/media/USER */
	long	 backup_days;	/* remind after so many days without a
				 * backup; 0 never */
	long	 sandbox;	/* 1: confine with Landlock (sandbox.h) */
	long	 discreet;	/* 1: the screens list people by their
				 * initials and number */
	char	*spelling;	/* a dictionary ("fr_FR"), or "off"; NULL:
				 * the language of the messages' */
};

/* The defaults. */
void	conf_init(struct conf *);
/* Read FP (named NAME in messages) into CONF.  Each bad line is reported
 * on ERRORS with its number and skipped; returns how many were bad. */
int	conf_parse(struct conf *, FILE *fp, const char *name, FILE *errors);
/* Read the file at PATH if it exists; as conf_parse, or -1 when it
 * exists but cannot be read. */
int	conf_load(struct conf *, const char *path, FILE *errors);
/* The file's place: $XDG_CONFIG_HOME/carnet/config, or under ~/.config.
 * Allocated; NULL when neither variable is set. */
char	*conf_path(void);
void	conf_free(struct conf *);
/* VALUE with a leading "~" made the home folder (a new string). */
char	*conf_expand(const char *value);
/* Where a PDF is saved when there is no printer: pdf_folder, else the
 * documents folder (xdg-user-dirs, else ~/Documents), never the home
 * folder itself.  With CREATE, a documents folder that does not exist is
 * made (*MADE then 1) rather than fall back anywhere.  A new string, or
 * NULL when there is none (no HOME). */
char	*conf_pdf_folder(const struct conf *, int create, int *made);
/* Is PATH the home folder, or a folder above it?  The sandbox never
 * grants those: a print command could write ~/.profile. */
int	conf_holds_home(const char *path);

#endif
