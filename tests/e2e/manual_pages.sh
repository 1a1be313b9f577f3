#!/usr/bin/env bash
# The manual pages and shell completions the build writes from the option table: they render
# without a groff warning, name every option --help names and every postpress.yaml key, and the
# bash completion completes commands, options and choices. A misspelt command or option gets
# the nearest one suggested.
source "$(dirname "$0")/../tools/e2e-lib.sh"
GEN="${PP_BUILD_DIR:?PP_BUILD_DIR is not set}"
for f in man/postpress.1 man/postpress.yaml.5 man/postpress-style.5 \
         completions/postpress.bash completions/_postpress completions/postpress.fish; do
  [ -s "$GEN/$f" ] || fail "the build did not write $f"
done

# Rendered as man shows them, with groff's warnings on: none.
for page in postpress.1 postpress.yaml.5 postpress-style.5; do
  MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$GEN/man/$page" > "$WORK/$page.txt" 2> "$WORK/$page.err" ||
    fail "man -l $page failed: $(cat "$WORK/$page.err")"
  [ ! -s "$WORK/$page.err" ] || fail "groff warns on $page: $(cat "$WORK/$page.err")"
done

# Every long option of every command's --help is in postpress(1) and in each completion.
for cmd in list build check; do
  "$POSTPRESS" $cmd --help | grep -o -- '--[a-z][a-z-]*' | sort -u >> "$WORK/options"
done
sort -u "$WORK/options" -o "$WORK/options"
[ "$(wc -l < "$WORK/options")" -gt 30 ] || fail "too few options found in --help"
while read -r opt; do
  grep -q -- "$opt" "$WORK/postpress.1.txt" || fail "postpress(1) lacks $opt"
  grep -q -- "$opt" "$GEN/completions/postpress.bash" || fail "the bash completion lacks $opt"
  grep -q -- "${opt#--}" "$GEN/completions/postpress.fish" || fail "the fish completion lacks $opt"
  grep -q -- "$opt" "$GEN/completions/_postpress" || fail "the zsh completion lacks $opt"
done < "$WORK/options"
for key in site style paper quarter select digests diagnostics link_notes; do
  grep -q "^ *$key\b" "$WORK/postpress.yaml.5.txt" || fail "postpress.yaml(5) lacks the key $key"
done
grep -q "code_background" "$WORK/postpress-style.5.txt" || fail "postpress-style(5) lacks the report style's keys"

# The bash completion, as bash calls it.
complete_words() {  # complete_words WORD... : what _postpress offers for the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _postpress; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$GEN/completions/postpress.bash" "$@"
}
[ "$(complete_words postpress bu)" = "build" ] || fail "bash: 'postpress bu' does not complete to build"
# (Captured first: grep -q closing the pipe early would fail the pipeline under pipefail.)
offered=$(complete_words postpress build --si)
grep -qx -- "--site" <<< "$offered" || fail "bash: --si does not complete to --site: $offered"
[ -z "$(complete_words postpress list --link)" ] || fail "bash: list offers build's --link-notes"
[ "$(complete_words postpress build --link-notes foot)" = "footnotes" ] || fail "bash: choices of --link-notes"
[ "$(complete_words postpress build --diagnostics-format sa)" = "sarif" ] || fail "bash: --diagnostics-format choices"
if command -v zsh > /dev/null; then zsh -n "$GEN/completions/_postpress" || fail "zsh: syntax"; else echo "zsh absent: its completion's syntax not checked"; fi
if command -v fish > /dev/null; then fish -n "$GEN/completions/postpress.fish" || fail "fish: syntax"; else echo "fish absent: its completion's syntax not checked"; fi

# Did you mean: the nearest command, option, choice or tag.
set +e
"$POSTPRESS" biuld --site "$PP_SOURCE_DIR/samples" 2> "$WORK/err"; code=$?
set -e
[ "$code" = 2 ] && grep -q "unknown command 'biuld' (did you mean 'build'?)" "$WORK/err" || fail "biuld: $(cat "$WORK/err")"
set +e; "$POSTPRESS" list --sit "$PP_SOURCE_DIR/samples" 2> "$WORK/err"; code=$?; set -e
[ "$code" = 2 ] && grep -q "unknown option '--sit' (did you mean '--site'?)" "$WORK/err" || fail "--sit: $(cat "$WORK/err")"
set +e; "$POSTPRESS" build --site "$PP_SOURCE_DIR/samples" --link-notes footnote 2> "$WORK/err"; code=$?; set -e
[ "$code" = 2 ] && grep -q "did you mean 'footnotes'" "$WORK/err" || fail "--link-notes footnote: $(cat "$WORK/err")"
set +e; "$POSTPRESS" build --site "$PP_SOURCE_DIR/samples" --style reprot -o "$WORK/x" 2> "$WORK/err"; set -e
grep -q "did you mean 'report'" "$WORK/err" || fail "--style reprot: $(cat "$WORK/err")"
tag=$("$POSTPRESS" list --site "$PP_SOURCE_DIR/samples" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["tags"][0])')
typo="${tag:0:1}${tag:2:1}${tag:1:1}${tag:3}"  # two letters swapped
set +e; "$POSTPRESS" list --site "$PP_SOURCE_DIR/samples" --tag "$typo" 2> "$WORK/err"; set -e
grep -q "did you mean $tag?" "$WORK/err" || fail "--tag $typo: $(cat "$WORK/err")"
