#!/usr/bin/env bash
# The real terrytangyuan blog (../shared/corpus/terrytangyuan): the whole blog (contents grouped
# by tag, which reorders the book), a tag selection, and a quarter grouped by month each build to
# a PDF and an EPUB that pass every check (../shared/tools/epubcheck for the whole blog's EPUB
# when present, else the project's own property checkers, which check the PDFs and the selections'
# EPUBs), with every post title present; the whole blog prints no source syntax
# (tests/tools/source_syntax.py).
# ctest-cost: 75
source "$(dirname "$0")/../tools/e2e-lib.sh"
need_corpus terrytangyuan
SITE="$CORPUS/terrytangyuan"

build_and_check_whole "$SITE" whole -- --group-by tag
no_source_syntax whole
same_on_one_thread "$SITE" whole -- --group-by tag
build_and_check_part "$SITE" tag --tag "KServe"
build_and_check_part "$SITE" quarter --quarter 2025Q4 -- --group-by month
echo "corpus_terrytangyuan: ok"
