#!/usr/bin/perl
# keyrows.pl SRC_DIR SCREEN_H: every row of the screens' key tables, as
# "SECTION<TAB>LABEL", read from the sources: the section is the screen's
# .name (the frame's own keys are "Everywhere"), the label as the bar and
# the help show it in English.  tests/docs/manual_and_rooms.t checks them against carnet(1)
# and the help screen.
use strict;
use warnings;

my ($src, $header) = @ARGV;
my $label = qr/(?:N_\()?"([^"]*)"\)?/;

# The rows the header's macros stand for.
my (%macro, $in);
open(my $h, '<', $header) or die "$header: $!";
while (<$h>) {
	$in = $1 if /^#define (UI_\w+_ROWS)\b/;
	push @{$macro{$in}}, $1 if defined $in &&
	    /UI_MOVE_ROW\([^,]+,\s*\d,\s*$label/;
	undef $in unless /\\$/;
}
close $h;

for my $file (sort glob("$src/ui*.c")) {
	open(my $f, '<', $file) or die "$file: $!";
	my $text = do { local $/; <$f> };
	close $f;
	my @rows;
	my $section = $file =~ m{/ui\.c$} ? 'Everywhere' : undef;
	$section = $1 if $text =~ /\.name = N_\("([^"]*)"\)/;
	next unless defined $section;
	while ($text =~ /\.label = $label|UI_MOVE_ROW\([^,]+,\s*\d,\s*$label|\b(UI_\w+_ROWS)\b,/g) {
		push @rows, defined $1 ? $1 : defined $2 ? $2 : @{$macro{$3}};
	}
	my %seen;
	print "$section\t$_\n" for grep { !$seen{$_}++ } @rows;
}
