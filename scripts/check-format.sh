#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format (with the repository's .clang-format) makes of it.
set -euo pipefail
root=${1:-.}
cd "$root"
mapfile -t files < <(git ls-files -co --exclude-standard -- 'src/*.h' 'src/*.cpp' 'tests/*.h' 'tests/*.cpp' | sort -u)
bad=0
for f in "${files[@]}"; do
  [[ -f "$f" ]] || continue
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f (run: make format)"
    bad=$((bad + 1))
  fi
done
echo "clang-format: ${#files[@]} files checked, $bad not formatted"
[[ $bad -eq 0 ]]
