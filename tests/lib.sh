# Sourced by carnet's shell tests: a throwaway home, the binary under test,
# and TAP helpers.  make check sets CARNET (and CARNET_LOCALEDIR).
set -u
: "${CARNET:?set CARNET to the carnet binary (make check does)}"

T=$(mktemp -d "${TMPDIR:-/tmp}/carnet-test.XXXXXX")
trap 'tm_stop; cleanup_hook; rm -rf "$T"' EXIT
cleanup_hook() { :; }
export HOME="$T/home" TMPDIR="$T/tmp"
export XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
mkdir -p "$HOME" "$TMPDIR"
export CARNET_FILE="$T/nb.db"
unset CARNET_NOW LANGUAGE LANG
export LC_ALL=C.UTF-8 TZ=UTC
PASS="correct horse battery"

# The plan is printed by finish, at the end: a script that dies before
# has none, and prove fails it; adding a test never means counting them.
tap_n=0
tap_failed=0
# skip_all REASON: the whole file is skipped (what it needs is missing).
skip_all() { echo "1..0 # SKIP $1"; exit 0; }
# The screens in French, as a worker has them: tmux and fr_FR.UTF-8, or
# the whole file is skipped with the reason.
need_french_screens() {
	command -v tmux > /dev/null || skip_all "no tmux"
	locale -a 2> /dev/null | grep -qi '^fr_FR\.utf-\?8$' ||
	    skip_all "no fr_FR.UTF-8 locale"
}
# ok STATUS NAME: STATUS 0 passes.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		# A known bug marked "# TODO" in the name does not fail the
		# file; prove reports it.
		case $2 in
		*"# TODO"*) ;;
		*) tap_failed=$((tap_failed + 1)) ;;
		esac
	fi
}
# is GOT WANT NAME
is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
		return 1
	fi
}
# like FILE PATTERN NAME: FILE holds a line matching the grep PATTERN.
like() {
	if grep -q -- "$2" "$1"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		sed 's/^/#   /' "$1"
	fi
}
# french_screens [VAR=value ...]: what tm_start runs for carnet's screens
# in French, with this test's home, configuration, notebook and
# translations, and VAR=value besides; carnet's options may follow.
french_screens() {
	printf "env HOME='%s' XDG_CONFIG_HOME='%s' CARNET_FILE='%s' %s %s '%s'" \
	    "$HOME" "$XDG_CONFIG_HOME" "$CARNET_FILE" \
	    "LC_ALL=fr_FR.UTF-8 TZ=UTC CARNET_LOCALEDIR='${CARNET_LOCALEDIR:-}'" \
	    "$*" "$CARNET"
}
# The screen as one line, no-break spaces as spaces: a sentence wrapped
# over rows, as a person reads it.
joined() { tm_screen | tr '\n' ' ' | sed 's/\xc2\xa0/ /g' | tr -s ' '; }
# unlike FILE PATTERN NAME: FILE holds no line that PATTERN matches.
unlike() {
	if grep -q -- "$2" "$1"; then
		ok 1 "$3"
		grep -- "$2" "$1" | sed 's/^/#   /'
	else
		ok 0 "$3"
	fi
}
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $1"; }
finish() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
# tally WHAT N: add N to a figure of make check's closing table
# (tests/summary.t): inputs (hostile ones tried), kills (survived),
# leaks (found), lost (notes).  Outside make check, nothing.
tally() {
	[ -n "${CARNET_REPORT:-}" ] || return 0
	printf '%s\t%s\t%s\n' "$1" "$2" "$(basename "$0")" \
	    >> "$CARNET_REPORT/figures"
}

# no_printer: a print command that says what lp says with no printer
# set up, and a documents folder where the screens offer the PDF.
no_printer() {
	mkdir -p "$T/bin" "$XDG_CONFIG_HOME/carnet" "$HOME/Documents"
	printf '#!/bin/sh\ncat > /dev/null\necho "lp: Error - No default destination."\nexit 1\n' \
	    > "$T/bin/lp"
	chmod +x "$T/bin/lp"
	printf 'print_command = %s\n' "$T/bin/lp" > "$XDG_CONFIG_HOME/carnet/config"
	printf 'XDG_DOCUMENTS_DIR="$HOME/Documents"\n' > "$XDG_CONFIG_HOME/user-dirs.dirs"
}
# pages PDF: how many pages it has (pdfinfo, poppler-utils).
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# c ARGS: carnet with the passphrase $PASS on descriptor 3.
c() {
	"$CARNET" --passphrase-fd 3 "$@" 3<<-END
	$PASS
	END
}
# A new notebook at $CARNET_FILE with cheap key derivation.
init() {
	printf '%s\n' "$PASS" |
	    "$CARNET" --passphrase-fd 0 init --kdf-memory 8 --kdf-passes 1 \
	    2>/dev/null
}
sum() { cksum < "$1"; }
# nobody_carnet: sets NOBODY_CARNET to a copy of carnet in $T that the
# user nobody can run, and succeeds only if nobody really runs it: the
# checkout may sit where nobody cannot go (under /root, in a 0700
# folder), and where a test's folder lives must not decide whether the
# suite passes.  Needs root and setpriv.
as_nobody_run() {
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
}
nobody_carnet() {
	command -v setpriv > /dev/null && [ "$(id -u)" -eq 0 ] || return 1
	chmod 755 "$T"
	mkdir -p -m 755 "$T/nobody-bin"
	cp "$CARNET" "$T/nobody-bin/carnet"
	chmod 755 "$T/nobody-bin/carnet"
	NOBODY_CARNET="$T/nobody-bin/carnet"
	as_nobody_run "$NOBODY_CARNET" -V > /dev/null 2>&1
}
# The notebook's salt (its header) and the key init's cheap derivation
# gives, in hex, as carnet(5)'s recovery recipe computes them.
notebook_salt() { od -An -tx1 -N16 "$CARNET_FILE" | tr -d ' \n'; }
raw_key() {
	printf %s "$PASS" |
	    argon2 "$(notebook_salt)" -id -t 1 -m 13 -p 1 -l 32 -r
}
# stock_sql KEYSALT SQL: run SQL on $CARNET_FILE with the stock sqlcipher
# tool, keyed as carnet(5)'s recipe says (SQLCipher 3.4 ignores the
# cipher_compatibility that 4.x needs); the "ok" that 4.x prints for the
# key is left out.
stock_sql() {
	printf '%s\n' "PRAGMA key = \"x'$1'\";" \
	    "PRAGMA cipher_compatibility = 3;" "$2" |
	    sqlcipher "$CARNET_FILE" 2> /dev/null | sed '/^ok$/d'
}

# drafts_kept N: wait up to 10 s for the notebook to hold N drafts.  The
# editor keeps one once the keys have paused for its delay; on a busy
# machine the keys themselves may take a while to be read, so no fixed
# sleep is long enough.
drafts_are() { [ "$(stock_sql "$1" 'SELECT count(*) FROM draft;')" = "$2" ]; }
drafts_kept() {
	TM_TRIES=100 eventually drafts_are "$(raw_key)$(notebook_salt)" "$1"
}

# holds_notebook PID: wait up to 10 s for process PID, or a child of it
# (a shell function run in the background), to hold the notebook's lock.
# carnet takes it as soon as it opens the notebook (flock(), shown in
# /proc's fdinfo); a fixed sleep is too short on a busy machine.
holds_lock() {
	local p
	for p in "$1" $(pgrep -P "$1"); do
		grep -qs '^lock:.*FLOCK' /proc/"$p"/fdinfo/* && return 0
	done
	return 1
}
holds_notebook() { TM_TRIES=100 eventually holds_lock "$1"; }

# A private tmux server for what needs a terminal: tm_start COMMAND runs
# COMMAND in an 80x24 window; tm_keys sends keys; tm_wait PATTERN waits up
# to 5 s for the screen to show PATTERN (grep -E); tm_screen prints it.
TM_SOCKET="carnet-test-$$"
TM_STARTS=0
tm() { tmux -L "$TM_SOCKET" -f /dev/null "$@"; }
tm_start() {
	# A new server each time: one being killed may still hold the name.
	TM_STARTS=$((TM_STARTS + 1))
	TM_SOCKET="carnet-test-$$-$TM_STARTS"
	tm new-session -d -x "${TM_WIDTH:-80}" -y "${TM_HEIGHT:-24}" -s t \
	    "$* ; echo \"[exit \$?]\"; sleep 600"
}
tm_keys() { tm send-keys -t t "$@"; }
tm_screen() { tm capture-pane -p -t t; }
tm_wait() {
	local i
	for i in $(seq 1 "${TM_TRIES:-50}"); do
		tm_screen | grep -Eq -- "$1" && return 0
		sleep 0.1
	done
	tm_screen | sed 's/^/#   | /'
	return 1
}
# eventually COMMAND [ARG ...]: run it until it succeeds, for up to 5 s.
# What the keys just sent do may not be on screen yet on a busy machine:
# a check that something shows waits for it, never a fixed sleep.
eventually() {
	local i
	for i in $(seq 1 "${TM_TRIES:-50}"); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}
# tm_gone PATTERN: wait up to 5 s for the screen no longer to show it.
tm_hides() { ! tm_screen | grep -Eq -- "$1"; }
tm_gone() { eventually tm_hides "$1"; }
tm_stop() { tm kill-server 2> /dev/null; }
# The process the window runs (carnet, while it runs): the window's own,
# never another test's.
tm_pid() { pgrep -P "$(tm display-message -p -t t '#{pane_pid}')" | head -1; }
