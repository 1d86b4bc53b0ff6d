# carnet version
VERSION = 0.1.0

# paths
PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
DATADIR = $(PREFIX)/share/carnet
LIBDIR = $(PREFIX)/lib/carnet

# libraries, found with pkg-config
PKG_CONFIG = pkg-config
LIBS_PKG = sqlcipher libargon2 libcrypto icu-uc icu-i18n libzip libxml-2.0
PAPER_PKG = pangocairo cairo-pdf
CURSES_PKG = ncursesw
SPELL_PKG = hunspell
# The spelling process keys the names as carnet does (names.c).
NAMES_PKG = icu-uc icu-i18n
# no pkg-config file on Debian
UNISTRING_LIBS = -lunistring

# flags added on top of the user's CPPFLAGS, CFLAGS and LDFLAGS
CARNET_CPPFLAGS = -Iinclude -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 \
	-DVERSION=\"$(VERSION)\" -DLOCALEDIR=\"$(LOCALEDIR)\" \
	-DDATADIR=\"$(DATADIR)\" -DLIBDIR=\"$(LIBDIR)\"
CARNET_CFLAGS = -std=c11 -Wall -Wextra -pedantic
CARNET_LDFLAGS =

# compiler and linker
CC = cc
