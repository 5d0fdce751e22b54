#!/bin/sh
# extract.sh DOC NAME: print the fenced code block that follows "<!-- cluster-test: NAME -->".
set -eu
awk -v name="$2" '
  $0 == "<!-- cluster-test: " name " -->" { want = 1; next }
  want && /^```/ { if (inblock) exit; inblock = 1; next }
  inblock { print }
' "$1"
