#!/usr/bin/env bash
# The first USB key of a new machine: /media/USER does not exist when the
# screens start (the desktop makes it with the first key), and the
# sandbox is set by then.  A key mounted afterwards is still found by ^B
# and written to: the sandbox allows /media, where only mount points
# appear.  In a private mount namespace, /media is a fresh tmpfs and the
# key another, mounted after the start.
. "$(dirname "$0")/../lib.sh"
command -v tmux > /dev/null || skip_all "no tmux"
[ "$(id -u)" -eq 0 ] || skip_all "mounting needs root"
command -v unshare > /dev/null && command -v nsenter > /dev/null ||
    skip_all "no unshare or nsenter (util-linux)"
unshare -m --propagation private true 2> /dev/null ||
    skip_all "no private mount namespace here"
user=$(id -un)
init
c new 'Amina Benali' > /dev/null
echo "Une note." | c add 1
landlock=$(perl -e 'print syscall(444, 0, 0, 1)')

tm_start "unshare -m --propagation private sh -c 'mount -t tmpfs tmpfs /media &&
    exec env HOME=\"$HOME\" CARNET_FILE=\"$CARNET_FILE\" LC_ALL=C.UTF-8 \
    CARNET_LOCALEDIR=\"${CARNET_LOCALEDIR:-}\" \"$CARNET\"'"
tm_wait 'Passphrase:' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Dossiers \(1\)'; ok $? "the screens start, /media/$user not there"
pid=$(tm_pid)
in_ns() { nsenter -t "$pid" -m "$@"; }
in_ns test ! -e "/media/$user"; ok $? "(it is not)"
tm_keys C-b
tm_wait 'No USB key'; ok $? "^B: no key yet, said"
in_ns sh -c "mkdir -p '/media/$user/CLE' && mount -t tmpfs tmpfs '/media/$user/CLE'"
ok $? "a key is plugged in afterwards (a tmpfs at /media/$user/CLE)"
tm_keys C-b
tm_wait 'onto .CLE.'; ok $? "^B finds it without a restart"
tm_keys y
tm_wait 'written and checked|cannot|could not'
in_ns sh -c "ls '/media/$user/CLE'" > "$T/on-key"
grep -q '^carnet-.*\.db$' "$T/on-key"
ok $? "the copy is on the key (Landlock ABI ${landlock:-none})"
tm_screen | grep -q 'written and checked'; ok $? "and the screen says it is checked"
tm_stop
finish
