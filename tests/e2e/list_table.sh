#!/usr/bin/env bash
# `postpress list` on a terminal fits its width, counting CJK characters as two columns: every
# line of a 72-column terminal is at most 72 columns wide and the columns line up; in a pipe
# nothing is cut. The terminal is made by script(1) (util-linux), its width by stty.
# ctest-cost: 2
source "$(dirname "$0")/../tools/e2e-lib.sh"
S="$WORK/site"; mkdir -p "$S/_posts"
echo 'title: Table' > "$S/_config.yml"
printf -- '---\ntitle: "日本語のタイトルはとても長くて端末の幅には収まらないかもしれません"\ndate: 2025-01-02\nauthor: 山田太郎\ntags: [kubernetes]\n---\n\nText.\n' > "$S/_posts/2025-01-02-ja.md"
printf -- '---\ntitle: "A rather long English title that goes on and on about observability pipelines"\ndate: 2025-01-03\nauthor: Alice Example\ntags: [observability, opentelemetry, tracing]\n---\n\nText.\n' > "$S/_posts/2025-01-03-en.md"

command -v script > /dev/null || { echo "list_table: skipped (no script(1))"; exit 0; }
script -qc "stty cols 72; '$POSTPRESS' list --site '$S'" /dev/null > "$WORK/tty.txt"
"$POSTPRESS" list --site "$S" > "$WORK/pipe.txt"
python3 - "$WORK/tty.txt" "$WORK/pipe.txt" <<'PY'
import sys, unicodedata
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w
tty = [l.rstrip("\r\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
assert len(tty) == 3, tty
for l in tty:
    assert width(l) <= 72, f"line wider than the terminal ({width(l)}): {l}"
# The path column starts at the same column on every line, the header's included.
starts = {width(l[: l.index("_posts/" if "_posts/" in l else "PATH")]) for l in tty}
assert len(starts) == 1, f"columns do not line up: {starts}\n" + "\n".join(tty)
assert any("…" in l for l in tty), "nothing was cut on a 72-column terminal"
pipe = open(sys.argv[2], encoding="utf-8").read()
assert "収まらないかもしれません" in pipe and "observability pipelines" in pipe, "a pipe got cut cells"
assert "…" not in pipe
PY
echo "list_table: ok"
