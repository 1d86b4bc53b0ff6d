# Sourced by .ci/run and its helpers: minimal Debian roots made with
# debootstrap, to build and test carnet on another release than the one
# the machine runs (Debian 13 from Debian 12) and to install the .deb in
# a clean system.  Roots live in $CARNET_CI_CACHE, outside /tmp and
# /var/tmp (tests/privacy/no_plaintext_on_disk.t scans those), and are
# kept between runs: a base
# tarball per release, made once, and a build root per release, whose
# packages .ci/deps keeps up to date.

CARNET_CI_CACHE=${CARNET_CI_CACHE:-/var/cache/carnet-ci}
roots_mounted=

# The Debian mirror apt already uses here (deb.debian.org if none).
roots_mirror() {
	sed -n 's/^URIs: *\([^ ]*\/debian\)\/\{0,1\}$/\1/p;
	    s/^deb  *\(\[[^]]*\]  *\)\{0,1\}\([^ ]*\/debian\)\/\{0,1\} .*/\2/p' \
	    /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
	    /etc/apt/sources.list.d/*.list 2> /dev/null | head -1 |
	    grep . || echo http://deb.debian.org/debian
}

# roots_base SUITE: the path of a tarball of a minimal SUITE root, made
# once (about 40 s).
roots_base() {
	tar=$CARNET_CI_CACHE/$1-base.tar
	if [ ! -s "$tar" ]; then
		command -v debootstrap > /dev/null ||
		    apt-get install -y -qq --no-install-recommends \
		    debootstrap > /dev/null
		rm -rf "$CARNET_CI_CACHE/$1-tmp"
		mkdir -p "$CARNET_CI_CACHE"
		echo "== debootstrap $1 from $(roots_mirror)" >&2
		debootstrap --variant=minbase "$1" "$CARNET_CI_CACHE/$1-tmp" \
		    "$(roots_mirror)" > "$CARNET_CI_CACHE/$1.log" 2>&1 || {
			tail -20 "$CARNET_CI_CACHE/$1.log" >&2
			return 1
		}
		tar -C "$CARNET_CI_CACHE/$1-tmp" -cf "$tar.new" .
		mv "$tar.new" "$tar"
		rm -rf "$CARNET_CI_CACHE/$1-tmp"
	fi
	echo "$tar"
}

# roots_fresh SUITE DIR: DIR becomes a fresh copy of SUITE's base.
roots_fresh() {
	roots_umount "$2"
	rm -rf "$2"
	mkdir -p "$2"
	tar -C "$2" -xf "$(roots_base "$1")"
}

# roots_mount DIR: /proc, /dev and /dev/pts inside (tmux needs a pty),
# and the host's resolver for apt.
roots_mount() {
	for d in proc dev dev/pts; do
		mountpoint -q "$1/$d" || mount --bind "/$d" "$1/$d"
	done
	cp /etc/resolv.conf "$1/etc/resolv.conf" 2> /dev/null || true
	roots_mounted="$roots_mounted $1"
}

roots_umount() {
	for d in dev/pts dev proc; do
		! mountpoint -q "$1/$d" 2> /dev/null || umount -l "$1/$d"
	done
}

roots_umount_all() {
	for r in $roots_mounted; do
		roots_umount "$r"
	done
}

# roots_run DIR COMMAND: COMMAND through sh inside the root, with a clean
# environment.
roots_run() {
	chroot "$1" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
	    DEBIAN_FRONTEND=noninteractive TERM="${TERM:-xterm}" CI=true \
	    sh -c "$2"
}

# roots_copy_tree DIR: this checkout's files, as the working tree has
# them, into DIR/carnet.
roots_copy_tree() {
	rm -rf "$1/carnet"
	mkdir -p "$1/carnet"
	git ls-files -z --cached --others --exclude-standard |
	    xargs -0 cp -P --parents -t "$1/carnet"
}
