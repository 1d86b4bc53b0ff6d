#!/usr/bin/perl
# memscan.pl PID HEXNEEDLE... - how many of the needles (given in hex) are
# in the readable memory of process PID, as bytes or as the 32-bit
# characters curses keeps input in.  Prints one line per needle found.
# Used by tests/screens/a_session.t and tests/privacy/memory_after_lock.t
# to prove that a lock wipes secrets (run as root).
use strict;
use warnings;
no warnings 'portable';

my ($pid, @hex) = @ARGV;
my @needles;
for my $h (@hex) {
	my $bytes = pack('H*', $h);
	push @needles, [$h, $bytes], [$h . ' (as ints)',
	    join('', map { pack('V', ord) } split(//, $bytes))];
}
open(my $maps, '<', "/proc/$pid/maps") or die "maps: $!";
open(my $mem, '<:raw', "/proc/$pid/mem") or die "mem: $!";
my %found;
while (my $line = <$maps>) {
	my ($from, $to, $perm, $path) =
	    $line =~ /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/
	    or next;
	next unless $perm =~ /^r/;
	next if $path =~ /^\[(vvar|vsyscall)\]$/;
	my $start = hex $from;
	my $len = hex($to) - $start;
	sysseek($mem, $start, 0) or next;
	my ($buf, $got) = ('', 0);
	while ($got < $len) {
		my $n = sysread($mem, $buf, $len - $got, $got);
		last unless $n;
		$got += $n;
	}
	for my $n (@needles) {
		$found{$n->[0]} = $path || 'anonymous'
		    if index($buf, $n->[1]) >= 0;
	}
}
print "$_ in $found{$_}\n" for sort keys %found;
