#!/usr/bin/env bash
# The real kubeflow blog (../shared/corpus/kubeflow): the whole blog (contents grouped by tag,
# which reorders the book), a tag selection, and a quarter grouped by month each build to a PDF
# and an EPUB that pass every check (../shared/tools/epubcheck for the whole blog's EPUB when
# present, else the project's own property checkers, which check the PDFs and the selections'
# EPUBs), with every post title present; the whole blog prints no source syntax
# (tests/tools/source_syntax.py); walking the whole blog's structure tree reads every post in
# source order (tests/tools/struct_text_order.py, against the EPUB: notebook posts with collapsed
# cells, missing pictures and footnotes; STRUCT_ORDER runs it in the process that checks the PDF
# against PDF/UA). The whole blog in the brief style keeps every picture under its heading and
# every page but a post's last filled to 60% (tests/tools/story_order.py: a diagram after its
# heading and lead-in once left a page at 58%, its stored pixels forbidding the size that fitted),
# with no picture printed finer than 400 ppi.
# ctest-cost: 110
source "$(dirname "$0")/../tools/e2e-lib.sh"
need_corpus kubeflow
SITE="$CORPUS/kubeflow"

STRUCT_ORDER=1 build_and_check_whole "$SITE" whole -- --group-by tag
no_source_syntax whole
same_on_one_thread "$SITE" whole -- --group-by tag
build_and_check_part "$SITE" tag --tag "release"
if /usr/bin/python3 -c "import fitz" 2>/dev/null; then
  pp build --site "$SITE" --style brief -o "$WORK/brief" --title "Kubeflow brief" ||
    { tail -5 "$WORK/stderr"; fail "brief: build failed"; }
  /usr/bin/python3 "$TOOLS/story_order.py" "$WORK/brief.pdf" "$WORK/brief.epub" > "$WORK/brief.story" ||
    { cat "$WORK/brief.story"; fail "brief: pictures or pages out of order"; }
  over=$(pdfimages -list "$WORK/brief.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image" && ($13 + 0 > 400 || $14 + 0 > 400)')
  [ -z "$over" ] || { echo "$over" | head -3; fail "brief: pictures printed finer than 400 ppi"; }
  echo "brief: $(tail -1 "$WORK/brief.story")"
else
  echo "SKIP: PyMuPDF (python3-fitz) absent: the brief's story order is not checked"
fi
build_and_check_part "$SITE" quarter --quarter 2025Q3 -- --group-by month
echo "corpus_kubeflow: ok"
