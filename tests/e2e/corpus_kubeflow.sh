#!/usr/bin/env bash
# The real kubeflow blog (../shared/corpus/kubeflow): the whole blog (contents grouped by tag, which
# reorders the book), a tag selection, and a quarter grouped by month each build to a PDF and an
# EPUB that pass every check (../shared/tools/pdfcheck for the selections' PDFs and epubcheck
# for the whole blog's EPUB when present, else the project's own property checkers, which also
# check the whole blog's PDF and the selections' EPUBs), with every post title present; the
# whole blog prints no source syntax (tests/tools/source_syntax.py); walking the whole blog's
# structure tree reads every post in source order (tests/tools/struct_text_order.py, against
# the EPUB: notebook posts with collapsed cells, missing pictures and footnotes).
# ctest-cost: 100
source "$(dirname "$0")/../tools/e2e-lib.sh"
need_corpus kubeflow
SITE="$CORPUS/kubeflow"

build_and_check_whole "$SITE" whole -- --group-by tag
no_source_syntax whole
python3 "$TOOLS/struct_text_order.py" "$WORK/whole.pdf" "$WORK/whole.epub" ||
  fail "whole: the structure tree does not read the posts in source order"
same_on_one_thread "$SITE" whole -- --group-by tag
build_and_check "$SITE" tag --tag "release"
build_and_check "$SITE" quarter --quarter 2025Q3 -- --group-by month
echo "corpus_kubeflow: ok"
