#!/usr/bin/env bash
# Pictures stay under their own heading and pages stay full (issue 20): on the picture-story
# fixture and on the most image-heavy posts of the real blogs (each corpus skipped with a
# message when absent), tests/tools/story_order.py reads the PDF with positions and fails on
# any picture under another heading than in the source (the EPUB), out of order, or on a page
# other than a post's last that ends above 60% of the text block. The fixture and the KubeCon
# post are checked in the A4 and brief layouts too. A picture shrunk to finish a page (the
# fixture's diagram after its lead-in, at the foot of a page) is embedded from a rendition made
# for its drawn size: no image prints finer than 400 ppi.
# ctest-cost: 17
source "$(dirname "$0")/../tools/e2e-lib.sh"
PY=/usr/bin/python3
"$PY" -c "import fitz" 2>/dev/null || skip "PyMuPDF (python3-fitz) absent: scripts/install-deps.sh installs it"

# story SITE NAME [postpress options...]: builds and checks one digest.
story() {
  local site="$1" name="$2"; shift 2
  pp build --site "$site" "$@" -o "$WORK/$name" --title "$name" || { tail -5 "$WORK/stderr"; fail "$name: build failed"; }
  "$PY" "$TOOLS/story_order.py" "$WORK/$name.pdf" "$WORK/$name.epub" > "$WORK/$name.story" ||
    { cat "$WORK/$name.story"; fail "$name: pictures or pages out of order"; }
  local over
  over=$(pdfimages -list "$WORK/$name.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image" && ($13 + 0 > 400 || $14 + 0 > 400)')
  [ -z "$over" ] || { echo "$over" | head -3; fail "$name: pictures printed finer than 400 ppi"; }
  echo "$name: $(tail -1 "$WORK/$name.story")"
}

FIXTURE="$PP_SOURCE_DIR/tests/data/sites/picture-story"
story "$FIXTURE" fixture
story "$FIXTURE" fixture-a4 --paper a4
story "$FIXTURE" fixture-brief --style brief

checked=0
# posts CORPUS GLOB...: each post alone (a single post's digest builds in about a second).
posts() {
  local corpus="$1"; shift
  if [ ! -d "$CORPUS/$corpus" ]; then
    echo "SKIP: corpus $corpus absent ($CORPUS/$corpus): its posts not checked"
    return
  fi
  local glob n=0
  for glob in "$@"; do
    n=$((n + 1))
    story "$CORPUS/$corpus" "$corpus-$n" --posts "$glob"
    checked=$((checked + 1))
  done
}
posts terrytangyuan _posts/2025-11-18-kubecon-na-2025-model-serving-highlights.md \
  _posts/2022-01-11-unveil-the-secret-ingredients-*.markdown _posts/2023-07-25-akuity-argo-cd-ai-assistant.markdown
posts kubeflow _posts/2021-03-19-kubeflow-continues-to-move-to-production.md _posts/2021-03-08-kfserving-0.5.md
posts fluxcd content/en/blog/2022-05-25-kubecon-eu-2022-wrapup/index.md \
  content/en/blog/2026-02-23-announcing-flux-v2.8.0/index.md content/en/blog/2023-08-28-announcing-flux-v2.1.0/index.md
posts otel content/en/blog/2025/mainframe-survey/index.md content/en/blog/2026/otel-collector-follow-up-survey-analysis/index.md \
  content/en/blog/2022/otel-demo-app-nomad/index.md content/en/blog/2025/android-road-to-stable/index.md
if [ -d "$CORPUS/terrytangyuan" ]; then
  KUBECON=_posts/2025-11-18-kubecon-na-2025-model-serving-highlights.md
  story "$CORPUS/terrytangyuan" kubecon-a4 --posts "$KUBECON" --paper a4
  story "$CORPUS/terrytangyuan" kubecon-brief --posts "$KUBECON" --style brief
fi
echo "picture_story: ok (fixture and $checked corpus posts)"
