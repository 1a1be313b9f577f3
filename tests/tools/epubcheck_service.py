#!/usr/bin/env python3
"""The client of EpubCheckServer.java: EPUBCheck for many EPUBs in one Java process.

A test run checks some fifty EPUBs; each `java -jar epubcheck.jar` spends about five CPU seconds
starting before it validates anything, and a validation in a warm process takes a tenth of
that. When PP_EPUBCHECK_SPOOL names a folder (tests/CMakeLists.txt gives every test one per build tree),
epub_props.py asks the server there, starting it when none runs; anything unexpected (no JDK
for the source launcher, a server that died, a timeout) makes validate() return False and the
caller runs EPUBCheck itself, as before.

usage: epubcheck_service.py --check FILE.epub   EPUBCheck's verdict on FILE (exit 0: no fatal
                                                 error, error or warning)
       epubcheck_service.py --stop SPOOL         ends the server of SPOOL (scripts/test.sh)
"""
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

JAR = "/usr/share/java/epubcheck.jar"
SERVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "EpubCheckServer.java")
IDLE_SECONDS = 120      # a server nobody asks for this long ends by itself
START_SECONDS = 60      # how long a starting server may take to take its lock
VALIDATE_SECONDS = 900  # the longest one validation may take (ctest's own timeout)


def _server_alive(spool):
    """True when a process holds the spool's lock (fcntl locks: the kind Java's FileLock takes)."""
    try:
        fd = os.open(os.path.join(spool, "server.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _start_server(spool):
    log = open(os.path.join(spool, "server.log"), "ab")
    env = dict(os.environ)
    # The flags epub_props.py gives a one-off EPUBCheck suit a long run less: keep Java's defaults
    # but the serial collector (two cores, several processes).
    env["JDK_JAVA_OPTIONS"] = "-XX:+UseSerialGC"
    subprocess.Popen(["java", "-cp", JAR, SERVER, spool, str(IDLE_SECONDS)], stdin=subprocess.DEVNULL,
                     stdout=log, stderr=log, start_new_session=True, env=env)
    log.close()


def _ensure_server(spool):
    if _server_alive(spool):
        return True
    try:
        os.unlink(os.path.join(spool, "stop"))
    except FileNotFoundError:
        pass
    _start_server(spool)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if _server_alive(spool):
            return True
        time.sleep(0.05)
    return False


def validate(epub, report, spool):
    """Writes EPUBCheck's JSON report of `epub` to `report` through the spool's server; False
    when the server could not do it (the caller then runs EPUBCheck itself)."""
    return validate_code(epub, report, spool) is not None


def validate_code(epub, report, spool):
    """validate(), answering EPUBCheck's exit code (0 valid, 1 messages found: both leave a
    report), or None when the server could not do it."""
    try:
        os.makedirs(spool, mode=0o700, exist_ok=True)
        if not _ensure_server(spool):
            return None
        stem = os.path.join(spool, f"{time.time_ns():020d}-{os.getpid()}")
        with open(stem + ".tmp", "w", encoding="utf-8") as f:
            f.write(os.path.abspath(epub) + "\n" + os.path.abspath(report) + "\n")
        os.rename(stem + ".tmp", stem + ".req")
        deadline = time.monotonic() + VALIDATE_SECONDS
        checked = time.monotonic()
        while time.monotonic() < deadline:
            try:
                with open(stem + ".done", encoding="utf-8") as f:
                    code = f.read().strip()
                os.unlink(stem + ".done")
                # 0 valid, 1 messages found: both leave a report; anything else is the server's failure.
                return int(code) if code in ("0", "1") and os.path.exists(report) else None
            except FileNotFoundError:
                pass
            if time.monotonic() - checked > 2:
                checked = time.monotonic()
                if not _server_alive(spool):
                    break
            time.sleep(0.03)
        try:
            os.unlink(stem + ".req")
        except FileNotFoundError:
            pass
        return None
    except OSError:
        return None


def run_epubcheck(path):
    """(ok, detail): EPUBCheck on the EPUB at `path`, through the spool's server when
    PP_EPUBCHECK_SPOOL is set and it answers, else in a Java process of its own."""
    if not (shutil.which("java") and os.path.exists(JAR)):
        return True, "skipped: java or epubcheck missing"
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.json")
        spool = os.environ.get("PP_EPUBCHECK_SPOOL")
        if not (spool and validate(path, report, spool)):
            # The client compiler and the serial collector halve EPUBCheck's CPU time (a short run).
            subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR, path, "--json", report],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with open(report, encoding="utf-8") as f:
                messages = json.load(f).get("messages", [])
        except (OSError, ValueError) as error:
            return False, f"no report: {error}"
    bad = [m for m in messages if m.get("severity") in ("FATAL", "ERROR", "WARNING")]
    shown = [f"{m['severity']} {m.get('ID')} {(m.get('locations') or [{}])[0].get('path', '')}: "
             f"{m.get('message', '')[:100]}" for m in bad[:4]]
    return not bad, f"{len(bad)} messages {shown}"


def stop(spool):
    if os.path.isdir(spool):
        open(os.path.join(spool, "stop"), "w").close()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--stop":
        stop(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        ok, detail = run_epubcheck(sys.argv[2])
        print(f"{'pass' if ok else 'FAIL'} epubcheck {detail}")
        sys.exit(0 if ok else 1)
    print(__doc__, file=sys.stderr)
    sys.exit(2)
