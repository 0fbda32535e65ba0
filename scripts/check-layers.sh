#!/usr/bin/env bash
# Fails when a source file includes a header from a layer it may not depend on
# (docs/architecture.md): core ← domain ← app ← {storage, reports} ← {web, cli} ← bin.
set -euo pipefail
src=${1:-src}
declare -A allowed=(
  [core]="core"
  [domain]="core domain"
  [app]="core domain app"
  [storage]="core domain app storage"
  [reports]="core domain app reports"
  [web]="core domain app storage reports web"
  [cli]="core domain app storage reports cli"
  [bin]="core domain app storage reports web cli bin"
)
violations=0
checked=0
for layer in "${!allowed[@]}"; do
  [[ -d "$src/$layer" ]] || continue
  while IFS= read -r -d '' file; do
    checked=$((checked + 1))
    while IFS= read -r line; do
      target=${line#*\"}
      target=${target%%/*}
      if [[ " ${allowed[$layer]} " != *" $target "* ]]; then
        echo "layering violation: ${file#$src/} includes \"${line#*\"} (layer $layer may use: ${allowed[$layer]})"
        violations=$((violations + 1))
      fi
    done < <(grep -E '^\s*#\s*include\s+"[a-z]+/' "$file" || true)
  done < <(find "$src/$layer" \( -name '*.h' -o -name '*.cpp' \) -print0)
done
echo "layering: $checked files checked, $violations violations"
[[ $violations -eq 0 ]]
