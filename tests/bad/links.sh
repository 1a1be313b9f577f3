#!/usr/bin/env bash
# Links that must not stay live (issue 25, item 3): file:, smb:, javascript: (disguised too),
# data: and tel: links become plain text with a warning in both the EPUB and the PDF; http,
# https, mailto and links between posts stay live.
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
jekyll_site "$SITE" "Links"
cat > "$SITE/_posts/2025-02-01-links.md" <<'MD'
---
title: Links Everywhere
date: 2025-02-01
---

Read [the password file](file:///etc/passwd) and [the share](smb://fileserver/share) and
[a script](javascript:alert(1)) and [a disguised one](java&#x09;script:alert(2)) and
[some data](data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==) and [a phone](tel:+15550100).
<a href="FILE:///etc/hostname">An HTML link</a>.

These stay: [the web](https://example.net/page), [plain http](http://example.net/x),
[mail](mailto:someone@example.net) and [the good post](/2025/01/01/good.html).
MD
run_pp 60 1000 build --site "$SITE" -o "$WORK/out" --cache "$CACHE"
[ "$status" -le 1 ] || fail "exit status $status"
valid_outputs "$WORK/out" "the password file" "a disguised one"
[ "$(grep -c '\[link-scheme\]' "$WORK/stderr")" -ge 7 ] || { cat "$WORK/stderr"; fail "not every refused link is reported"; }
xhtml=$(unzip -p "$WORK/out.epub" '*.xhtml')
for bad in 'file:' 'smb:' 'javascript:' 'java' 'data:' 'tel:' 'FILE:'; do
  if grep -qi "href=\"$bad" <<< "$xhtml"; then fail "an EPUB link still goes to $bad"; fi
done
for good in 'https://example.net/page' 'http://example.net/x' 'mailto:someone@example.net'; do
  grep -q "href=\"$good\"" <<< "$xhtml" || fail "the EPUB lost the live link $good"
done
qpdf --qdf --object-streams=disable "$WORK/out.pdf" "$WORK/qdf.pdf"
uris=$(grep -a '/URI (' "$WORK/qdf.pdf" || true)
grep -qiE '\((file|smb|javascript|java|data|tel):' <<< "$uris" && fail "a PDF link still goes to a refused scheme: $uris"
grep -q 'https://example.net/page' <<< "$uris" || fail "the PDF lost the live https link"
grep -q 'mailto:someone@example.net' <<< "$uris" || fail "the PDF lost the mailto link"
echo "bad/links: ok"
