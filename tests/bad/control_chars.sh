#!/usr/bin/env bash
# Control characters in file names and metadata (issue 25, item 11): a diagnostic stays one
# line with no raw escape sequence whatever the file is called, and the EPUB stays valid
# whatever the tags, authors and titles hold.
source "$(dirname "$0")/bad-lib.bash"

# A post whose name holds a newline that forges a diagnostic line, and an ANSI escape; its
# front matter is broken so that a diagnostic names it.
jekyll_site "$WORK/site" "Control Site"
bad_name=$'2025-01-02-x\nforged.md:1:1: error: forged [x]\e[2J.md'
printf -- '---\ntitle: [unclosed\n---\nBody.\n' > "$WORK/site/_posts/$bad_name"
run_pp 120 1500 build --site "$WORK/site" -o "$WORK/out/names" --cache "$CACHE"
grep -q '^forged\.md' "$WORK/stderr" && fail "a file name forged a diagnostic line"
grep -q $'\e' "$WORK/stderr" && fail "a raw escape character reached the terminal"
expect_diag '2025-01-02-x\\nforged\.md:1:1: error: forged \[x\]\\x1b\[2J\.md' "the name, escaped"
rm -f "$WORK/site/_posts/$bad_name"

# Tags, an author and a subtitle made only of control characters.
cat > "$WORK/site/_posts/2025-01-03-controls.md" <<'MD'
---
title: "Controls"
date: 2025-01-03
tags: ["\x01", "\u0085", "ok-tag", "\x1b"]
author: "\x02\x03"
---

A post whose metadata is mostly control characters.
MD
run_pp 120 1500 build --site "$WORK/site" -o "$WORK/out/meta" --cache "$CACHE" -q
expect_status 0
# The EPUB passes EPUBCheck (epub_props); the PDF is checked by qpdf (poppler's XML output,
# which pdf_props reads, carries the control characters of the PDF's metadata raw).
python3 "$TOOLS/epub_props.py" "$WORK/out/meta.epub" --expect Controls > "$WORK/props" 2>&1 || { cat "$WORK/props" >&2; fail "epub_props"; }
qpdf --check "$WORK/out/meta.pdf" > /dev/null || fail "qpdf rejects the PDF"
opf=$(unzip -p "$WORK/out/meta.epub" '*.opf')
grep -q '<dc:subject>ok-tag</dc:subject>' <<<"$opf" || fail "the good tag is missing from the metadata"
grep -qE '<dc:(subject|creator)[^>]*>[[:space:]]*</dc:' <<<"$opf" && fail "an empty dc element was written"
echo "bad/control_chars: ok"
