#!/usr/bin/env bash
# Math: a post of real formulas (attention, softmax, a matrix, cases, sums with limits) on a
# Jekyll site whose kramdown names a math engine. The PDF typesets them (no TeX left in its
# text: no \frac, ^{ or \sum), the EPUB writes MathML that EPUBCheck accepts, and the one
# formula with a command nobody supports stays its TeX, with a warning at post:line.
source "$(dirname "$0")/../tools/e2e-lib.sh"

SITE="$WORK/site"
mkdir -p "$SITE/_posts"
cat > "$SITE/_config.yml" <<'YML'
title: Formula blog
kramdown:
  math_engine: mathjax
YML
POST="$SITE/_posts/2025-02-01-attention.md"
cat > "$POST" <<'MD'
---
title: Attention, in formulas
date: 2025-02-01
---
Scaled dot-product attention computes $\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right)V$ for queries $Q$, keys $K$ and values $V$ of dimension $d_k$.

The softmax turns scores into weights:

$$
\operatorname{softmax}(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}
$$

A rotation by $\theta$ is the matrix

$$
R(\theta) = \begin{pmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta \end{pmatrix}
$$

and the rectifier is defined by cases:

$$
\operatorname{ReLU}(x) = \begin{cases} x & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}
$$

Gauss's sum, $$\sum_{i=1}^{n} i = \frac{n(n+1)}{2}$$, has a sibling with limits above and below:

$$
\sum_{i=1}^{n} i^2 = \frac{n(n+1)(2n+1)}{6}, \qquad \lim_{n \to \infty} \left(1 + \frac{1}{n}\right)^n = e
$$

MathJax's own delimiters, escaped for kramdown: \\(\hat{y} = \sigma(\mathbf{w}^\top \mathbf{x} + b)\\).

This one uses a command nobody supports: $\foo{x} + 1$.

The end.
MD

pp build --site "$SITE" -o "$WORK/m" --title "Math" || { cat "$WORK/stderr"; fail "build failed"; }
cat "$WORK/stderr"

# The unsupported command: one coded warning at the post's line, naming the command.
line=$(grep -n 'foo{x}' "$POST" | cut -d: -f1)
grep -qE "_posts/2025-02-01-attention\.md:$line:[0-9]+: warning: formula printed as TeX source: unsupported command \\\\foo \[math-unsupported\]" "$WORK/stderr" \
  || fail "no math-unsupported warning at line $line"
[ "$(grep -c 'math-unsupported' "$WORK/stderr")" = 1 ] || fail "formulas that are supported were warned about"

# PDF: no TeX left in the text, except the one formula kept as code.
pdftotext "$WORK/m.pdf" "$WORK/m.txt" 2>/dev/null
for tex in '\frac' '^{' '\sum' '\left' '\begin' '\operatorname' '\mathrm' '\\(' '$$'; do
  grep -qF -- "$tex" "$WORK/m.txt" && fail "PDF text still shows TeX: $tex"
done
grep -qF '\foo{x} + 1' "$WORK/m.txt" || fail "the unsupported formula's TeX is not printed"
for word in softmax Attention ReLU otherwise lim; do
  grep -qF "$word" "$WORK/m.txt" || fail "PDF text lacks the formula's word $word"
done
grep -qF '∑' "$WORK/m.txt" || fail "PDF text lacks the summation sign"
# The math face is embedded, a subset, beside the text face.
pdffonts "$WORK/m.pdf" 2>/dev/null | grep -q 'DejaVuMathTeXGyre' || fail "the math font is not embedded"

# EPUB: MathML with the TeX as alttext, the content document declares it, EPUBCheck passes.
unzip -o -q "$WORK/m.epub" -d "$WORK/epub"
xhtml=$(cat "$WORK"/epub/*/*.xhtml 2>/dev/null || true)
grep -qF -- '<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="\operatorname{softmax}' <<< "$xhtml" || fail "EPUB: no MathML for the softmax"
grep -qF -- '<mfrac>' <<< "$xhtml" || fail "EPUB: no fraction"
grep -qF -- '<munderover>' <<< "$xhtml" || fail "EPUB: no sum with limits"
grep -qF -- '<mtable' <<< "$xhtml" || fail "EPUB: no matrix"
grep -qF -- '\foo{x} + 1</code>' <<< "$xhtml" || fail "EPUB: the unsupported formula is not code"
grep -qE 'properties="mathml"' "$WORK"/epub/*/*.opf || fail "EPUB: no mathml property in the manifest"
if [ -x "$SHARED/tools/epubcheck" ]; then
  shared_epubcheck "$WORK/m.epub" --max-px 1600 --expect "Attention, in formulas" || fail "epubcheck"
fi
echo "math: post ok"

# The generators' own rules, through the fixture sites' real configurations: Hugo's passthrough
# lists \( \) (kept as written), Docusaurus's remark-math knows dollars only (there \( is a
# Markdown escape, printed as a parenthesis).
SITES="$PP_SOURCE_DIR/tests/data/sites"
cp -r "$SITES/hugo" "$WORK/hugo"
cat > "$WORK/hugo/content/en/posts/2025-03-03-pythagoras.md" <<'MD'
---
title: Pythagoras by passthrough
date: 2025-03-03
---
The sides satisfy \(a^2 + b^2 = c^2\) in every right triangle.

$$
c = \sqrt{a^2 + b^2}
$$
MD
cp -r "$SITES/docusaurus" "$WORK/docusaurus"
cat > "$WORK/docusaurus/blog/2025-03-03-squares.md" <<'MD'
---
title: Squares by remark-math
authors: [alice]
---
A square $x^2$ here, and \(y\) is only an escaped parenthesis.

$$
\int_0^1 x^2 \, dx = \frac{1}{3}
$$
MD
for gen in hugo docusaurus; do
  pp build --site "$WORK/$gen" -o "$WORK/$gen-out" --title "$gen math" || { cat "$WORK/stderr"; fail "$gen: build failed"; }
  grep -q 'math-unsupported' "$WORK/stderr" && fail "$gen: a formula was refused"
  rm -rf "$WORK/$gen-epub"
  unzip -o -q "$WORK/$gen-out.epub" -d "$WORK/$gen-epub"
  cat "$WORK/$gen-epub"/*/*.xhtml > "$WORK/$gen.xhtml"
  pdftotext "$WORK/$gen-out.pdf" "$WORK/$gen.txt" 2>/dev/null
  for tex in '\frac' '\sqrt' '^2' '$$'; do
    grep -qF -- "$tex" "$WORK/$gen.txt" && fail "$gen: PDF text still shows TeX: $tex"
  done
done
grep -qF 'alttext="a^2 + b^2 = c^2"' "$WORK/hugo.xhtml" || fail "hugo: \\( \\) passthrough is not math"
grep -qF 'alttext="c = \sqrt{a^2 + b^2}" display="block"' "$WORK/hugo.xhtml" || fail "hugo: \$\$ block is not math"
grep -qF 'alttext="x^2"' "$WORK/docusaurus.xhtml" || fail "docusaurus: \$x^2\$ is not math"
grep -qF 'display="block"' "$WORK/docusaurus.xhtml" || fail "docusaurus: the \$\$ block is not math"
grep -qF 'alttext="y"' "$WORK/docusaurus.xhtml" && fail "docusaurus: \\( made math, which remark-math does not"
grep -qF '(y) is only' "$WORK/docusaurus.txt" || fail "docusaurus: the escaped parenthesis is not printed"
echo "math: generators ok"
