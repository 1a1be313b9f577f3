"""Passes of a checker, kept so that the same check of the same bytes runs once.

The sanitizer tree's bad-input tests make some of the very files the normal tree's runs of the
same tests make (the same input, a deterministic program: bad.liquid_budget's 2,914-page PDF,
byte for byte) and check them the same way; a check is a function of the file's bytes, the
checker's code, its options and the tools it runs. When PP_CHECK_CACHE names a folder (tests/
CMakeLists.txt gives both trees the normal tree's), a checker asks here first: a pass recorded
under the same key is that check's result, printed again; anything else runs the check, and a
pass is recorded. Failures are never recorded: they run again and say what failed.
"""
import hashlib
import os
import subprocess
import tempfile


def key(checker, options, files, tool_versions):
    """The SHA-256 of everything a verdict depends on: the checker's source file, its options
    (the files' names left out: each test writes its own), the files' bytes and the output of
    each command in `tool_versions` (the qpdf and poppler that do the work)."""
    h = hashlib.sha256()
    with open(checker, "rb") as f:
        h.update(f.read())
    for option in options:
        h.update(option.encode("utf-8", "surrogateescape") + b"\0")
    for path in files:
        h.update(b"\1file\0")
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    for command in tool_versions:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        h.update(b"\1tool\0" + done.stdout + str(done.returncode).encode())
    return h.hexdigest()


def recorded_pass(folder, digest):
    """The output of a recorded pass under `digest`, or None."""
    try:
        with open(os.path.join(folder, digest), encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def record_pass(folder, digest, output):
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(output)
        os.rename(tmp, os.path.join(folder, digest))
    except OSError:
        pass  # nothing recorded: the next asker checks again
