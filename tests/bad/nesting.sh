#!/usr/bin/env bash
# Structures no writer makes but any file can hold: lists and block quotes nested 10,000 deep,
# a table with 100,000 columns, 10,000 nested emphasis markers, links, HTML elements, Liquid
# blocks and Hugo shortcodes. Recursive code meets them (parser, converter, layout, XHTML
# writer): postpress must neither overflow its stack nor take unbounded time or memory, and must
# still write a valid PDF and EPUB with the text around them.
# ctest-cost: 50
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
jekyll_site "$SITE" "Deep Nesting"

python3 - "$SITE/_posts" <<'PY'
import sys
posts = sys.argv[1]
N = 10000
def post(name, title, body):
    with open(f"{posts}/{name}.md", "w") as f:
        f.write(f"---\ntitle: {title}\ndate: {name[:10]}\n---\n\nText before the {title.lower()}.\n\n")
        f.write(body)
        f.write(f"\n\nText after the {title.lower()}.\n")
# "- - - x" is a list in a list item in a list...: 10,000 levels in 20 KB (indentation would
# take 100 MB, over the post size limit).
post("2025-02-01-lists", "Nested Lists", "- " * N + "item\n\n" + "".join("  " * i + "- item\n" for i in range(300)))
post("2025-02-02-ordered", "Nested Ordered Lists", "1. " * N + "item\n\n" + "* 1) > " * (N // 3) + "item\n")
post("2025-02-03-quotes", "Nested Quotes", ">" * N + " deep quote\n")
post("2025-02-04-quote-lists", "Quotes And Lists", "".join("> - " * (i % 50) + "x\n" for i in range(200)) + "> - " * (N // 2) + "end\n")
post("2025-02-05-table", "Wide Table",
     "|" + "|".join(f"c{i}" for i in range(100000)) + "|\n" +
     "|" + "|".join("---" for _ in range(100000)) + "|\n" +
     "|" + "|".join(str(i) for i in range(100000)) + "|\n")
post("2025-02-06-emphasis", "Nested Emphasis", "*_" * N + "word" + "_*" * N + "\n\n" + "**" * N + "\n")
post("2025-02-07-links", "Nested Brackets", "[" * N + "text" + "](/x)" * N + "\n\n" + "![" * N + "\n")
post("2025-02-08-html", "Nested Html", "<div>" * N + "inside" + "</div>" * N + "\n\n" + "<span><b>" * N + "\n")
post("2025-02-09-liquid", "Nested Liquid", "{% if true %}" * N + "yes" + "{% endif %}" * N + "\n\n" + "{% raw %}" * N + "\n")
# Footnotes and headings are not nested, only many: 2,000 keep EPUBCheck's cross-reference
# checks (minutes for 10,000) inside the test's time while still exercising the limits.
F = 2000
post("2025-02-10-footnotes", "Footnote Chains", "".join(f"[^{i}]" for i in range(F)) + "\n\n" + "".join(f"[^{i}]: see [^{i+1}]\n" for i in range(F)))
post("2025-02-11-headings", "Many Headings", "".join(f"{'#' * (1 + i % 6)} Heading {i}\n\n" for i in range(F)))
post("2025-02-12-code", "Nested Fences", "".join("`" * (3 + i) + "\n" for i in range(2000)))
PY
# A Hugo site for shortcodes nested 10,000 deep.
HUGO="$WORK/hugo"
mkdir -p "$HUGO/content/posts"
printf 'title = "Deep Shortcodes"\nbaseURL = "https://example.org/"\n' > "$HUGO/hugo.toml"
python3 - "$HUGO/content/posts" <<'PY'
import sys
N = 10000
with open(f"{sys.argv[1]}/shortcodes.md", "w") as f:
    f.write("---\ntitle: Nested Shortcodes\ndate: 2025-02-13\n---\n\nText before the shortcodes.\n\n")
    f.write("{{< notice >}}" * N + "inside" + "{{< /notice >}}" * N + "\n\n")
    f.write("{{% details %}}" * N + "\n\n" + "{{< figure src=\"" + "{{< x >}}" * N + "\" >}}\n\n")
    f.write("Text after the shortcodes.\n")
PY

# The bounds are several times what the build takes (bench/results.md, "The test suite").
run_pp 240 2000 build --site "$SITE" -o "$WORK/out" --cache "$WORK/cache" -j 2
[ "$status" -le 1 ] || fail "exit status $status"
valid_outputs "$WORK/out" "A Good Post" "Text after the nested lists." "Text after the nested quotes." \
  "Text after the wide table." "Text after the nested emphasis." "Text after the nested brackets." \
  "Text after the nested html." "Text after the nested liquid." "Text after the footnote chains." \
  "Text after the many headings." "Text before the nested fences."
echo "jekyll: peak ${peak_mb} MB"

run_pp 120 1500 build --site "$HUGO" -o "$WORK/hugo-out" --cache "$WORK/cache" -j 2
[ "$status" -le 1 ] || fail "exit status $status"
valid_outputs "$WORK/hugo-out" "Text before the shortcodes." "Text after the shortcodes."
echo "bad/nesting: ok (peak ${peak_mb} MB)"
