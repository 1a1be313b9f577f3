#!/usr/bin/env bash
# EPUB only, on the real fluxcd blog (../shared/corpus/fluxcd): the whole blog grouped by tag
# (which reorders the book), a tag selection and a quarter selection grouped by month. Each
# must pass EPUBCheck with no message, contain every post title and keep images <= 1600 px.
source "$(dirname "$0")/epub_common.bash"
need_corpus fluxcd
SITE="$CORPUS/fluxcd"

epub_build_and_check "$SITE" whole --group-by tag
epub_build_and_check "$SITE" tag --tag "security"
epub_build_and_check "$SITE" quarter --quarter 2022Q4 --group-by month
echo "epub_corpus_fluxcd: ok"
