#!/usr/bin/env bash
# A site tree that fights back: symlink loops (a folder linking to itself and to its parent),
# symlinks to posts and folders outside the site root, a post that is a symlink to
# /etc/passwd, a FIFO named like a post, an unreadable post, a 300-deep folder chain, and
# --posts globs that try to leave the root. postpress must finish promptly, read nothing outside
# the site, say what it skipped, and still build the good posts.
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
OUTSIDE="$WORK/outside"
jekyll_site "$SITE" "Hostile Tree"
P="$SITE/_posts"
mkdir -p "$OUTSIDE"
printf -- '---\ntitle: Secret Outside Post\ndate: 2025-04-01\n---\n\nSECRET-OUTSIDE-TEXT\n' > "$OUTSIDE/2025-04-01-secret.md"

ln -s . "$P/loop-self"
ln -s .. "$P/loop-parent"
mkdir -p "$P/a/b"; ln -s ../.. "$P/a/b/loop-up"
ln -s "$OUTSIDE" "$P/outside-folder"
ln -s "$OUTSIDE/2025-04-01-secret.md" "$P/2025-04-02-linked-secret.md"
ln -s /etc/passwd "$P/2025-04-03-passwd.md"
ln -s "$P/2025-04-04-dangling-target.md" "$P/2025-04-04-dangling.md"
mkfifo "$P/2025-04-05-fifo.md"
printf -- '---\ntitle: Unreadable\ndate: 2025-04-06\n---\n\nx\n' > "$P/2025-04-06-unreadable.md"
chmod 000 "$P/2025-04-06-unreadable.md"
# A post 30 folders down is read; a chain of 300 nested folders is cut (with a warning).
deep="$P"; for i in $(seq 30); do deep="$deep/d"; done
mkdir -p "$deep"
printf -- '---\ntitle: Deep Folder Post\ndate: 2025-04-07\n---\n\nText of the deep folder post.\n' > "$deep/2025-04-07-deep.md"
chain="$P"; for i in $(seq 300); do chain="$chain/c"; done
mkdir -p "$chain"
printf -- '---\ntitle: Too Deep\ndate: 2025-04-10\n---\n\nx\n' > "$chain/2025-04-10-too-deep.md"
# A post inside the site that is a symlink to another post inside the site: fine, read once.
printf -- '---\ntitle: Inside Target\ndate: 2025-04-08\n---\n\nText of the inside target.\n' > "$P/2025-04-08-inside.md"
ln -s 2025-04-08-inside.md "$P/2025-04-09-inside-link.md"

run_pp 60 1000 build --site "$SITE" -o "$WORK/out" --cache "$CACHE"
[ "$status" -le 1 ] || fail "exit status $status"
valid_outputs "$WORK/out" "A Good Post" "Text of the deep folder post." "Text of the inside target."
expect_diag "passwd\.md.*(error|warning): " "the /etc/passwd link is refused and named"
expect_diag "linked-secret\.md.*(error|warning): " "the link to a post outside the root is refused and named"
expect_diag "fifo\.md.*(error|warning): " "the FIFO is skipped and named"
expect_diag "dangling\.md.*(error|warning): " "the dangling link is named"
expect_diag "(error|warning): folders nested more than" "the folder chain is cut with a warning"
for f in "$WORK/out.pdf" "$WORK/out.epub"; do
  if unzip -p "$f" 2>/dev/null | grep -ac "SECRET-OUTSIDE-TEXT\|root:x:0" > /dev/null ||
     pdftotext "$f" - 2>/dev/null | grep -c "SECRET-OUTSIDE-TEXT\|root:x:0" > /dev/null; then
    fail "content from outside the site reached $f"
  fi
done

# --posts globs cannot leave the root either.
for glob in '../outside/*.md' '/etc/*' '**/../../outside/*.md'; do
  run_pp 60 1000 list --site "$SITE" --posts "$glob" --json
  [ "$status" -le 2 ] || fail "--posts '$glob': exit $status"
  grep -q "SECRET\|Secret Outside" "$WORK/stdout" && fail "--posts '$glob' reached outside the site"
done
echo "bad/site_tree: ok"
