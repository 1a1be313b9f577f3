#!/usr/bin/env bash
# EPUB only, on the real terrytangyuan blog (../shared/corpus/terrytangyuan): the whole blog grouped by tag
# (which reorders the book), a tag selection and a quarter selection grouped by month. Each
# must pass EPUBCheck with no message, contain every post title and keep images <= 1600 px.
source "$(dirname "$0")/epub_common.bash"
need_corpus terrytangyuan
SITE="$CORPUS/terrytangyuan"

epub_build_and_check "$SITE" whole --group-by tag
epub_build_and_check "$SITE" tag --tag "Kubernetes"
epub_build_and_check "$SITE" quarter --quarter 2025Q4 --group-by month
echo "epub_corpus_terrytangyuan: ok"
