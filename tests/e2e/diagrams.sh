#!/usr/bin/env bash
# Diagrams: a post with a ```dot block, a mermaid flowchart and a mermaid sequence diagram. The
# two graphs become images in the PDF and the EPUB (where the code was, no source left); the
# sequence diagram stays its source, in a labelled box, with a coded warning at post:line.
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
  rankdir=LR;
  checkout -> compile -> unittest -> publish;
  compile -> lint;
}
```

The same story as a mermaid flowchart.

```mermaid
flowchart TD
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
grep -qE '_posts/2025-01-10-pipelines\.md:29:[0-9]+: warning: mermaid sequenceDiagram diagrams are not drawn: printed as source \[diagram-unsupported\]' "$WORK/stderr" \
  || fail "no diagram-unsupported warning at the sequence diagram's line"
[ "$(grep -c 'diagram-' "$WORK/stderr")" = 1 ] || fail "the drawn diagrams were warned about"

# PDF: two images (the graphs), drawn between the paragraphs that surround their code.
images=$(pdfimages -list "$WORK/d.pdf" 2>/dev/null | awk 'NR>2 && $3=="image"' | wc -l)
[ "$images" -eq 2 ] || fail "PDF has $images images, wanted 2"
pdftotext -layout "$WORK/d.pdf" "$WORK/d.txt" 2>/dev/null
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
out = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True).stdout.splitlines()[2:]
pages = [int(l.split()[0]) for l in out if l.split()[2] == "image"]
def page_of(text):
    n = int(subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout.split("Pages:")[1].split()[0])
    for p in range(1, n + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
        if text in t: return p
    return None
before, after = page_of("as Graphviz draws it"), page_of("who talks to whom")
assert before and after and all(before <= p <= after for p in pages), (before, after, pages)
PY

# EPUB: the graphs are images with alt text naming their nodes; it passes EPUBCheck.
unzip -o -q "$WORK/d.epub" -d "$WORK/epub"
xhtml=$(cat "$WORK"/epub/*/*.xhtml "$WORK"/epub/*.xhtml 2>/dev/null || true)
echo "$xhtml" | grep -qE '<img [^>]*alt="Diagram: checkout, compile, unittest, publish, lint"' || fail "EPUB: no image for the dot graph"
echo "$xhtml" | grep -qE '<img [^>]*alt="Flowchart: Commit pushed, Tests pass\?, Release cut' || fail "EPUB: no image for the flowchart"
echo "$xhtml" | grep -qF 'Alice-&gt;&gt;Bob: ping' || fail "EPUB: the sequence diagram's source is missing"
if [ -x "$SHARED/tools/epubcheck" ]; then
  "$SHARED/tools/epubcheck" "$WORK/d.epub" --max-px 1600 --expect "Pipelines in pictures" || fail "epubcheck"
fi
echo "diagrams: ok"
