#!/usr/bin/env bash
# EPUB of samples/: valid (EPUBCheck, no message) in its usual form and with every part
# switched off; byte-identical across two builds; mimetype first and stored; an existing
# output is replaced only by a complete file.
# ctest-cost: 25
source "$(dirname "$0")/epub_common.bash"
SITE="$PP_SOURCE_DIR/samples"
[ -d "$SITE/_posts" ] || skip "samples/ absent"

epub_build_and_check "$SITE" full --group-by month
cp "$WORK/full.epub" "$WORK/first.epub"
pp build --site "$SITE" --format epub --group-by month -o "$WORK/full.epub" || fail "second build"
cmp -s "$WORK/first.epub" "$WORK/full.epub" || fail "two builds of the same input differ"

python3 - "$WORK/full.epub" <<'PY' || fail "archive layout"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
first = z.infolist()[0]
assert first.filename == "mimetype", first.filename
assert first.compress_type == zipfile.ZIP_STORED, "mimetype is compressed"
assert z.read("mimetype") == b"application/epub+zip"
assert not first.extra, "mimetype has an extra field"
names = z.namelist()
assert "OEBPS/nav.xhtml" in names and "OEBPS/toc.ncx" in names, names
opf = z.read("OEBPS/content.opf").decode()
for needle in ("dcterms:modified", "schema:accessMode", "schema:accessibilityFeature",
               "schema:accessibilityHazard", "schema:accessibilitySummary", "cover-image", "<dc:subject>"):
    assert needle in opf, needle
PY

epub_build_and_check "$SITE" bare --no-cover --no-brief --no-toc --no-indexes
python3 - "$WORK/bare.epub" <<'PY' || fail "switches not honoured"
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
for gone in ("OEBPS/cover.xhtml", "OEBPS/brief.xhtml", "OEBPS/tags.xhtml", "OEBPS/authors.xhtml"):
    assert gone not in names, gone
PY
echo "epub_samples: ok"
