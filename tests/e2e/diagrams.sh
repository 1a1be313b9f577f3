#!/usr/bin/env bash
# Diagrams: a post with a ```dot block, a mermaid flowchart and a mermaid sequence diagram. The
# two graphs become vector figures in the PDF (paths, and their labels as text) and SVG images
# in the EPUB (where the code was, no source left), captioned with the title their source or
# fence gives; the sequence diagram stays its source, in a labelled box, with a coded warning
# at post:line.
source "$(dirname "$0")/../tools/e2e-lib.sh"

SITE="$WORK/site"
mkdir -p "$SITE/_posts"
cat > "$SITE/_config.yml" <<'YML'
title: Diagram blog
YML
cat > "$SITE/_posts/2025-01-10-pipelines.md" <<'MD'
---
title: Pipelines in pictures
date: 2025-01-10
---
The build, as Graphviz draws it.

```dot
digraph build {
  label="The build pipeline";
  rankdir=LR;
  checkout -> compile -> unittest -> publish;
  compile -> lint;
}
```

The same story as a mermaid flowchart.

```mermaid caption="From commit to canary"
flowchart TD
  accDescr: A commit is tested, then released to a canary
  A[Commit pushed] --> B{Tests pass?}
  B -- yes --> C([Release cut])
  B -- no --> D[(Failure log)]
  subgraph Deploy
    C --> E>Canary]
  end
```

And who talks to whom.

```mermaid
sequenceDiagram
  Alice->>Bob: ping
  Bob-->>Alice: pong
```

The end.
MD

pp build --site "$SITE" -o "$WORK/d" --title "Diagrams" || { cat "$WORK/stderr"; fail "build failed"; }
cat "$WORK/stderr"

# The warning: post:line of the sequence diagram's fence, and its code; nothing for the graphs.
grep -qE '_posts/2025-01-10-pipelines\.md:31:[0-9]+: warning: mermaid sequenceDiagram diagrams are not drawn: printed as source \[diagram-unsupported\]' "$WORK/stderr" \
  || fail "no diagram-unsupported warning at the sequence diagram's line"
[ "$(grep -c 'diagram-' "$WORK/stderr")" = 1 ] || fail "the drawn diagrams were warned about"

# PDF: no images: the graphs are vector paths (curves inside Figure marked content), their
# labels text, drawn between the paragraphs that surround their code.
images=$(pdfimages -list "$WORK/d.pdf" 2>/dev/null | awk 'NR>2 && $3=="image"' | wc -l)
[ "$images" -eq 0 ] || fail "PDF has $images images, wanted none (vector diagrams)"
qpdf --qdf --object-streams=disable "$WORK/d.pdf" "$WORK/qdf.pdf"
python3 - "$WORK/qdf.pdf" <<'PY' || fail "no vector paths in the diagrams' Figure content"
import re, sys
data = open(sys.argv[1], "rb").read().decode("latin-1")
figures = re.findall(r"/Figure<</MCID \d+>>BDC\n(.*?)EMC", data, re.S)
curves = sum(len(re.findall(r"^[-\d. ]+ c$", f, re.M)) for f in figures)
fills = sum(len(re.findall(r"^[fBS]$", f, re.M)) for f in figures)
print("figure sequences", len(figures), "curves", curves, "painted paths", fills)
assert curves >= 20 and fills >= 15
PY
pdftotext -layout "$WORK/d.pdf" "$WORK/d.txt" 2>/dev/null
for label in checkout compile unittest publish lint "Commit pushed" "Tests pass?" "Release cut" "Failure log" Canary yes no; do
  grep -qF -- "$label" "$WORK/d.txt" || fail "PDF text lacks the node label: $label"
done
# Captions: the dot graph's label (not drawn inside the picture as well), the fence's caption.
grep -qF "The build pipeline" "$WORK/d.txt" || fail "no caption from the dot graph's label"
[ "$(grep -c "The build pipeline" "$WORK/d.txt")" = 1 ] || fail "the dot graph's label printed twice"
grep -qF "From commit to canary" "$WORK/d.txt" || fail "no caption from the fence's caption attribute"
for gone in "digraph build" "rankdir" "flowchart TD" "-- yes -->" "subgraph Deploy"; do
  grep -qF -- "$gone" "$WORK/d.txt" && fail "PDF still shows diagram source: $gone"
done
for kept in "sequenceDiagram" "Alice->>Bob: ping" "shown as source"; do
  grep -qF -- "$kept" "$WORK/d.txt" || fail "PDF lacks the sequence diagram's box: $kept"
done
# The images stand where the code was: on the page of the text around them, in order.
python3 - "$WORK/d.pdf" <<'PY'
import subprocess, sys
pdf = sys.argv[1]
def page_of(text):
    n = int(subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout.split("Pages:")[1].split()[0])
    for p in range(1, n + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
        if text in t: return p
    return None
before, after = page_of("as Graphviz draws it"), page_of("who talks to whom")
pages = [page_of("unittest"), page_of("Commit pushed")]
assert before and after and all(before <= p <= after for p in pages), (before, after, pages)
PY

# EPUB: the graphs are images with alt text naming their nodes; it passes EPUBCheck.
unzip -o -q "$WORK/d.epub" -d "$WORK/epub"
xhtml=$(cat "$WORK"/epub/*/*.xhtml "$WORK"/epub/*.xhtml 2>/dev/null || true)
grep -qE -- '<img [^>]*alt="Diagram: checkout, compile, unittest, publish, lint"' <<< "$xhtml" || fail "EPUB: no image for the dot graph"
grep -qE -- '<img [^>]*alt="A commit is tested, then released to a canary"' <<< "$xhtml" || fail "EPUB: no image for the flowchart, described by its accDescr"
grep -qF -- 'From commit to canary' <<< "$xhtml" || fail "EPUB: no caption for the flowchart"
grep -qF -- 'Alice-&gt;&gt;Bob: ping' <<< "$xhtml" || fail "EPUB: the sequence diagram's source is missing"
if [ -x "$SHARED/tools/epubcheck" ]; then
  shared_epubcheck "$WORK/d.epub" --max-px 1600 --expect "Pipelines in pictures" || fail "epubcheck"
fi
echo "diagrams: ok"
