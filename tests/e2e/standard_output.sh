#!/usr/bin/env bash
# The standard output as an output: `-o -` (and /dev/stdout, which names it) writes one format,
# whole, to the standard output, and every other word goes to the standard error; a suffix
# postpress does not write is a usage error; two digests of a config writing one file is an error.
source "$(dirname "$0")/../tools/e2e-lib.sh"
SITE="$PP_SOURCE_DIR/samples"
ONE=(--site "$SITE" --limit 1 --cache "$CACHE")

expect_code() {  # expect_code CODE CMD... (stdout to $WORK/out, stderr to $WORK/err)
  local want="$1"; shift
  set +e; "$@" > "$WORK/out" 2> "$WORK/err"; local got=$?; set -e
  [ "$got" = "$want" ] || { cat "$WORK/err" >&2; fail "exit $got, wanted $want: $*"; }
}

cd "$WORK"
# A PDF on the standard output: a whole, valid PDF and nothing else; the summary on stderr.
expect_code 0 "$POSTPRESS" build "${ONE[@]}" -o - --format pdf
qpdf --check "$WORK/out" > /dev/null || fail "-o - --format pdf: the standard output is not a valid PDF"
grep -q "wrote the standard output" "$WORK/err" || fail "the summary did not go to stderr: $(cat "$WORK/err")"
[ ! -e "$WORK/-" ] && [ ! -e "$WORK/-.pdf" ] || fail "-o - wrote a file named after the dash"
cp "$WORK/out" "$WORK/stdout.pdf"
check_pdf_once "$WORK/stdout.pdf" /dev/null

# An EPUB through a pipe.
set +e; "$POSTPRESS" build "${ONE[@]}" -o - --format epub 2> "$WORK/err" | cat > "$WORK/piped.epub"; set -e
[ "$(unzip -p "$WORK/piped.epub" mimetype)" = "application/epub+zip" ] || fail "-o - --format epub through a pipe"

# /dev/stdout names the standard output: no /dev/stdout.pdf, and the document is where stdout goes.
rm -f /dev/stdout.pdf 2> /dev/null || true
expect_code 0 "$POSTPRESS" build "${ONE[@]}" -o /dev/stdout --format pdf
qpdf --check "$WORK/out" > /dev/null || fail "-o /dev/stdout: not a valid PDF on the standard output"
[ ! -e /dev/stdout.pdf ] || fail "-o /dev/stdout wrote /dev/stdout.pdf"

# The standard output carries one document: both formats, or none named, is a usage error.
expect_code 2 "$POSTPRESS" build "${ONE[@]}" -o -
grep -q -- "--format" "$WORK/err" || fail "-o - without --format does not say to add one"
expect_code 2 "$POSTPRESS" build "${ONE[@]}" -o - --format pdf,epub
[ ! -s "$WORK/out" ] || fail "a refused -o - still wrote to the standard output"

# A build that fails puts nothing on the standard output.
mkdir -p "$WORK/empty-site/_posts"
expect_code 1 "$POSTPRESS" build --site "$WORK/empty-site" -o - --format pdf --cache "$CACHE"
[ ! -s "$WORK/out" ] || fail "a failed build wrote to the standard output"

# A suffix postpress does not write is a usage error, not x.docx.pdf; dots in a base name stay.
expect_code 2 "$POSTPRESS" build "${ONE[@]}" -o "$WORK/x.docx"
grep -q "x.docx" "$WORK/err" && grep -q "x.pdf" "$WORK/err" || fail "-o x.docx: the message names neither the file nor x.pdf"
[ ! -e "$WORK/x.docx.pdf" ] || fail "-o x.docx wrote x.docx.pdf"
expect_code 0 "$POSTPRESS" build "${ONE[@]}" -o "$WORK/digest.2025q4" --format epub
[ -s "$WORK/digest.2025q4.epub" ] || fail "a base name with a dot and digits is a base name"

# Two digests of one config writing the same file: an error before anything is built.
cat > "$WORK/clash.yaml" <<YAML
site: $SITE
digests:
  - name: first
    output: out/same
    formats: [epub]
  - name: second
    output: out/same
    formats: [epub]
YAML
expect_code 1 "$POSTPRESS" build -c "$WORK/clash.yaml" --cache "$CACHE"
grep -q "both write" "$WORK/err" || fail "two digests writing one file: $(cat "$WORK/err")"
[ ! -e "$WORK/out/same.epub" ] || fail "a clashing config still built"
