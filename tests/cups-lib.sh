# A private CUPS for the print tests (source it after tests/lib.sh).
# Starts cupsd from Debian's cups with its own configuration, spool,
# cache, logs and socket under $TEST_DIR/cups, never the machine's cupsd,
# /etc/cups or /run/cups, and points lp/lpstat at it with CUPS_SERVER.
#
#   cups_start            start it (needs root; see cups_can_run)
#   cups_add_pdf_queue Q  add a cups-pdf queue Q (A4) writing to $CUPS_PDF_OUT
#   cups_add_file_queue Q FILE  a queue taking PDF (as a PDF printer,
#                         IPP Everywhere, does) that CUPS writes to FILE
#   cups_wait_job ID      wait until job ID has left the queue (20 s)
#   cups_stop             stop it (done at exit)
#
# cups-pdf, the PDF printer of printer-driver-cups-pdf, runs as root
# (mode 0700) and reads its settings from /etc/cups/cups-pdf.conf, a
# path compiled in.  cupsd therefore runs in a mount namespace of its
# own (unshare -m, private propagation) in which a folder of the test is
# bound over /etc/cups: there cups-pdf finds a cups-pdf.conf that writes
# into the test's folder, and the machine's /etc/cups is not touched.
#
# The queue renders with pdftocairo (Debian's README.Debian for cups-pdf
# recommends it): the default Ghostscript path turns text into outlines,
# and then pdftotext could not read the printout back.  Even so the
# PostScript round trip (pdftocairo -ps, then Ghostscript) maps some
# digits of the text layer to other code points while the page shows them
# right, so the exact text is read from the file queue, whose PDF is what
# a PDF printer receives after CUPS's pdftopdf.

CUPS_DIR="$TEST_DIR/cups"
CUPS_PDF_OUT="$CUPS_DIR/pdf"
CUPS_PID=

cups_can_run() {
	[ "$(id -u)" = 0 ] && [ -x /usr/sbin/cupsd ] && [ -x /usr/lib/cups/backend/cups-pdf ] &&
		command -v lp >/dev/null && command -v lpstat >/dev/null && command -v lpadmin >/dev/null &&
		command -v unshare >/dev/null && unshare -m true 2>/dev/null
}

cups_start() {
	# the filters run as lp: they must reach the spool under $TEST_DIR
	chmod 711 "$TEST_DIR"
	mkdir -p "$CUPS_DIR/etc/ppd" "$CUPS_DIR/spool/tmp" "$CUPS_DIR/cache" "$CUPS_DIR/state" \
		"$CUPS_DIR/log" "$CUPS_PDF_OUT" "$CUPS_DIR/pdf-spool" "$CUPS_DIR/etc-cups" &&
	chmod 755 "$CUPS_DIR" &&
	cat >"$CUPS_DIR/etc/cups-files.conf" <<-EOF &&
	ServerRoot $CUPS_DIR/etc
	RequestRoot $CUPS_DIR/spool
	TempDir $CUPS_DIR/spool/tmp
	CacheDir $CUPS_DIR/cache
	StateDir $CUPS_DIR/state
	DataDir /usr/share/cups
	ServerBin /usr/lib/cups
	DocumentRoot /usr/share/cups/doc-root
	AccessLog $CUPS_DIR/log/access_log
	ErrorLog $CUPS_DIR/log/error_log
	PageLog $CUPS_DIR/log/page_log
	SystemGroup root
	FileDevice Yes
	User lp
	Group lp
	EOF
	cat >"$CUPS_DIR/etc/cupsd.conf" <<-EOF &&
	LogLevel info
	Listen $CUPS_DIR/cups.sock
	Browsing No
	WebInterface No
	DefaultAuthType None
	PreserveJobHistory Yes
	JobRetryInterval 1
	<Location />
	  Order allow,deny
	  Allow all
	</Location>
	<Policy default>
	  <Limit All>
	    Order deny,allow
	  </Limit>
	</Policy>
	EOF
	cat >"$CUPS_DIR/etc-cups/cups-pdf.conf" <<-EOF &&
	Out $CUPS_PDF_OUT
	AnonDirName $CUPS_PDF_OUT
	Spool $CUPS_DIR/pdf-spool
	Log $CUPS_DIR/log
	Grp root
	UserUMask 0077
	EOF
	{ unshare -m --propagation private sh -c \
		"mount --bind '$CUPS_DIR/etc-cups' /etc/cups && exec /usr/sbin/cupsd -f -c '$CUPS_DIR/etc/cupsd.conf' -s '$CUPS_DIR/etc/cups-files.conf'" \
		>"$CUPS_DIR/log/cupsd.out" 2>&1 & } &&
	CUPS_PID=$! &&
	export CUPS_SERVER="$CUPS_DIR/cups.sock" &&
	i=0 &&
	while [ $i -lt 100 ] && ! lpstat -r 2>/dev/null | grep -q "is running"; do
		sleep 0.05; i=$((i + 1))
	done &&
	lpstat -r | grep -q "is running" || { cat "$CUPS_DIR/log/cupsd.out" "$CUPS_DIR/log/error_log" 2>/dev/null; return 1; }
}

cups_add_pdf_queue() {
	lpadmin -p "$1" -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd \
		-o PageSize=A4 -o pdftops-renderer-default=pdftocairo 2>&1 | grep -v "drivers are deprecated"
	lpstat -p "$1" >/dev/null
}

cups_add_file_queue() {
	mkdir -p "$(dirname "$2")" && chmod 777 "$(dirname "$2")" &&
	cat >"$CUPS_DIR/pdf-file.ppd" <<-'EOF' &&
	*PPD-Adobe: "4.3"
	*FormatVersion: "4.3"
	*FileVersion: "1.0"
	*LanguageVersion: English
	*LanguageEncoding: ISOLatin1
	*PCFileName: "PDFFILE.PPD"
	*Manufacturer: "madoguchi tests"
	*Product: "(PDF file)"
	*ModelName: "PDF to a file"
	*ShortNickName: "PDF to a file"
	*NickName: "PDF to a file"
	*PSVersion: "(3010.000) 0"
	*LanguageLevel: "3"
	*ColorDevice: True
	*DefaultColorSpace: RGB
	*FileSystem: False
	*Throughput: "1"
	*LandscapeOrientation: Plus90
	*TTRasterizer: Type42
	*cupsVersion: 2.4
	*cupsFilter2: "application/vnd.cups-pdf application/pdf 0 -"
	*OpenUI *PageSize/Media Size: PickOne
	*OrderDependency: 10 AnySetup *PageSize
	*DefaultPageSize: A4
	*PageSize A4/A4: "<</PageSize[595 842]>>setpagedevice"
	*CloseUI: *PageSize
	*OpenUI *PageRegion: PickOne
	*OrderDependency: 10 AnySetup *PageRegion
	*DefaultPageRegion: A4
	*PageRegion A4/A4: "<</PageSize[595 842]>>setpagedevice"
	*CloseUI: *PageRegion
	*DefaultImageableArea: A4
	*ImageableArea A4/A4: "0 0 595 842"
	*DefaultPaperDimension: A4
	*PaperDimension A4/A4: "595 842"
	EOF
	lpadmin -p "$1" -E -v "file:$2" -P "$CUPS_DIR/pdf-file.ppd" 2>&1 | grep -v "drivers are deprecated"
	lpstat -p "$1" >/dev/null
}

# Until job ID (DeskPDF-3) is done and cups-pdf has written its file.
cups_wait_job() {
	i=0
	while [ $i -lt 200 ]; do
		if ! lpstat -o 2>/dev/null | grep -q "^$1 "; then
			lpstat -W completed -o 2>/dev/null | grep -q "^$1 " && return 0
		fi
		sleep 0.1; i=$((i + 1))
	done
	echo "job $1 did not complete:"; lpstat -o; tail -20 "$CUPS_DIR/log/error_log"
	return 1
}

cups_stop() {
	if [ -n "$CUPS_PID" ]; then
		kill "$CUPS_PID" 2>/dev/null
		wait "$CUPS_PID" 2>/dev/null
		CUPS_PID=
	fi
}
trap 'cups_stop; cleanup' EXIT
