#!/usr/bin/env bash
# Benchmark the hcx binary end to end and print the figures of the "Speed" issue.
#
#   scripts/bench.sh                seeds/, 10 MB and 100 MB corpora (half an hour or more)
#   scripts/bench.sh --quick        seeds/ and 10 MB only, fewer runs
#   scripts/bench.sh --timeout 600  seconds one run may take (default 600); a command
#                                   slower than that is reported as "> 600 s", not timed
#   scripts/bench.sh --ratios       only the scaling ratios below (corpora reused)
#   HCX_BIN=path scripts/bench.sh   time another hcx binary (no build), e.g. an old one
#
# The full run (and --ratios) also prints the ratios of the "hostile and huge input"
# issue: one 200 MB file against the same bytes split over 2,000 files (`diff --format
# json`, target at most 3x), `diff` with every check against `diff` with none on 100 MB
# (at most 1.5x), and the peak memory of `diff` in every format on 100 MB against the
# corpus size (under 4x).
#
# Builds `cargo build --release`, generates synthetic corpora with scripts/gen-corpus.py
# into target/bench-corpus/ (reused when already there), then for each corpus and each of
#   hcx claims --format jsonl DIR     (all claims, one JSON line each)
#   hcx diff DIR                      (default table; exit 1 = disagreements, not an error)
#   hcx diff --format json DIR        (what CI reads; no table to lay out)
#   rg -o '[0-9][0-9,.]*' DIR         (a floor: every number in the corpus, no analysis)
# makes one probe run under GNU time (peak RSS, the claim count, and whether it finishes
# within the budget), then times the ones that did with hyperfine. It prints median wall
# time, MB/s (10^6 bytes of .txt/.md articles), claims/s, peak RSS, the hcx/rg ratios,
# the 10 -> 100 MB growth (MB = 10^6 bytes throughout), and which targets are met. Raw
# hyperfine JSON and the summary go to target/bench-results/.
#
# Needs hyperfine, ripgrep and GNU time; installs them with apt-get when missing (as
# root). The machine is shared and small: read medians, not means.

set -euo pipefail

usage() {
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
}

QUICK=0
RATIOS_ONLY=0
BUDGET=600
while [ "$#" -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --ratios) RATIOS_ONLY=1 ;;
        --timeout)
            BUDGET="${2:-}"
            shift
            ;;
        --timeout=*) BUDGET="${1#--timeout=}" ;;
        -h | --help) usage; exit 0 ;;
        *) echo "bench: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
case "$BUDGET" in
    '' | *[!0-9]*) echo "bench: --timeout takes whole seconds" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# ----------------------------------------------------------------------------- tools
missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "bench: installing missing tools with apt-get: ${missing[*]}" >&2
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "bench: cannot install (need root and apt-get); install ${missing[*]} first" >&2
        exit 2
    fi
    apt-get install -y "${missing[@]}" >/dev/null 2>&1 || {
        apt-get update -qq >/dev/null
        apt-get install -y "${missing[@]}" >/dev/null
    }
fi
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed" >&2; exit 2; }

# ----------------------------------------------------------------------------- build
if [ -n "${HCX_BIN:-}" ]; then
    HCX="$(cd "$(dirname "$HCX_BIN")" && pwd)/$(basename "$HCX_BIN")"
    echo "bench: timing $HCX (no build)" >&2
else
    echo "bench: cargo build --release" >&2
    cargo build --release --quiet
    HCX="$ROOT/target/release/hcx"
fi

# --------------------------------------------------------------------------- corpora
CORPUS_ROOT="$ROOT/target/bench-corpus"
mkdir -p "$CORPUS_ROOT"
python3 scripts/gen-corpus.py --mb 10 --out "$CORPUS_ROOT/10mb" --seed 1
NAMES=(seeds 10mb)
DIRS=("$ROOT/seeds" "$CORPUS_ROOT/10mb")
if [ "$QUICK" -eq 0 ]; then
    python3 scripts/gen-corpus.py --mb 100 --out "$CORPUS_ROOT/100mb" --seed 1
    NAMES+=(100mb)
    DIRS+=("$CORPUS_ROOT/100mb")
fi

# hyperfine runs per corpus: many for the tiny seeds, few for the big ones.
runs_for() {
    case "$1:$QUICK" in
        seeds:0) echo "--warmup 3 --min-runs 30" ;;
        seeds:1) echo "--warmup 2 --runs 10" ;;
        10mb:0) echo "--runs 5" ;;
        10mb:1) echo "--runs 2" ;;
        100mb:*) echo "--runs 3" ;;
    esac
}

OUT="$ROOT/target/bench-results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
META="$OUT/meta.tsv"
printf 'corpus\tbytes\tfiles\tcommand\tstatus\tprobe_s\trss_kb\tlines\n' >"$META"

RG_PATTERN='[0-9][0-9,.]*'

# probe CORPUS LABEL CMD...: one run under GNU time and `timeout`, for peak RSS, the
# number of output lines (the claim count, for `hcx claims --format jsonl`) and whether
# the command finishes within the budget at all. Appends a row to $META.
probe() {
    local corpus="$1" label="$2" file="$OUT/$1.$2.time" lines rc status
    shift 2
    set +e
    lines=$(/usr/bin/time -f '%M %e' -o "$file" timeout "$BUDGET" "$@" 2>/dev/null | wc -l)
    rc="${PIPESTATUS[0]}"
    set -e
    case "$rc" in
        124) status=timeout ;;
        0 | 1) status=ok ;; # hcx diff: 1 = disagreements found; rg: 1 = no match
        *) status="exit$rc" ;;
    esac
    read -r rss secs <<<"$(tail -n 1 "$file")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$corpus" "$bytes" "$files" "$label" \
        "$status" "$secs" "$rss" "$lines" >>"$META"
    echo "bench: probe $corpus $label: $status in ${secs}s, peak RSS ${rss} KB, $lines lines" >&2
    [ "$status" = ok ]
}

if [ "$RATIOS_ONLY" -eq 0 ]; then
echo "bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(rg --version | head -n 1), $(hyperfine --version), budget ${BUDGET}s a run" >&2
for i in "${!NAMES[@]}"; do
    name="${NAMES[$i]}"
    dir="${DIRS[$i]}"
    bytes=$(find "$dir" -type f \( -iname '*.txt' -o -iname '*.md' \) -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    files=$(find "$dir" -type f \( -iname '*.txt' -o -iname '*.md' \) | wc -l)
    echo "bench: == $name: $files files, $bytes bytes ==" >&2

    # Commands that finish within the budget go on to hyperfine; the others are
    # reported as slower than the budget.
    timed=()
    if probe "$name" claims "$HCX" claims --format jsonl "$dir"; then
        timed+=(-n "hcx claims" "$HCX claims --format jsonl $dir")
    fi
    if probe "$name" diff "$HCX" diff "$dir"; then
        timed+=(-n "hcx diff" "$HCX diff $dir")
    fi
    if probe "$name" diffjson "$HCX" diff --format json "$dir"; then
        timed+=(-n "hcx diff --format json" "$HCX diff --format json $dir")
    fi
    if probe "$name" rg rg -o "$RG_PATTERN" "$dir"; then
        timed+=(-n "rg" "rg -o '$RG_PATTERN' $dir")
    fi
    if [ "${#timed[@]}" -gt 0 ]; then
        # shellcheck disable=SC2046 # the run options are meant to split
        hyperfine --style basic -N -i $(runs_for "$name") \
            --export-json "$OUT/$name.json" "${timed[@]}" >&2
    fi
done

# ---------------------------------------------------------------------------- report
python3 - "$OUT" "$BUDGET" <<'PY_END' | tee "$OUT/summary.txt"
import csv
import json
import sys
from pathlib import Path

out, budget = Path(sys.argv[1]), float(sys.argv[2])
MB = 1e6
LABELS = {"claims": "hcx claims", "diff": "hcx diff", "diffjson": "hcx diff --format json",
          "rg": "rg"}
COMMANDS = ("hcx claims", "hcx diff", "hcx diff --format json", "rg")

corpora = {}  # name -> {"bytes", "files", "runs": {command: row}}
for row in csv.DictReader(open(out / "meta.tsv"), delimiter="\t"):
    c = corpora.setdefault(row["corpus"], {"bytes": int(row["bytes"]),
                                          "files": int(row["files"]), "runs": {}})
    c["runs"][LABELS[row["command"]]] = row
for name, c in corpora.items():
    path = out / f"{name}.json"
    results = json.loads(path.read_text())["results"] if path.exists() else []
    for r in results:
        c["runs"][r["command"]]["hyperfine"] = r


def median(name, cmd):
    """(seconds, exact): the hyperfine median, or the budget as a lower bound."""
    run = corpora[name]["runs"][cmd]
    if "hyperfine" in run:
        return run["hyperfine"]["median"], True
    return budget, False


def fmt_time(s, exact=True):
    text = f"{s * 1e3:.1f} ms" if s < 1 else f"{s:.2f} s"
    return text if exact else f"> {text}"


def claims_of(name):
    run = corpora[name]["runs"]["hcx claims"]
    return int(run["lines"]) if run["status"] == "ok" else None


rows = []
head = ["corpus", "command", "median", "stddev", "runs", "MB/s", "claims/s", "peak RSS",
        "x rg"]
for name, c in corpora.items():
    rg, rg_exact = median(name, "rg")
    claims = claims_of(name)
    for i, cmd in enumerate(COMMANDS):
        run = c["runs"][cmd]
        t, exact = median(name, cmd)
        bound = "" if exact else "< "
        hf = run.get("hyperfine")
        rows.append([
            f"{name} ({c['bytes'] / MB:.2f} MB)" if i == 0 else "",
            cmd,
            fmt_time(t, exact),
            fmt_time(hf["stddev"] or 0.0) if hf else "-",
            str(len(hf["times"])) if hf else "0",
            f"{bound}{c['bytes'] / MB / t:.2f}",
            "-" if cmd == "rg" or claims is None else f"{bound}{claims / t:,.0f}",
            f"{int(run['rss_kb']) * 1024 / MB:.1f} MB" + ("" if exact else " (killed)"),
            "1.0" if cmd == "rg" else ("> " if not exact else "") + f"{t / rg:.1f}",
        ])

widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]


def line(r):
    return "  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                     for i, (c, w) in enumerate(zip(r, widths)))


print()
print(line(head))
print(line(["-" * w for w in widths]))
for r in rows:
    print(line(r))
print()
for name, c in corpora.items():
    claims = claims_of(name)
    print(f"{name}: {c['files']} files, {c['bytes']:,} bytes, "
          + (f"{claims:,} claims" if claims is not None else "claims not counted (timed out)"))

checks = []
if "seeds" in corpora:
    t, exact = median("seeds", "hcx diff")
    checks.append((f"hcx diff seeds/ under 10 ms (median {fmt_time(t, exact)})",
                   exact and t < 0.010))
if "100mb" in corpora:
    rg, _ = median("100mb", "rg")
    for cmd, limit in (("hcx claims", 4), ("hcx diff", 6), ("hcx diff --format json", 6)):
        t, exact = median("100mb", cmd)
        ratio = t / rg
        checks.append((f"100 MB {cmd} within {limit}x rg ({'' if exact else '> '}{ratio:.1f}x)",
                       exact and ratio <= limit))
if "100mb" in corpora and "10mb" in corpora:
    print()
    size_growth = corpora["100mb"]["bytes"] / corpora["10mb"]["bytes"]
    for cmd in COMMANDS:
        small, small_exact = median("10mb", cmd)
        big, big_exact = median("100mb", cmd)
        if not small_exact:
            print(f"10 -> 100 MB growth, {cmd}: not measured (10 MB run timed out)")
            if cmd != "rg":
                checks.append((f"10 -> 100 MB {cmd} at most 11x time (10 MB timed out)", False))
            continue
        growth = big / small
        bound = "" if big_exact else "> "
        print(f"10 -> 100 MB growth, {cmd}: {bound}{growth:.1f}x time for {size_growth:.1f}x data")
        if cmd != "rg":
            checks.append((f"10 -> 100 MB {cmd} at most 11x time ({bound}{growth:.1f}x)",
                           big_exact and growth <= 11))
else:
    checks.append(("100 MB ratios and 10 -> 100 MB growth: not measured (--quick)", None))
for name, c in corpora.items():
    limit = c["bytes"] + 50 * MB
    for cmd in COMMANDS[:-1]:
        run = c["runs"][cmd]
        peak = int(run["rss_kb"]) * 1024
        killed = run["status"] != "ok"
        text = (f"{name} {cmd} peak RSS {'>= ' if killed else ''}{peak / MB:.1f} MB under "
                f"corpus + 50 MB ({limit / MB:.1f} MB)")
        checks.append((text, None if killed and peak < limit else peak < limit))
print()
print("targets:")
for text, ok in checks:
    mark = "n/a " if ok is None else ("MET " if ok else "MISS")
    print(f"  [{mark}] {text}")
print()
print(f"raw results: {out}")
PY_END
fi

# ---------------------------------------------------------------------------- ratios
# The scaling ratios: linear time whatever the files' sizes, checks that cost no more
# than the rest, memory bounded by the corpus. Skipped with --quick.
if [ "$QUICK" -eq 0 ]; then
    python3 scripts/gen-corpus.py --mb 100 --out "$CORPUS_ROOT/100mb" --seed 1
    python3 scripts/gen-corpus.py --mb 200 --out "$CORPUS_ROOT/200mb" --seed 2
    # The same bytes as one file and as 2,000 files (consecutive articles joined).
    python3 - "$CORPUS_ROOT/200mb" "$CORPUS_ROOT/200mb-one" "$CORPUS_ROOT/200mb-2000" <<'PY_SPLIT'
import sys
from pathlib import Path
src, one, many = (Path(a) for a in sys.argv[1:4])
files = sorted(p for p in src.rglob("*.txt"))
stamp = f"{len(files)} {sum(p.stat().st_size for p in files)}"
if (one / ".stamp").exists() and (one / ".stamp").read_text() == stamp:
    sys.exit(0)
for d in (one, many):
    d.mkdir(parents=True, exist_ok=True)
    for old in d.glob("*.txt"):
        old.unlink()
groups = 2000
with open(one / "all.txt", "wb") as whole:
    for g in range(groups):
        part = files[g * len(files) // groups:(g + 1) * len(files) // groups]
        data = b"".join(p.read_bytes() for p in part)
        whole.write(data)
        (many / f"{g:04d}.txt").write_bytes(data)
(one / ".stamp").write_text(stamp)
PY_SPLIT
    RATIOS="$OUT/ratios.tsv"
    printf 'what\tstatus\tseconds\trss_kb\n' >"$RATIOS"
    # ratio_probe NAME CMD...: one run under GNU time and `timeout`.
    ratio_probe() {
        local name="$1" file="$OUT/ratio.$1.time" rc status
        shift
        set +e
        /usr/bin/time -f '%M %e' -o "$file" timeout "$BUDGET" "$@" >/dev/null 2>&1
        rc=$?
        set -e
        case "$rc" in
            124) status=timeout ;;
            0 | 1) status=ok ;;
            *) status="exit$rc" ;;
        esac
        read -r rss secs <<<"$(tail -n 1 "$file")"
        printf '%s\t%s\t%s\t%s\n' "$name" "$status" "$secs" "$rss" >>"$RATIOS"
        echo "bench: ratio probe $name: $status in ${secs}s, peak RSS ${rss} KB" >&2
    }
    C100="$CORPUS_ROOT/100mb"
    for round in 1 2 3; do
        ratio_probe "checks-all.$round" "$HCX" diff --format json "$C100"
        ratio_probe "checks-none.$round" "$HCX" diff --format json --skip-check names \
            --skip-check sums --skip-check dates "$C100"
    done
    for fmt in table json markdown github html sarif; do
        ratio_probe "memory.$fmt" "$HCX" diff --format "$fmt" "$C100"
    done
    for round in 1 2 3; do
        ratio_probe "one-file.$round" "$HCX" diff --format json "$CORPUS_ROOT/200mb-one/all.txt"
        ratio_probe "2000-files.$round" "$HCX" diff --format json "$CORPUS_ROOT/200mb-2000"
        # A run slower than the budget is not run again.
        grep -q timeout "$RATIOS" && break
    done
    C100_BYTES=$(find "$C100" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    python3 - "$RATIOS" "$C100_BYTES" "$BUDGET" <<'PY_RATIOS' | tee -a "$OUT/summary.txt"
import csv
import statistics
import sys

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
corpus, budget = int(sys.argv[2]), float(sys.argv[3])


def median(prefix):
    runs = [r for r in rows if r["what"].startswith(prefix + ".")]
    if any(r["status"] != "ok" for r in runs):
        return budget, False
    return statistics.median(float(r["seconds"]) for r in runs), True


def mark(ok):
    return "MET " if ok else "MISS"


print()
print("scaling ratios (medians of GNU time runs):")
one, one_ok = median("one-file")
many, many_ok = median("2000-files")
ratio = one / many
print(f"  [{mark(one_ok and many_ok and ratio <= 3)}] one 200 MB file {'' if one_ok else '> '}"
      f"{one:.1f} s vs 2,000 files {many:.1f} s: {ratio:.2f}x (target <= 3x)")
full, full_ok = median("checks-all")
bare, bare_ok = median("checks-none")
ratio = full / bare
print(f"  [{mark(full_ok and bare_ok and ratio <= 1.5)}] 100 MB diff with every check "
      f"{full:.1f} s vs none {bare:.1f} s: {ratio:.2f}x (target <= 1.5x)")
for r in rows:
    if r["what"].startswith("memory."):
        peak = int(r["rss_kb"]) * 1024
        ratio = peak / corpus
        print(f"  [{mark(r['status'] == 'ok' and ratio < 4)}] 100 MB diff --format "
              f"{r['what'][7:]}: peak {peak / 1e6:.0f} MB, {ratio:.2f}x the corpus (target < 4x)")
PY_RATIOS
fi
