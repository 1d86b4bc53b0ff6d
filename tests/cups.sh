# Sourced by the printing tests: a private CUPS with a cups-pdf queue, as
# PRINTING.md found it works on Debian 12 (as root).  cups_start sets
# CUPS_SERVER and CUPS_OUT (where the printed PDFs land); cups_stop stops
# it and removes the backend's configuration file.
cups_start() {
	local conf
	# The socket's path must stay under 108 bytes: a short folder.
	CUPS_DIR=$(mktemp -d /tmp/cups.XXXXXX) || return 1
	CUPS_QUEUE="carnettest$$"
	CUPS_OUT="$CUPS_DIR/out"
	mkdir -p "$CUPS_DIR"/spool "$CUPS_DIR"/cache "$CUPS_DIR"/state \
	    "$CUPS_DIR"/log "$CUPS_DIR"/tmp "$CUPS_DIR"/pdfspool "$CUPS_OUT"
	chmod 1777 "$CUPS_DIR"/tmp "$CUPS_DIR"/pdfspool "$CUPS_OUT"
	cat > "$CUPS_DIR/cupsd.conf" <<-END
	Listen $CUPS_DIR/cups.sock
	LogLevel warn
	WebInterface No
	Browsing No
	DefaultAuthType None
	<Location />
	  Order allow,deny
	  Allow all
	</Location>
	<Location /admin>
	  Order allow,deny
	  Allow all
	</Location>
	<Policy default>
	  <Limit All>
	    Order allow,deny
	    Allow all
	  </Limit>
	</Policy>
	END
	cat > "$CUPS_DIR/cups-files.conf" <<-END
	ServerRoot $CUPS_DIR
	RequestRoot $CUPS_DIR/spool
	TempDir $CUPS_DIR/tmp
	CacheDir $CUPS_DIR/cache
	StateDir $CUPS_DIR/state
	AccessLog $CUPS_DIR/log/access_log
	ErrorLog $CUPS_DIR/log/error_log
	PageLog $CUPS_DIR/log/page_log
	SystemGroup root
	END
	# The backend reads this path whatever the ServerRoot.
	conf="/etc/cups/cups-pdf-$CUPS_QUEUE.conf"
	cat > "$conf" <<-END
	Out $CUPS_OUT
	AnonDirName $CUPS_OUT
	Spool $CUPS_DIR/pdfspool
	Log $CUPS_DIR/log
	Label 0
	TitlePref 1
	END
	unset PRINTER LPDEST
	export CUPS_SERVER="$CUPS_DIR/cups.sock"
	cupsd -f -c "$CUPS_DIR/cupsd.conf" -s "$CUPS_DIR/cups-files.conf" \
	    > "$CUPS_DIR/log/cupsd.out" 2>&1 &
	CUPSD_PID=$!
	local i
	for i in $(seq 1 50); do
		lpstat -r 2> /dev/null | grep -q 'is running' && break
		sleep 0.1
	done
	lpadmin -p "$CUPS_QUEUE" -E -v "cups-pdf:/$CUPS_QUEUE" \
	    -m lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd \
	    -o pdftops-renderer-default=pdftocairo || return 1
	lpadmin -d "$CUPS_QUEUE"
}

cups_stop() {
	[ -n "${CUPSD_PID:-}" ] && kill "$CUPSD_PID" 2> /dev/null &&
	    wait "$CUPSD_PID" 2> /dev/null
	CUPSD_PID=
	rm -f "/etc/cups/cups-pdf-${CUPS_QUEUE:-none}.conf"
}

# Wait until a PDF lands in $CUPS_OUT (up to 20 s); print its path.
cups_output() {
	local i f
	for i in $(seq 1 200); do
		f=$(ls "$CUPS_OUT"/*.pdf 2> /dev/null | head -1)
		if [ -n "$f" ] && [ -s "$f" ]; then
			sleep 0.3
			echo "$f"
			return 0
		fi
		sleep 0.1
	done
	return 1
}
