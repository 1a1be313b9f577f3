#!/usr/bin/env bash
# Every generator fixture of tests/data/sites/ (written from each generator's documentation)
# builds to a PDF and an EPUB that pass the property checks, with every selected post's title
# and every author's name in both, and every image found: no image-missing or image-refused
# diagnostic, no "Image not available" box, and at least the pictures the posts reference.
# ctest-cost: 150
source "$(dirname "$0")/../tools/e2e-lib.sh"
SITES="$PP_SOURCE_DIR/tests/data/sites"

# check_fixture NAME MIN_IMAGES [selection...]
check_fixture() {
  local name="$1" min_images="$2"; shift 2
  local site="$SITES/$name"
  "$POSTPRESS" list --site "$site" "$@" --json | python3 -c '
import json, sys
names = {a for post in json.load(sys.stdin) for a in post["authors"]}
for n in sorted(names):
    print(n)' > "$WORK/$name.authors"
  [ -s "$WORK/$name.authors" ] || fail "$name: no post has an author"
  # The authors are expected along with the titles: one validator run per output checks both.
  ALSO_EXPECT="$WORK/$name.authors" build_and_check "$site" "$name" "$@"
  grep -E "\[image-(missing|refused)\]" "$WORK/stderr" && fail "$name: an image was not found"
  pdftotext "$WORK/$name.pdf" - 2>/dev/null | grep "Image not available" > /dev/null && fail "$name: a missing-image box in the PDF"
  local images
  images=$(pdfimages -list "$WORK/$name.pdf" 2>/dev/null | tail -n +3 | grep -vc " smask " || true)
  [ "$images" -ge "$min_images" ] || fail "$name: $images images drawn, expected at least $min_images"
  echo "$name: $(wc -l < "$WORK/$name.authors") authors, $images images"
}

check_fixture gatsby 3
check_fixture astro 2
check_fixture eleventy 2
check_fixture mkdocs 2
check_fixture zola 1
check_fixture pelican 2
check_fixture quarto 2
check_fixture hugo-i18n 3
check_fixture docusaurus-i18n 3
# A translated blog alone: the Japanese bundle's diagram comes from the English bundle.
check_fixture hugo-i18n 2 --lang ja
check_fixture docusaurus-i18n 2 --lang zh
echo "fixture_sites: ok"
