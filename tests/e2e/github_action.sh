#!/usr/bin/env bash
# The GitHub Action (action.yml, scripts/github-action.sh) run as the runner would run it, with
# the built postpress instead of the container image (no Docker engine here): a blog in a
# subfolder of a repository, one post with a missing image. The warning becomes a workflow
# command whose file exists from the repository root, at the post's line; the step's outputs
# name the PDF and the EPUB it wrote; --strict makes the step fail with postpress's exit code.
# action.yml and the example workflow parse as YAML and say what the action runs.
source "$(dirname "$0")/../tools/e2e-lib.sh"
[ -d "$PP_SOURCE_DIR/samples/_posts" ] || skip "samples/ absent"

python3 - "$PP_SOURCE_DIR" <<'PY' || fail "action.yml or the example workflow"
import os, sys, yaml
root = sys.argv[1]
action = yaml.safe_load(open(os.path.join(root, "action.yml")))
assert action["runs"]["using"] == "composite", action["runs"]
steps = action["runs"]["steps"]
runs = " ".join(step.get("run", "") for step in steps)
assert "scripts/github-action.sh" in runs, runs
assert os.path.isfile(os.path.join(root, "scripts", "github-action.sh"))
for name in ("args", "command", "site", "postpress"):
    assert name in action["inputs"], name
for name in ("report", "files"):
    assert "steps.run.outputs." + name in action["outputs"][name]["value"], name
assert any(step.get("id") == "run" for step in steps)
workflow = yaml.safe_load(open(os.path.join(root, "docs", "examples", "quarterly-digest.yml")))
on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as true
assert "push" in on, on
job_steps = next(iter(workflow["jobs"].values()))["steps"]
uses = [step.get("uses", "") for step in job_steps]
assert any(u.endswith("/postpress@main") for u in uses), uses
upload = next(step for step in job_steps if step.get("uses", "").startswith("actions/upload-artifact"))
paths = upload["with"]["path"]
assert ".pdf" in paths and ".epub" in paths, paths
build = next(step for step in job_steps if step.get("uses", "").endswith("/postpress@main"))
assert "--quarter" in build["with"]["args"], build
PY

# A repository with the blog in blog/ and a post whose image is missing.
repo="$WORK/repo"
mkdir -p "$repo" "$WORK/runner"
cp -r "$PP_SOURCE_DIR/samples" "$repo/blog"
post="_posts/2025-12-10-a-missing-picture.md"
cat > "$repo/blog/$post" <<'EOF'
---
title: "A Missing Picture"
date: 2025-12-10 09:00:00 +0000
author: "Test Author"
tags: [testing]
---
The picture below was never committed.

![the stage](/img/never-committed.png)
EOF
image_line=$(grep -n "never-committed" "$repo/blog/$post" | cut -d: -f1)

run_action() {  # ARGS-STRING: runs the action's script as a composite step would
  (cd "$repo" && env GITHUB_OUTPUT="$WORK/output" RUNNER_TEMP="$WORK/runner" PP_POSTPRESS="$POSTPRESS" \
    PP_COMMAND=build PP_SITE= PP_ARGS="$1" bash "$PP_SOURCE_DIR/scripts/github-action.sh" \
    > "$WORK/commands" 2> "$WORK/log")
}
: > "$WORK/output"
run_action "--site blog --quarter 2025Q4 --title 'Blog digest 2025Q4' -o out/digest-2025Q4" ||
  { cat "$WORK/log"; fail "the action failed on a site with warnings only"; }
grep -q "warning: .*never-committed.*\[image-missing\]" "$WORK/log" || { cat "$WORK/log"; fail "the log lacks the diagnostic"; }
annotation=$(grep "^::warning .*title=image-missing" "$WORK/commands" | sed -n 1p)
[ -n "$annotation" ] || { cat "$WORK/commands"; fail "no ::warning command for the missing image"; }
file=$(sed -n 's/^::warning file=\([^,:]*\),.*/\1/p' <<< "$annotation")
[ "$file" = "blog/$post" ] || fail "the annotation names '$file', not blog/$post: $annotation"
[ -f "$repo/$file" ] || fail "the annotated file does not exist from the repository root"
grep -q ",line=$image_line," <<< "$annotation" || fail "the annotation is not at line $image_line: $annotation"
# Every annotated file exists from the repository root (the current folder of the step).
while IFS= read -r f; do
  [ -e "$repo/$f" ] || fail "annotation for a file that does not exist: $f"
done < <(sed -n 's/^::[a-z]* file=\([^,:]*\).*/\1/p' "$WORK/commands")

grep -q "^report=$WORK/runner/postpress-report.json$" "$WORK/output" || fail "no report output: $(cat "$WORK/output")"
sed -n '/^files<</,/^postpress-files-end$/p' "$WORK/output" | sed '1d;$d' > "$WORK/files"
grep -q "digest-2025Q4.pdf$" "$WORK/files" && grep -q "digest-2025Q4.epub$" "$WORK/files" ||
  fail "the files output lacks the PDF or the EPUB: $(cat "$WORK/output")"
while IFS= read -r f; do
  (cd "$repo" && [ -s "$f" ]) || fail "the files output names $f, which is not there"
done < "$WORK/files"

# With --strict the warning is an error: the step fails with postpress's exit code 1.
set +e
run_action "--site blog --quarter 2025Q4 --title T -o out/strict --strict"
code=$?
set -e
[ "$code" = 1 ] || { cat "$WORK/log"; fail "--strict with a warning: the step exited $code, not 1"; }
echo "github_action: ok"
