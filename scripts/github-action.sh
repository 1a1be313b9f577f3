#!/usr/bin/env bash
# The body of the GitHub Action (action.yml): runs `postpress build|check ARGS` (installed, or
# in the action's container image), prints its diagnostics to the log and again as workflow
# commands (annotations on the files they name), sets the step's outputs (report, files) and
# exits with postpress's exit code.
# Inputs come from the environment: PP_ARGS (a command line, split as a shell would), PP_COMMAND
# (build or check), PP_SITE (site root for annotations; derived from PP_ARGS when empty) and
# PP_POSTPRESS (a postpress command; empty: the image postpress-action:local). GitHub sets
# GITHUB_OUTPUT and RUNNER_TEMP.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${GITHUB_OUTPUT:?set by GitHub Actions: the file of the step outputs}"
temp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
command="${PP_COMMAND:-build}"
case "$command" in build | check) ;; *) echo "::error::command must be build or check, not '$command'"; exit 2 ;; esac

# The arguments, split as a shell would split them (quotes kept together), without eval.
mapfile -d '' args < <(python3 -c 'import shlex, sys; sys.stdout.write("".join(a + "\0" for a in shlex.split(sys.argv[1])))' "${PP_ARGS:-}")

# The site root that diagnostics' paths are relative to: --site, else the config's folder.
site="${PP_SITE:-}"
if [ -z "$site" ]; then
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
      --site) site="${args[i + 1]:-}" ;;
      --site=*) site="${args[i]#--site=}" ;;
      -c | --config) [ -z "$site" ] && site="$(dirname "${args[i + 1]:-.}")" ;;
      --config=*) [ -z "$site" ] && site="$(dirname "${args[i]#--config=}")" ;;
    esac
  done
fi

# Dates inside the digest come from the commit, so that a rebuild of one commit gives the
# same bytes.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git log -1 --format=%ct 2> /dev/null || date +%s)"
fi
export SOURCE_DATE_EPOCH

report="$temp/postpress-report.json"
diagnostics="$temp/postpress-diagnostics.txt"
cache="$temp/postpress-cache"
mkdir -p "$cache"
if [ -n "${PP_POSTPRESS:-}" ]; then
  read -r -a run <<< "$PP_POSTPRESS"
else
  # The workspace and the runner's temporary folder at the same paths inside, written as the
  # runner's own user (not the image's), so that the outputs belong to the later steps.
  run=(docker run --rm --user "$(id -u):$(id -g)" -e SOURCE_DATE_EPOCH
       -v "$PWD:$PWD" -v "$temp:$temp" -w "$PWD" postpress-action:local)
fi

set +e
"${run[@]}" "$command" "${args[@]}" --cache "$cache" --report "$report" 2> "$diagnostics"
code=$?
set -e
cat "$diagnostics" >&2
# When postpress prints workflow commands itself (--diagnostics-format github), this
# translation step goes and the option is passed above instead.
python3 "$here/github-annotations.py" --site "$site" "$diagnostics" | grep '^::' || true

echo "report=$report" >> "$GITHUB_OUTPUT"
if [ -f "$report" ]; then
  {
    echo "files<<postpress-files-end"
    python3 -c '
import json, sys
report = json.load(open(sys.argv[1]))
for digest in report.get("digests", []):
    for output in digest.get("outputs", []):
        if output.get("path"):
            print(output["path"])' "$report"
    echo "postpress-files-end"
  } >> "$GITHUB_OUTPUT"
fi
exit "$code"
