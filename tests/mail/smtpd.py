#!/usr/bin/python3
# A private SMTP server for the mail tests: aiosmtpd on 127.0.0.1 at a
# free port; every message it accepts is written to OUTDIR/NNN.eml (the
# bytes as received).  Writes the port to OUTDIR/port when it listens
# and runs until killed.   smtpd.py OUTDIR [PORT]
import os
import signal
import sys
import time

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, outdir):
        self.outdir = outdir
        # a restarted server goes on numbering after what is there
        self.n = len([f for f in os.listdir(outdir) if f.endswith(".eml")])

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        path = os.path.join(self.outdir, "%03d.eml" % self.n)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(path + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos) + "\n")
        os.rename(path + ".tmp", path)
        return "250 OK"


def main():
    outdir = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if port == 0:
        import socket
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
    c = Controller(Keep(outdir), hostname="127.0.0.1", port=port)
    c.start()
    with open(os.path.join(outdir, "port.tmp"), "w") as f:
        f.write("%d\n" % port)
    os.rename(os.path.join(outdir, "port.tmp"), os.path.join(outdir, "port"))
    signal.signal(signal.SIGTERM, lambda *a: (c.stop(), sys.exit(0)))
    while True:
        time.sleep(3600)


main()
