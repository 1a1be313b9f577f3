#!/usr/bin/env bash
# Nothing outside the site root reaches the outputs, whatever the configuration or the links
# say (issue 25, items 1 and 2): folder settings that point out (`includes_dir: /etc`,
# `../../x`), and _includes, _data, data/, blog/authors.yml, _config.yml, hugo.toml and
# config/_default that are symbolic links to outside files or folders. An include that is a
# FIFO does not block. An image outside the root that exists is reported exactly as one that
# does not: no diagnostic tells which outside files exist.
source "$(dirname "$0")/bad-lib.bash"
OUT_DIR="$WORK/outside"
mkdir -p "$OUT_DIR/inc" "$OUT_DIR/data" "$OUT_DIR/x" "$OUT_DIR/cfg"
printf 'SECRET-INCLUDE-TEXT\n' > "$OUT_DIR/inc/secret.md"
printf 'SECRET-INCLUDE-TEXT\n' > "$OUT_DIR/x/secret.md"
printf 'alice:\n  name: SECRET-AUTHOR-NAME\n' > "$OUT_DIR/data/authors.yml"
printf 'title: "SECRET-CONFIG-TITLE"\n' > "$OUT_DIR/_config.yml"
printf 'title = "SECRET-CONFIG-TITLE"\n' > "$OUT_DIR/hugo.toml"
printf 'title = "SECRET-CONFIG-TITLE"\n' > "$OUT_DIR/cfg/hugo.toml"

# leaks BASE: fails when a SECRET marker or /etc/passwd reached BASE.pdf or BASE.epub.
leaks() {
  local f
  for f in "$1.pdf" "$1.epub"; do
    [ -s "$f" ] || { tail -20 "$WORK/stderr" >&2; fail "no output $f"; }
    if unzip -p "$f" 2>/dev/null | grep -a "SECRET-\|root:x:0" > /dev/null ||
       pdftotext "$f" - 2>/dev/null | grep "SECRET-\|root:x:0" > /dev/null; then
      fail "content from outside the site reached $f"
    fi
  done
}

jekyll_post() {  # jekyll_post SITE BODY
  printf -- '---\ntitle: Includes\ndate: 2025-02-01\nauthor: alice\n---\n\n%s\n\nINCLUDE-POST-TEXT\n' "$2" > "$1/_posts/2025-02-01-includes.md"
}

# 1. includes_dir naming a folder outside the site, absolute and relative.
for dir in "$OUT_DIR/inc" /etc "../outside/inc" "../../x"; do
  S="$WORK/j-dir"; rm -rf "$S"; jekyll_site "$S" "Dir"
  printf 'includes_dir: "%s"\n' "$dir" >> "$S/_config.yml"
  jekyll_post "$S" '{% include secret.md %}{% include passwd %}'
  run_pp 60 1000 build --site "$S" -o "$WORK/j-dir" --cache "$CACHE"
  [ "$status" -le 1 ] || fail "includes_dir $dir: exit $status"
  leaks "$WORK/j-dir"
  expect_diag "_config.yml: warning: .*includes_dir.*\[config-folder\]" "includes_dir $dir is refused"
  expect_diag "liquid-include(-missing)?\]" "the include of $dir is reported"
done

# 2. _includes, _data and _config.yml as links out; an include that is a FIFO.
S="$WORK/j-link"; jekyll_site "$S" "Links"
ln -s "$OUT_DIR/inc" "$S/_includes"
ln -s "$OUT_DIR/data" "$S/_data"
jekyll_post "$S" '{% include secret.md %}'
run_pp 60 1000 build --site "$S" -o "$WORK/j-link" --cache "$CACHE"
leaks "$WORK/j-link"
expect_diag "liquid-include(-missing)?\]" "the include through a link out is reported"
rm "$S/_includes"; mkdir "$S/_includes"; mkfifo "$S/_includes/pipe.md"
ln -s "$OUT_DIR/inc/secret.md" "$S/_includes/linked.md"
jekyll_post "$S" '{% include pipe.md %}{% include linked.md %}'
run_pp 20 1000 build --site "$S" -o "$WORK/j-fifo" --cache "$CACHE"
leaks "$WORK/j-fifo"
[ "$(grep -c 'liquid-include-missing' "$WORK/stderr")" -ge 2 ] || fail "the FIFO and the link out are not both reported"
rm "$S/_config.yml"; ln -s "$OUT_DIR/_config.yml" "$S/_config.yml"
run_pp 60 1000 build --site "$S" -o "$WORK/j-config" --cache "$CACHE"
leaks "$WORK/j-config"

# 3. Hugo: hugo.toml, data/ and config/_default as links out.
H="$WORK/hugo"; mkdir -p "$H/content/posts"
printf -- '---\ntitle: Hugo Post\ndate: 2025-03-01\nauthor: alice\n---\n\nHUGO-POST-TEXT\n' > "$H/content/posts/one.md"
ln -s "$OUT_DIR/hugo.toml" "$H/hugo.toml"
ln -s "$OUT_DIR/data" "$H/data"
run_pp 60 1000 build --site "$H" -o "$WORK/hugo" --cache "$CACHE"
leaks "$WORK/hugo"
rm "$H/hugo.toml"; mkdir -p "$H/config"; ln -s "$OUT_DIR/cfg" "$H/config/_default"
printf 'title = "Hugo Site"\n' > "$H/config.toml"
run_pp 60 1000 build --site "$H" -o "$WORK/hugo2" --cache "$CACHE"
leaks "$WORK/hugo2"
printf 'contentDir = "../outside"\n' >> "$H/config.toml"
run_pp 60 1000 build --site "$H" -o "$WORK/hugo3" --cache "$CACHE"
expect_diag "config.toml: warning: .*contentDir.*\[config-folder\]" "contentDir out of the site is refused"

# 4. Docusaurus: blog/authors.yml as a link out.
D="$WORK/docu"; mkdir -p "$D/blog"
printf "module.exports = { title: 'Docs', url: 'https://example.org', baseUrl: '/' };\n" > "$D/docusaurus.config.js"
printf -- '---\ntitle: Docu Post\nauthors: alice\n---\n\nDOCU-POST-TEXT\n' > "$D/blog/2025-04-01-one.md"
ln -s "$OUT_DIR/data/authors.yml" "$D/blog/authors.yml"
run_pp 60 1000 build --site "$D" -o "$WORK/docu" --cache "$CACHE"
leaks "$WORK/docu"

# 5. One message for an image outside the root, whether it exists or not.
S="$WORK/img"; jekyll_site "$S" "Images"
cat > "$S/_posts/2025-05-01-img.md" <<MD
---
title: Images
date: 2025-05-01
---

![a]($OUT_DIR/data/authors.yml)

![b]($OUT_DIR/data/missing.yml)

![c](../../../outside/data/authors.yml)

![d](../../../outside/data/missing.yml)
MD
run_pp 60 1000 build --site "$S" -o "$WORK/img" --cache "$CACHE"
msg() { grep -E "img.md:$1:" "$WORK/stderr" | sed -E "s/^[^ ]* //; s/authors|missing/NAME/g"; }
[ -n "$(msg 6)" ] || fail "no diagnostic for the outside image"
[ "$(msg 6)" = "$(msg 8)" ] || fail "existing and missing outside images are told apart: '$(msg 6)' / '$(msg 8)'"
[ "$(msg 10)" = "$(msg 12)" ] || fail "existing and missing ../ images are told apart: '$(msg 10)' / '$(msg 12)'"
# 6. Settings and files of the other generators: Hugo's dataDir and MkDocs' docs_dir naming
# folders outside, MkDocs' .authors.yml and Pelican's pelicanconf.py as links out.
H4="$WORK/hugo4"; mkdir -p "$H4/content/posts"
printf 'title = "Hugo"\ndataDir = "../outside/data"\n' > "$H4/hugo.toml"
printf -- '---\ntitle: Hugo Post\ndate: 2025-03-01\nauthor: alice\n---\n\nHUGO-POST-TEXT\n' > "$H4/content/posts/one.md"
run_pp 60 1000 build --site "$H4" -o "$WORK/hugo4" --cache "$CACHE"
expect_diag "hugo.toml: warning: .*dataDir.*\[config-folder\]" "Hugo dataDir out of the site is refused"
leaks "$WORK/hugo4"
M="$WORK/mkdocs"; mkdir -p "$M/docs/blog/posts"
printf 'site_name: MkDocs\nplugins:\n  - blog\n' > "$M/mkdocs.yml"
printf -- '---\ndate: 2025-06-01\nauthors: [alice]\n---\n\n# MkDocs Post\n\nMKDOCS-POST-TEXT\n' > "$M/docs/blog/posts/one.md"
ln -s "$OUT_DIR/data/authors.yml" "$M/docs/blog/.authors.yml"
run_pp 60 1000 build --site "$M" -o "$WORK/mkdocs" --cache "$CACHE"
leaks "$WORK/mkdocs"
printf 'docs_dir: ../outside\n' >> "$M/mkdocs.yml"
run_pp 60 1000 build --site "$M" -o "$WORK/mkdocs2" --cache "$CACHE"
expect_diag "mkdocs.yml: warning: .*docs_dir.*\[config-folder\]" "MkDocs docs_dir out of the site is refused"
P="$WORK/pelican"; mkdir -p "$P/content"
printf 'SITENAME = "SECRET-CONFIG-TITLE"\n' > "$OUT_DIR/pelicanconf.py"
ln -s "$OUT_DIR/pelicanconf.py" "$P/pelicanconf.py"
printf 'Title: Pelican Post\nDate: 2025-07-01\n\nPELICAN-POST-TEXT\n' > "$P/content/one.md"
run_pp 60 1000 build --site "$P" -o "$WORK/pelican" --cache "$CACHE"
leaks "$WORK/pelican"

# 7. Folders the other generators' settings name: Eleventy's dir.input and Pelican's PATH
# naming an outside folder of posts are refused in the same words whether it exists or not;
# Gatsby's content/blog as a link out is not read (silently: a word would tell that its target
# exists). The site's own post still builds.
mkdir -p "$OUT_DIR/posts"
printf -- '---\ntitle: SECRET-POST-TITLE\ndate: 2025-08-01\ntags: [posts]\n---\n\nSECRET-POST-TEXT\n' > "$OUT_DIR/posts/leak.md"
E="$WORK/eleventy"; mkdir -p "$E/posts"
printf -- '---\ntitle: Eleventy Post\ndate: 2025-08-02\ntags: [posts]\n---\n\nELEVENTY-POST-TEXT\n' > "$E/posts/one.md"
P2="$WORK/pelican2"; mkdir -p "$P2/content"
printf 'Title: Pelican Post\nDate: 2025-07-01\n\nPELICAN-POST-TEXT\n' > "$P2/content/one.md"
setting_msgs=()
for target in posts no-such-folder; do
  printf 'module.exports = function () { return { dir: { input: "../outside/%s" } }; };\n' "$target" > "$E/.eleventy.js"
  run_pp 60 1000 build --site "$E" -o "$WORK/eleventy" --cache "$CACHE"
  leaks "$WORK/eleventy"
  expect_diag "eleventy.js: warning: .*dir.input.*\[config-folder\]" "Eleventy dir.input ../outside/$target is refused"
  setting_msgs+=("$(grep -E 'config-folder' "$WORK/stderr" | sed "s/$target/X/g")")
  printf 'SITENAME = "Pelican"\nPATH = "%s"\n' "$OUT_DIR/$target" > "$P2/pelicanconf.py"
  run_pp 60 1000 build --site "$P2" -o "$WORK/pelican2" --cache "$CACHE"
  leaks "$WORK/pelican2"
  expect_diag "pelicanconf.py: warning: .*PATH.*\[config-folder\]" "Pelican PATH $OUT_DIR/$target is refused"
  setting_msgs+=("$(grep -E 'config-folder' "$WORK/stderr" | sed "s/$target/X/g")")
done
[ "${setting_msgs[0]}" = "${setting_msgs[2]}" ] || fail "Eleventy: an existing and a missing outside folder are told apart"
[ "${setting_msgs[1]}" = "${setting_msgs[3]}" ] || fail "Pelican: an existing and a missing outside folder are told apart"
G="$WORK/gatsby"; mkdir -p "$G/content/posts"
printf 'module.exports = { siteMetadata: { title: "Gatsby" } };\n' > "$G/gatsby-config.js"
ln -s "$OUT_DIR/posts" "$G/content/blog"
printf -- '---\ntitle: Gatsby Post\ndate: 2025-08-03\n---\n\nGATSBY-POST-TEXT\n' > "$G/content/posts/one.md"
run_pp 60 1000 build --site "$G" -o "$WORK/gatsby" --cache "$CACHE"
leaks "$WORK/gatsby"
pdftotext "$WORK/gatsby.pdf" - | grep "GATSBY-POST-TEXT" > /dev/null || fail "the Gatsby site's own post is missing"

echo "bad/confinement: ok"
