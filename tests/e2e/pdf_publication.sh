#!/usr/bin/env bash
# The digest as a printed book (issue 7, src/book/): on real builds of the sample site
# (both styles, grouped by month), and when the corpus is present of the KubeCon NA 2025 post
# and of a quarter of the Flux blog grouped by tag,
#   - every page number the brief ("At a glance"), the contents and the tag and author indexes
#     print for a post is the number printed on the page where that post's title opens it
#     (pdftotext per page, numbers read from each page's footer);
#   - the QR code on a post's opening page decodes (zbarimg) to the post's URL, and the one
#     beside a paragraph linking to a recording to the recording's URL;
#   - two builds are byte-identical;
#   - --no-cover --no-brief --no-indexes --no-qr take those parts out.
# ctest-cost: 25
source "$(dirname "$0")/../tools/e2e-lib.sh"
command -v pdftotext > /dev/null || skip "pdftotext missing"

# check_numbers PDF LIST_JSON: the page-number checks, in Python over pdftotext -layout per page.
check_numbers() {
  python3 - "$1" "$2" <<'PY'
import json, re, subprocess, sys
pdf, listing = sys.argv[1], sys.argv[2]
posts = json.load(open(listing, encoding="utf-8"))
n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
pages = [subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), pdf, "-"],
                        capture_output=True, text=True).stdout for i in range(1, n + 1)]
# Whitespace collapsed; a line break after a title's own hyphen ("First-\nTimers") undone.
norm = lambda s: re.sub(r"- (?=\w)", "-", " ".join(s.replace("\u00ad", "").split()))
# For titles: a title's own hyphen at a line end may be taken for a hyphenation and dropped.
squash = lambda s: re.sub(r"[\s\u00ad-]", "", s)
key = lambda s: re.sub(r"[\s_-]+", " ", s.strip().lower())

def footer(text):
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""

labels = [footer(p) for p in pages]
# Where each post opens: the first page numbered in arabic whose first lines hold its title.
opens = {}
for post in posts:
    t = squash(post["title"])
    for i, p in enumerate(pages):
        if labels[i].isdigit() and t in squash(" ".join(p.splitlines()[:12])):
            opens[post["title"]] = labels[i]
            break
    else:
        sys.exit(f"FAIL: no page opens with '{t}'")
front = [i for i, l in enumerate(labels) if not l.isdigit()]
errors, checked = [], {"brief": 0, "contents": 0, "index": 0}

def section_pages(start_word, stop_word):
    # From the front page where the section starts to the one where the next starts (a short
    # section shares its page with the next).
    out, on = [], False
    for i in front:
        text = norm(pages[i])
        if start_word in text: on = True
        if on: out.append(i)
        if on and stop_word and stop_word in text and len(out) > 0 and start_word not in text[:200]: break
    return out

# Brief and contents: the line holding a title's first words ends, on that line or one of the
# next two (wrapped titles), with the page number.
def check_entries(name, page_ids):
    for post in posts:
        words = norm(post["title"]).split()
        probe = " ".join(words[:4])
        found = False
        for i in page_ids:
            lines = pages[i].splitlines()
            for k, line in enumerate(lines):
                if probe not in norm(line): continue
                for cand in lines[k:k + 3]:
                    m = re.search(r"(\d+)\s*$", cand)
                    if m:
                        found = True
                        checked[name] += 1
                        if m.group(1) != opens[post["title"]]:
                            errors.append(f"{name}: '{post['title']}' cited as page {m.group(1)}, opens on {opens[post['title']]}")
                        break
        if not found: errors.append(f"{name}: no entry with a page number for '{post['title']}'")

check_entries("brief", section_pages("At a glance", "Contents"))
check_entries("contents", section_pages("Contents", ""))

# Indexes: "Term  3, 7" (two columns: split at wide gaps); each term's numbers are exactly the
# opening pages of the posts that carry that tag (author).
def check_index(title, field):
    # The lines of the back matter from the index's title to the next index (or the end).
    last_open = max(i for i, l in enumerate(labels) if l in opens.values())
    lines = [l for p in pages[last_open + 1:] for l in p.splitlines()]
    starts = [k for k, l in enumerate(lines) if norm(l).startswith(title)]
    if not starts: errors.append(f"no '{title}' page"); return
    body = []
    for l in lines[starts[0] + 1:]:
        if norm(l).startswith("Index of"): break
        body.append(l)
    expect = {}
    for post in posts:
        for v in post[field]:
            expect.setdefault(key(v), set()).add(opens[post["title"]])
    seen = set()
    for line in body:
        for cell in re.split(r"\s{3,}", line.strip()):
            m = re.fullmatch(r"(.+?)\s+((?:\d+,\s*)*\d+)", cell.strip())
            if not m or key(m.group(1)) not in expect: continue
            got = set(x.strip() for x in m.group(2).split(","))
            seen.add(key(m.group(1)))
            checked["index"] += 1
            if got != expect[key(m.group(1))]:
                errors.append(f"{title}: '{m.group(1)}' lists {sorted(got)}, its posts open on {sorted(expect[key(m.group(1))])}")
    missing = set(expect) - seen
    if missing: errors.append(f"{title}: no entry read for {sorted(missing)[:5]}")

check_index("Index of tags", "tags")
check_index("Index of authors", "authors")
if errors:
    print("\n".join(errors[:20])); sys.exit(1)
print(f"page numbers right: {checked} entries checked over {n} pages, {len(front)} front pages")
PY
}

# check_qr PDF LIST_JSON: the first post's opening page holds a code that decodes to its URL.
check_qr() {
  command -v zbarimg > /dev/null && command -v pdftoppm > /dev/null || { echo "zbarimg/pdftoppm missing: QR not checked"; return 0; }
  local pdf="$1" url title page
  url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["url"])' "$2")
  title=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["title"])' "$2")
  page=$(python3 - "$pdf" "$title" <<'PY'
import re, subprocess, sys
pdf, title = sys.argv[1], " ".join(sys.argv[2].split())
n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
for i in range(1, n + 1):
    t = subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), pdf, "-"], capture_output=True, text=True).stdout
    squash = lambda s: re.sub(r"[\s\u00ad-]", "", s)  # a title's own hyphen at a line end may vanish
    lines = [l.strip() for l in t.splitlines() if l.strip()]
    if lines and lines[-1].isdigit() and squash(title) in squash(" ".join(t.splitlines()[:12])):
        print(i); break
PY
)
  [ -n "$page" ] || fail "no opening page for '$title'"
  rm -f "$WORK"/qr-*.png
  pdftoppm -r 150 -f "$page" -l "$page" -png "$pdf" "$WORK/qr"
  zbarimg -q --raw "$WORK"/qr-*.png > "$WORK/codes" 2>/dev/null || true
  grep -qxF "$url" "$WORK/codes" || { cat "$WORK/codes"; fail "opening QR on page $page does not decode to $url"; }
  echo "QR on page $page decodes to $url"
}

# check_media_qr PDF PHRASE URL: the page holding PHRASE carries a code that decodes to URL
# (the QR code beside the paragraph linking to a recording).
check_media_qr() {
  command -v zbarimg > /dev/null && command -v pdftoppm > /dev/null || return 0
  local pdf="$1" phrase="$2" url="$3" n i
  n=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
  for ((i = 1; i <= n; i++)); do
    pdftotext -f "$i" -l "$i" "$pdf" - 2>/dev/null | tr -s ' \n' ' ' | grep -cF "$phrase" > /dev/null || continue
    rm -f "$WORK"/media-*.png
    pdftoppm -r 150 -f "$i" -l "$i" -png "$pdf" "$WORK/media"
    zbarimg -q --raw "$WORK"/media-*.png 2>/dev/null | grep -cxF "$url" > /dev/null || fail "no QR code for $url on page $i"
    echo "media QR on page $i decodes to $url"
    return 0
  done
  fail "no page holds '$phrase'"
}

"$POSTPRESS" list --site "$PP_SOURCE_DIR/samples" --json > "$WORK/samples.json"

# 1. The sample site, report style, grouped by month; then the brief style.
pp build --site "$PP_SOURCE_DIR/samples" --group-by month --format pdf -o "$WORK/a.pdf" \
   --title "CloudSummit 2025" || { cat "$WORK/stderr"; fail "samples build failed"; }
check_numbers "$WORK/a.pdf" "$WORK/samples.json" || fail "samples (report): page numbers"
check_qr "$WORK/a.pdf" "$WORK/samples.json"
check_media_qr "$WORK/a.pdf" "the whole morning is on YouTube" "https://www.youtube.com/watch?v=Cs25Keynote"
pp build --site "$PP_SOURCE_DIR/samples" --style brief --format pdf -o "$WORK/brief.pdf" \
   --title "CloudSummit 2025" || { cat "$WORK/stderr"; fail "samples build (brief) failed"; }
check_numbers "$WORK/brief.pdf" "$WORK/samples.json" || fail "samples (brief): page numbers"

# 2. Byte-identical across builds.
pp build --site "$PP_SOURCE_DIR/samples" --group-by month --format pdf -o "$WORK/b.pdf" \
   --title "CloudSummit 2025" || fail "second build failed"
cmp -s "$WORK/a.pdf" "$WORK/b.pdf" || fail "two builds of the same input differ"

# 3. Parts switched off.
pp build --site "$PP_SOURCE_DIR/samples" --format pdf -o "$WORK/bare.pdf" --title "CloudSummit 2025" \
   --no-cover --no-brief --no-indexes --no-qr || { cat "$WORK/stderr"; fail "bare build failed"; }
pdftotext "$WORK/bare.pdf" "$WORK/bare.txt"
pdftotext "$WORK/a.pdf" "$WORK/a.txt"
for part in "At a glance" "Index of tags" "Index of authors"; do
  grep -q "$part" "$WORK/a.txt" || fail "'$part' missing from the full build"
  grep -q "$part" "$WORK/bare.txt" && fail "'$part' still in the build without it"
done
first=$(pdftotext -f 1 -l 1 "$WORK/bare.pdf" - | tr -s ' \n' ' ')
case "$first" in *Contents*) ;; *) fail "without cover and brief, page 1 is not the contents: $first" ;; esac
if command -v zbarimg > /dev/null && command -v pdftoppm > /dev/null; then
  pdftoppm -r 100 -f 2 -l 6 -png "$WORK/bare.pdf" "$WORK/bare"
  if zbarimg -q --raw "$WORK"/bare-*.png > /dev/null 2>&1; then fail "--no-qr: a QR code is still drawn"; fi
fi
full=$(pdfinfo "$WORK/a.pdf" | awk '/^Pages:/{print $2}')
bare=$(pdfinfo "$WORK/bare.pdf" | awk '/^Pages:/{print $2}')
[ "$bare" -lt "$full" ] || fail "the bare build has $bare pages, the full one $full"

# 4. The KubeCon NA 2025 post alone.
SITE="$CORPUS/terrytangyuan"
KPOST="_posts/2025-11-18-kubecon-na-2025-model-serving-highlights.md"
if [ -f "$SITE/$KPOST" ]; then
  "$POSTPRESS" list --site "$SITE" --posts "$KPOST" --json > "$WORK/kubecon.json"
  pp build --site "$SITE" --posts "$KPOST" --format pdf -o "$WORK/kubecon.pdf" --title "KubeCon NA 2025" ||
    { cat "$WORK/stderr"; fail "KubeCon build failed"; }
  check_numbers "$WORK/kubecon.pdf" "$WORK/kubecon.json" || fail "KubeCon: page numbers"
  check_qr "$WORK/kubecon.pdf" "$WORK/kubecon.json"
else
  echo "KubeCon post absent: skipped that part"
fi
# 5. A quarter of the Flux blog grouped by tag (body in group order, posts under several tags).
if [ -d "$CORPUS/fluxcd" ]; then
  "$POSTPRESS" list --site "$CORPUS/fluxcd" --quarter 2022Q4 --json > "$WORK/flux.json" 2> /dev/null
  pp build --site "$CORPUS/fluxcd" --quarter 2022Q4 --group-by tag --format pdf -o "$WORK/flux.pdf" \
     --title "Flux quarterly" || { cat "$WORK/stderr"; fail "fluxcd quarter build failed"; }
  check_numbers "$WORK/flux.pdf" "$WORK/flux.json" || fail "fluxcd quarter: page numbers"
else
  echo "fluxcd corpus absent: skipped that part"
fi
echo "pdf_publication: ok"
