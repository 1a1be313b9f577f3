#!/usr/bin/env bash
# Hostile diagrams: dot that reads files (image=, shapefile=, <IMG>), a graph over the node and
# edge limits, a pathological graph within them, a post of many diagrams, broken dot and broken
# mermaid. Each is printed as source with a coded warning at its line; nothing is read from
# disk, the build stays fast and bounded, and the PDF and EPUB are valid.
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
jekyll_site "$SITE" "Hostile Diagrams"
P="$SITE/_posts"
echo "secret-marker-never-shown" > "$WORK/secret.txt"

cat > "$P/2025-02-01-files.md" <<MD
---
title: Diagrams That Read Files
date: 2025-02-01
---
Text before the file readers.

\`\`\`dot
digraph { a [image="$WORK/secret.txt"]; }
\`\`\`

\`\`\`dot
digraph { a [shape=epsf, shapefile="$WORK/secret.txt"]; }
\`\`\`

\`\`\`graphviz
digraph { a [label=<<TABLE><TR><TD><IMG SRC="$WORK/secret.txt"/></TD></TR></TABLE>>]; }
\`\`\`

\`\`\`dot
digraph { broken -> -> }
\`\`\`

\`\`\`mermaid
flowchart LR
  A --> B[never closed
\`\`\`
MD

python3 - "$P/2025-02-02-large.md" <<'PY'
import random, sys
random.seed(3)
out = ["---", "title: Diagrams Too Large", "date: 2025-02-02", "---", "Text of the large diagrams post.", ""]
# Over the limits: 2,000 nodes in a chain.
out += ["```dot", "digraph { " + " -> ".join(f"n{k}" for k in range(2000)) + " }", "```", ""]
# A source over the size limit.
out += ["```mermaid", "graph TD"] + [f"  N{k}[node {k}] --> N{k+1}" for k in range(3000)] + ["```", ""]
# Within them, the costliest shape: a deep chain with edges across every rank, four times
# (the post's budget stops the fourth).
chain = " ".join(f"c{k} -> c{k+1};" for k in range(149))
across = " ".join(f"c{k % 10} -> c{149 - k % 10};" for k in range(51))
for _ in range(4):
    out += ["```dot", "digraph { " + chain + " " + across + " }", "```", ""]
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY

run_pp 60 1500 build --site "$SITE" -o "$WORK/out" --cache "$CACHE"
expect_status 0
valid_outputs "$WORK/out" "This post is fine" "Text before the file readers" "Text of the large diagrams post"
expect_diag '2025-02-01-files\.md:7:[0-9]+: warning: .*image.* would read a file: printed as source \[diagram-refused\]'
expect_diag '2025-02-01-files\.md:11:[0-9]+: warning: .*shapefile.* \[diagram-refused\]'
expect_diag '2025-02-01-files\.md:15:[0-9]+: warning: .*<IMG>.* \[diagram-refused\]'
expect_diag '2025-02-01-files\.md:20:[0-9]+: warning: .*syntax error.* \[diagram-invalid\]'
expect_diag '2025-02-01-files\.md:25:[0-9]+: warning: .* \[diagram-invalid\]'
expect_diag '2025-02-02-large\.md:[0-9]+:[0-9]+: warning: 2000 nodes, 1999 edges .* \[diagram-too-large\]'
expect_diag "2025-02-02-large\.md:[0-9]+:[0-9]+: warning: the post's diagrams already have 600 edges.* \[diagram-too-large\]"
expect_diag '2025-02-02-large\.md:[0-9]+:[0-9]+: warning: diagram source of [0-9]+ bytes, over the limit .* \[diagram-too-large\]'
[ "$(grep -c 'diagram-' "$WORK/stderr")" = 8 ] || { cat "$WORK/stderr" >&2; fail "expected 8 diagram warnings"; }
# The three deep graphs within the budget are drawn: as vector drawings, each with its last
# node's label on a line of its own (or, where Graphviz's xdot library is missing, as
# pictures); nothing of the secret file shows.
images=$(pdfimages -list "$WORK/out.pdf" 2>/dev/null | awk 'NR>2 && $3=="image"' | wc -l)
vector=$(pdftotext -raw "$WORK/out.pdf" - 2>/dev/null | grep -cx 'c149' || true)
[ $((images + vector)) -eq 3 ] || fail "PDF has $images diagram images and $vector vector diagrams, wanted the 3 drawn"
pdftotext "$WORK/out.pdf" - 2>/dev/null | grep secret-marker-never-shown > /dev/null && fail "a diagram read a file"
echo "bad diagrams: ok (peak ${peak_mb} MB)"
