#!/bin/sh
# Seeds fuzz/corpus/ from the project's sample articles and rule files.
set -e
cd "$(dirname "$0")"
mkdir -p corpus/extract corpus/rules
cp ../seeds/* corpus/extract/
for f in ../tests/fixtures/*/*.txt; do cp "$f" "corpus/extract/$(basename "$(dirname "$f")")_$(basename "$f")"; done
cp ../rules/*.toml corpus/rules/
