#!/usr/bin/env bash
# The Landlock sandbox (carnet(1), SECURITY): once the notebook is open,
# nothing carnet runs may write outside the notebook's folder and the
# command's own output, run a program dropped in a user's folder, or open
# a TCP connection.  The print command is the witness: it runs inside the
# sandbox and reports what it could do.  "sandbox = no" is the negative
# control: the same witness must then succeed at everything.
. "$(dirname "$0")/../lib.sh"

# landlock_create_ruleset(NULL, 0, VERSION) is syscall 444 on every
# architecture Debian ships; it answers the kernel's Landlock ABI.
abi=$(perl -e 'print syscall(444, 0, 0, 1)')
if [ "${abi:-0}" -lt 1 ]; then
	skip_all "the kernel offers no Landlock"
fi

NB="$T/notebook" OUT="$T/elsewhere"
mkdir -p "$NB" "$OUT" "$T/bin"
export CARNET_FILE="$NB/nb.db"
cat > "$T/bin/witness" <<END
#!/bin/sh
cat > /dev/null
r="$NB/report"
: > "\$r"
{ echo x > "$OUT/outside.txt"; } 2> /dev/null; echo "write_outside=\$?" >> "\$r"
{ echo x > "$HOME/in-home.txt"; } 2> /dev/null; echo "write_home=\$?" >> "\$r"
{ echo x > "$NB/inside.txt"; } 2> /dev/null; echo "write_inside=\$?" >> "\$r"
cp /bin/true "$NB/dropped" 2> /dev/null; "$NB/dropped" 2> /dev/null
echo "exec_dropped=\$?" >> "\$r"
/bin/true; echo "exec_system=\$?" >> "\$r"
bash -c 'exec 3<> /dev/tcp/127.0.0.1/9' 2>&1 | tail -n 1 |
    sed 's/.*: /tcp=/' >> "\$r"
# Datagrams and raw packets: the first bytes of the PDF could leave so.
bash -c 'printf x > /dev/udp/127.0.0.1/9' 2> /dev/null; echo "udp4=\$?" >> "\$r"
bash -c 'printf x > /dev/udp/::1/9' 2> /dev/null; echo "udp6=\$?" >> "\$r"
perl -MSocket -e 'socket(my \$s, PF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, 0)
    or exit 1'; echo "udp_flags=\$?" >> "\$r"
perl -MSocket -e 'socket(my \$s, PF_INET, SOCK_RAW, 1) or exit 1'
echo "raw=\$?" >> "\$r"
perl -MSocket -e 'socket(my \$s, PF_INET, SOCK_STREAM, 0) or exit 1'
echo "tcp_socket=\$?" >> "\$r"
# Waiting for someone to come and take the notes: a listening port.
perl -MSocket -e 'socket(my \$s, PF_INET, SOCK_STREAM, 0) or exit 2;
    bind(\$s, pack_sockaddr_in(0, INADDR_LOOPBACK)) or exit 1;
    listen(\$s, 1) or exit 1'; echo "listen=\$?" >> "\$r"
exit 0
END
chmod +x "$T/bin/witness"
mkdir -p "$XDG_CONFIG_HOME/carnet"
conf() { printf 'print_command = %s\n%s' "$T/bin/witness" "$1" \
    > "$XDG_CONFIG_HOME/carnet/config"; }
# report KEY: what the witness found; denied KEY: it found a failure
# (and ran at all: without a report, nothing is proven).
report() { sed -n "s/^$1=//p" "$NB/report"; }
denied() { local v; v=$(report "$1"); [ -n "$v" ] && [ "$v" != 0 ]; }

init
c new 'Léa Martin' > /dev/null
echo 'Première note.' | c add 1

# The command line, confined.
conf ''
rm -f "$NB/report"
c print 1 2> "$T/err"; ok $? "print runs the print command inside the sandbox"
denied write_outside; ok $? "it cannot write outside the notebook's folder"
denied write_home; ok $? "nor in the home folder"
[ ! -e "$OUT/outside.txt" ] && [ ! -e "$HOME/in-home.txt" ]
ok $? "and nothing was written there"
is "$(report write_inside)" 0 "beside the notebook it can"
is "$(report exec_dropped)" 126 "a program dropped in a user's folder cannot run"
is "$(report exec_system)" 0 "the system's programs can"
if [ "$abi" -ge 4 ]; then
	is "$(report tcp)" 'Permission denied' "no TCP connection (ABI $abi)"
	is "$(report listen)" 1 "no TCP port bound to listen on (ABI $abi)"
else
	skip "TCP rules need Landlock ABI 4 (kernel 6.7), this one has $abi"
	skip "the same for listening"
fi
case "$(uname -m)" in
x86_64|aarch64|riscv64)
	denied udp4; ok $? "no UDP to 127.0.0.1"
	denied udp6; ok $? "nor to ::1"
	denied udp_flags; ok $? "nor a UDP socket asked with flags"
	denied raw; ok $? "no raw socket"
	is "$(report tcp_socket)" 0 "a TCP socket can still be made (for lp)"
	;;
*)
	for i in 1 2 3 4 5; do skip "no socket filter on $(uname -m)"; done
	;;
esac

# The negative control: the same witness, not confined, does it all.
conf 'sandbox = no
'
rm -f "$NB/report"
c print 1 --all 2> "$T/err"; ok $? "with sandbox = no, print still works"
is "$(report write_outside)" 0 "and the witness can write outside"
[ -e "$OUT/outside.txt" ]; ok $? "(the file is there)"
is "$(report exec_dropped)" 0 "can run a dropped program"
is "$(report tcp)" 'Connection refused' "and reach the network"
is "$(report listen)" 0 "and listen on a port"
is "$(report udp4)$(report udp6)$(report raw)" 000 \
    "and send datagrams and raw packets"
c check > "$T/out" 2>&1
like "$T/out" '^sandbox: off (sandbox = no' "check says the sandbox is off"
rm -f "$OUT/outside.txt" "$HOME/in-home.txt"

# A kernel without Landlock: tests/nolandlock.so makes its system calls
# answer ENOSYS.  carnet runs as before, unconfined.
conf ''
nolandlock="$(cd "$(dirname "$0")/.." && pwd)/nolandlock.so"
if [ -f "$nolandlock" ]; then
	rm -f "$NB/report"
	LD_PRELOAD="$nolandlock" \
	    c print 1 --all 2> "$T/err"
	ok $? "without Landlock in the kernel, print still works"
	is "$(report write_outside)" 0 "(unconfined: the witness writes outside)"
	LD_PRELOAD="$nolandlock" \
	    c check > "$T/out" 2>&1
	ok $? "and the notebook checks out"
	like "$T/out" '^sandbox: none, this kernel has no Landlock' \
	    "check says there is no sandbox"
else
	for i in 1 2 3 4; do skip "tests/nolandlock.so is not built (make check builds it)"; done
fi
rm -f "$OUT/outside.txt" "$HOME/in-home.txt"

# A bad value keeps the default: confined.
conf 'sandbox = peut-être
'
rm -f "$NB/report"
c print 1 --all 2> "$T/err"
like "$T/err" 'sandbox.*yes or no' "a bad value is reported"
denied write_outside; ok $? "and the default (confined) is kept"

# Each command writes where it was asked to, and only there.
conf ''
c print 1 --all -o "$OUT/p.pdf" 2> "$T/err"; ok $? "print -o writes outside the folder"
[ -s "$OUT/p.pdf" ]; ok $? "(the PDF is there)"
# Deleted, it is forgotten: no "was it printed?" waits in the screens.
rm -f "$OUT/p.pdf"
c backup "$OUT" 2> "$T/err"; ok $? "backup into another folder"
c backup "$OUT/copy.db" 2> "$T/err"; ok $? "backup to another file"
c export "$OUT/export" 2> "$T/err"; ok $? "export into a new folder"
[ -s "$OUT/export/Léa Martin/"* ]; ok $? "(the notes are there)"
c check > "$T/out" 2>&1; ok $? "the notebook is whole"
like "$T/out" "^sandbox: Landlock (ABI $abi)" "check says it runs confined, and how"
like "$T/out" '^sockets: no UDP, raw or packet socket' "and how sockets are filtered"
like "$T/out" '^Nothing leaves this computer through carnet but what it sends to the printer' \
    "a plain sentence first, to repeat to IT"
like "$T/out" '^What the shutting in leaves possible would need a flaw in carnet' \
    "and one before what stays possible"
like "$T/out" '^still possible: TCP to port 631 of any address' \
    "and what stays possible"
# A print server named by a host name is looked up through DNS: UDP stays.
CUPS_SERVER=printers.example.org c check > "$T/out" 2>&1
like "$T/out" '^sockets: no raw or packet socket; UDP allowed' \
    "a print server named by a host: UDP stays, and check says why"
# Too few descriptors to set Landlock up: every command says so (it ran
# unconfined without a word before).
(ulimit -n 8; c ls > /dev/null 2> "$T/err")
like "$T/err" 'sandbox could not be set up: this command runs unconfined' \
    "with Landlock out of reach, a command says it runs unconfined"

# The screens, confined after the unlock: print, lock, unlock, write.
rm -f "$NB/report"
tm_start "env HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME'" \
    "CARNET_FILE='$CARNET_FILE' LC_ALL=C.UTF-8 TZ=UTC '$CARNET'"
tm_wait 'Passphrase:' && tm_keys "$PASS" Enter
tm_wait 'Léa Martin' && tm_keys Enter
tm_wait 'p Print' && tm_keys p
tm_wait 'Print every note' && tm_keys y
tm_wait 'sent to the printer'
denied write_outside; ok $? "the screens print inside the sandbox"
is "$(report exec_dropped)" 126 "where dropped programs cannot run"
tm_keys C-l
tm_wait 'carnet locked' && tm_keys "$PASS" Enter
tm_wait 'p Print' && tm_keys n
tm_wait 'Note|note' && tm_keys 'Écrite après le verrou.' C-s
tm_wait 'Note saved'; ok $? "after a lock, the notebook opens again and a note is saved"
tm_keys q q
sleep 0.5
c show 1 | grep -q 'Écrite après le verrou'; ok $? "the note is in the notebook"
finish
