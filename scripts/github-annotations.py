#!/usr/bin/env python3
"""Turns postpress diagnostics into GitHub workflow commands (annotations on the right file).

Reads `path:line:col: error|warning|note: message [code]` lines (postpress's text format) from
the files named, or standard input, and prints each as `::error file=...,line=...,col=...,
title=CODE::message` (warning -> ::warning, note -> ::notice); other lines pass through as
they are. A path that exists under --site (postpress prints post and image paths relative to
the site root) is rewritten relative to the current folder, so that an annotation for a site
in a subfolder lands on the file in the repository.

When postpress prints workflow commands itself (`--diagnostics-format github`), this script is
no longer needed: the action then passes that option instead.

  github-annotations.py [--site DIR] [FILE...]
"""
import argparse
import os
import re
import sys

LINE = re.compile(
    r"^(?P<path>.*?)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?: "
    r"(?P<severity>error|warning|note): (?P<message>.*?)(?: \[(?P<code>[a-z0-9-]+)\])?$")
COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text):
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repository_path(path, site):
    """The diagnostic's file as seen from the current folder, or None when it names no file."""
    if not path or path == "postpress":
        return None
    if site and not os.path.isabs(path):
        under_site = os.path.join(site, path)
        if os.path.exists(under_site):
            return os.path.normpath(under_site)
    if os.path.exists(path):
        return os.path.relpath(path) if os.path.isabs(path) else os.path.normpath(path)
    return None


def annotate(line, site):
    m = LINE.match(line)
    if not m:
        return line
    props = []
    path = repository_path(m.group("path"), site)
    if path:
        props.append("file=" + escape_property(path))
        if m.group("line"):
            props.append("line=" + m.group("line"))
        if m.group("col"):
            props.append("col=" + m.group("col"))
    if m.group("code"):
        props.append("title=" + escape_property(m.group("code")))
    message = m.group("message")
    if not path and m.group("path") not in ("", "postpress"):
        message = m.group("path") + ": " + message  # keep the place named even without a file
    head = "::" + COMMAND[m.group("severity")]
    return head + (" " + ",".join(props) if props else "") + "::" + escape_data(message)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", default="", help="the site root postpress was given")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    streams = [open(f, encoding="utf-8", errors="replace") for f in args.files] or [sys.stdin]
    for stream in streams:
        for raw in stream:
            print(annotate(raw.rstrip("\n"), args.site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
