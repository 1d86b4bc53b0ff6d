#!/usr/bin/env bash
# Every message and question a screen can show fits at 80 columns, in
# French and in English, and nothing is cut without a "…".
#
# Read from the catalogue (po/fr.po: each English message and its French
# translation, with where the sources use it): every one a screen can
# show (not only the command line's, the paper's or the documents'),
# its arguments filled with numbers and a common long name (28 columns),
# wraps within three rows at 79 columns; filled with the longest name
# the tests use (119 columns) in every %s, within the eight rows a
# message or a question may take (ui_widgets.c).  Then, under tmux at
# 80x24 in French, the places that once cut a sentence short: the first
# start's page, a dossier whose notes went on paper and were destroyed,
# a note's first line in the list, the help's longest entries.
. "$(dirname "$0")/../lib.sh"
top="$(cd "$(dirname "$0")/../.." && pwd)"

# rows.pl PO WIDTH ROWS: each message of the screens, in both languages,
# every %s WIDTH columns wide, as rows at 79 columns; prints how many
# lines it read, then those over ROWS rows.
cat > "$T/rows.pl" <<'END'
use strict; use warnings; use utf8;
binmode STDOUT, ':utf8';
open(my $po, '<:utf8', $ARGV[0]) or die;
local $/ = "";
my ($checked, @over) = (0);
sub unquote { my $s = join '', map { /^"(.*)"$/ ? $1 : '' } @_;
	$s =~ s/\\n/\n/g; $s =~ s/\\t/ /g; $s =~ s/\\"/"/g; $s =~ s/\\\\/\\/g; $s }
sub filled { my $s = shift;
	$s =~ s/%(?:\d+\$)?[-0-9.*]*l?s/"N" x $ARGV[1]/eg;
	$s =~ s/%(?:\d+\$)?[-0-9.*]*(?:l|ll|z)?[du]/12/g;
	$s =~ s/%%/%/g; $s }
sub rows { my $line = shift; my ($rows, $used) = (1, 0);
	for my $word (split / /, $line, -1) {
		my $w = length $word;
		if ($used > 0 && $used + 1 + $w > 79) { $rows++; $used = 0 }
		$used += ($used > 0 ? 1 : 0) + $w;
		while ($used > 79) { $rows++; $used -= 79 }
	}
	$rows }
for my $entry (<$po>) {
	my @refs = $entry =~ /^#: (.*)$/mg;
	my @files = map { /(src\/[a-z_]+\.c)/g } @refs;
	next unless grep { !/src\/(cli[a-z_]*|paper[a-z_]*|document[a-z_]*)\.c/ } @files;
	my @lines = split /\n/, $entry;
	my (@texts, $cur);
	for (@lines) {
		if (/^(msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$/) {
			push @texts, $cur if $cur; $cur = [$1, $2];
		} elsif (/^(".*")$/ && $cur) { push @$cur, $1 }
	}
	push @texts, $cur if $cur;
	for my $t (@texts) {
		my ($kind, @q) = @$t;
		my $text = unquote(@q);
		next if $text eq '';
		for my $line (split /\n/, filled($text)) {
			$checked++;
			my $r = rows($line);
			push @over, "$r rows: $line" if $r > $ARGV[2];
		}
	}
}
print "$checked\n";
print "$_\n" for @over;
END
perl "$T/rows.pl" "$top/po/fr.po" 28 3 > "$T/over"
checked=$(head -1 "$T/over")
[ "$checked" -gt 500 ]
ok $? "the screens' messages were read from the catalogue ($checked lines, both languages)"
is "$(sed 1d "$T/over")" "" "with a common long name, every one takes three rows at most at 80 columns"
perl "$T/rows.pl" "$top/po/fr.po" 119 8 > "$T/over"
is "$(sed 1d "$T/over")" "" "with the longest name in every %s, eight rows at most"
perl "$T/rows.pl" "$top/po/fr.po" 119 3 > "$T/over"
[ "$(sed 1d "$T/over" | wc -l)" -gt 0 ]
ok $? "(the measure can fail: with the longest name, some take more than three)"

need_french_screens
PASS="largeur-phrase-8Tq"
# The screen's rows wider than 80 characters (not bytes).
wide_rows() { tm_screen | perl -CSD -ne 'chomp; print "$_\n" if length > 80'; }
run=$(french_screens)

# The first start: the page's sentences wrap whole, centred.
tm_start "$run"
tm_wait 'Phrase de passe\|phrase de passe' > /dev/null
joined > "$T/first"; echo >> "$T/first"
like "$T/first" "quelques mots se retiennent le mieux\." \
    "the first start's page: its long sentence is whole at 80 columns"
like "$T/first" "reprend votre carnet depuis sa sauvegarde\." \
    "and so is the last"
is "$(wide_rows)" "" "no row wider than the terminal"
tm_stop

init
mkdir -p "$XDG_CONFIG_HOME/carnet"
printf 'print_command = sh -c cat>/dev/null\n' > "$XDG_CONFIG_HOME/carnet/config"
c new 'Amina Benali' > /dev/null
echo "Une note." | c add 1
c print 1 2> /dev/null > /dev/null
c purge -y 1 > /dev/null 2>&1
c new 'Paul Martin' > /dev/null
echo "Rendez-vous avec Paul pour préparer le dossier de surendettement et un rendez-vous au tribunal." | c add 2

tm_start "$run"
tm_wait 'Phrase de passe' > /dev/null && tm_keys "$PASS" Enter
tm_wait 'Amina Benali' > /dev/null
# Each dossier by its name: which was written last may be the same second.
tm_keys paul
tm_wait '(1/2)\|Paul' > /dev/null
tm_keys Enter
tm_wait 'Paul Martin (1 note)' > /dev/null
tm_screen > "$T/dossier"
grep 'Rendez-vous avec Paul' "$T/dossier" > "$T/line"
like "$T/line" '…$' "a note's first line too long for the list ends in …"
joined > "$T/dossier-joined"; echo >> "$T/dossier-joined"
like "$T/dossier-joined" 'n° 1 ' "the note is numbered as show numbers it (n° 1)"
tm_keys Escape
tm_wait 'Dossiers' > /dev/null
tm_keys Escape
sleep 0.3	# an Escape followed at once by a letter would be Alt-letter
tm_keys amina
sleep 0.3
tm_keys Enter
tm_wait 'Amina Benali (0 note)' > /dev/null
joined > "$T/gone"; echo >> "$T/gone"
like "$T/gone" "puis détruite ici (la dernière fois le [0-9/]*)\." \
    "a dossier whose notes were destroyed says when, to its closing bracket"

# The help's longest entries, wrapped rather than cut.
tm_keys C-g
tm_wait 'Aide' > /dev/null
tm_keys Home
tm_wait '1/[0-9]' > /dev/null
joined > "$T/help"; echo >> "$T/help"
like "$T/help" "deux personnes du même nom, ou la liste discrète" \
    "the help's longest entries are whole"
is "$(wide_rows)" "" "no row of the help wider than the terminal"
tm_stop

finish
