#!/usr/bin/env bash
# Formulas no writer makes but any post can hold, on a site with math on: braces and
# fractions nested thousands deep, formulas over the parser's size limit, 10,000 \left( without
# \right, 20,000 formulas in one post, a 40 x 40 matrix, a delimiter grown over 600 rows,
# unknown commands by the thousand, formulas far wider than the page. The math stage's budgets
# must refuse what is too large, each refusal a coded warning, and the outputs must stay valid
# with the text around them.
# ctest-cost: 30
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
jekyll_site "$SITE" "Hostile Math"
printf 'math: true\n' >> "$SITE/_config.yml"

python3 - "$SITE/_posts" <<'PY'
import sys
posts = sys.argv[1]
def post(name, title, body):
    with open(f"{posts}/{name}.md", "w") as f:
        f.write(f"---\ntitle: {title}\ndate: {name[:10]}\n---\n\nText before the {title.lower()}.\n\n")
        f.write(body)
        f.write(f"\n\nText after the {title.lower()}.\n")
N = 10000
# Braces spaced apart: "{{" would be Liquid's, on a Jekyll site.
post("2025-03-01-braces", "Nested Braces", "$$\n" + "{ " * 3000 + "x" + " }" * 3000 + "\n$$\n\n$" + "{ " * 1000 + "y" + " }" * 1000 + "$\n")
post("2025-03-02-fractions", "Nested Fractions", "$$\n" + "\\frac{1}{ " * 3000 + "x" + " }" * 3000 + "\n$$\n\n$$\n" + "\\sqrt{ " * 2000 + "x" + " }" * 2000 + "\n$$\n\n$$\n" + "\\frac{1}{ " * 100 + "x" + " }" * 100 + "\n$$\n")
post("2025-03-03-lefts", "Unclosed Delimiters", "$$\n" + "\\left( " * 10000 + "x\n$$\n\n" + "\\( " * 20000 + "\n")
post("2025-03-04-many", "Many Formulas", " ".join(f"$x_{{{i}}}^2$" for i in range(20000)) + "\n")
post("2025-03-05-matrix", "Huge Matrix", "$$\n\\begin{pmatrix}\n" + " \\\\\n".join(" & ".join("a" for _ in range(40)) for _ in range(40)) + "\n\\end{pmatrix}\n$$\n")
post("2025-03-06-tall", "Tall Delimiters", "$$\n\\left( \\begin{matrix}" + " \\\\ ".join(str(i) for i in range(600)) + "\\end{matrix} \\right)\n$$\n")
post("2025-03-07-unknown", "Unknown Commands", "\n\n".join(f"$\\cmd{i}{{x}}$ and $$\\other{i}$$" for i in range(3000)) + "\n")
post("2025-03-08-wide", "Wide Formulas", "$" + " + ".join(f"a_{{{i}}}" for i in range(350)) + "$\n\n$$\n" + " = ".join("b" for _ in range(1000)) + "\n$$\n")
PY

# Measured on 2 cores: a few seconds.
run_pp 120 1500 build --site "$SITE" -o "$WORK/out" --cache "$WORK/cache" -j 2
[ "$status" -le 1 ] || fail "exit status $status"
valid_outputs "$WORK/out" "A Good Post" "Text after the nested braces." "Text after the nested fractions." \
  "Text after the unclosed delimiters." "Text after the many formulas." "Text after the huge matrix." \
  "Text after the tall delimiters." "Text after the unknown commands." "Text after the wide formulas."
expect_diag 'warning: formula printed as TeX source: formula nested deeper than 40 levels \[math-unsupported\]' "braces"
expect_diag 'warning: formula printed as TeX source: formula longer than 8000 bytes \[math-unsupported\]' "fractions"
expect_diag 'warning: formula printed as TeX source: unsupported command \\cmd \[math-unsupported\]' "unknown"
expect_diag "more formulas of this post are printed as TeX source" "a cap on the warnings of one post"
expect_diag '\[math-too-wide\]' "wide formulas"
expect_diag '\[math-too-tall\]' "a delimiter over 600 rows"
echo "bad/math: ok (peak ${peak_mb} MB)"
