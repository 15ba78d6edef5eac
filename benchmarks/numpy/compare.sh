#!/usr/bin/env bash
# MarketSim against the vectorised numpy model of the same market (issue 14), in one sitting, on one core.
#
#   benchmarks/numpy/compare.sh PATH/TO/marketsim [ROUNDS] [--warm]
#
# Each round (3 by default) runs, one after the other under `taskset -c 1`:
#   - the numpy model's --time: a warm-up batch, then 1,000 runs timed 5 times (best and median runs/s);
#   - MarketSim's `run benchmarks/scenarios/doncaster-dynamics-free.yaml --runs 1000 --threads 1 --quiet
#     --timings`, a new process each time, its runs/s being 1,000 / the "runs" phase of --timings (stderr).
# and prints both and the ratio MarketSim / numpy (against numpy's best and its median). MarketSim's
# figure is a cold process's: start-up is outside the "runs" phase, but the JIT's warm-up (on the same
# core) is in it. With --warm, each round also runs 5,000 runs and prints MarketSim's warm rate,
# 4,000 / (runs phase of 5,000 - runs phase of 1,000), and its ratio to numpy's best. The machine's speed
# varies from day to day, so only ratios from one sitting mean anything. It builds nothing: MarketSim's
# results folders go to a temporary folder, removed at the end. Needs Debian's python3-numpy
# (/usr/bin/python3) and taskset.
set -euo pipefail

warm=0
args=()
for a in "$@"; do
    if [[ $a == --warm ]]; then warm=1; else args+=("$a"); fi
done
if [[ ${#args[@]} -lt 1 || ${#args[@]} -gt 2 ]]; then
    echo "usage: $0 PATH/TO/marketsim [ROUNDS] [--warm]" >&2
    exit 2
fi
marketsim=${args[0]}
rounds=${args[1]:-3}
if [[ ! -x $marketsim ]]; then
    echo "$0: $marketsim is not an executable (build it first: dotnet build src/Simulator -c Release -o DIR)" >&2
    exit 2
fi
if ! [[ $rounds =~ ^[1-9][0-9]*$ ]]; then
    echo "$0: ROUNDS must be a whole number of at least 1, not '$rounds'" >&2
    exit 2
fi
python=/usr/bin/python3
if ! "$python" -c 'import numpy' 2>/dev/null; then
    echo "$0: $python cannot import numpy (apt-get install python3-numpy)" >&2
    exit 2
fi
command -v taskset >/dev/null || { echo "$0: taskset not found (util-linux)" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
scenario=$(cd "$here/../scenarios" && pwd)/doncaster-dynamics-free.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); MarketSim: $marketsim"
header=(round "numpy best" "numpy med" "MarketSim" "MS/np best" "MS/np med")
format='%-6s %11s %11s %11s %11s %11s'
if ((warm)); then
    header+=("MS warm" "warm/np best")
    format+=' %11s %13s'
fi
format+='\n'
# shellcheck disable=SC2059
printf "$format" "${header[@]}"
ratios=()
warm_ratios=()

# The "runs" phase of a MarketSim run of $1 runs, in seconds.
runs_phase() {
    local n=$1 name=$2
    taskset -c 1 "$marketsim" run "$scenario" --runs "$n" --threads 1 --quiet --timings \
        --out "$tmp/$name" >/dev/null 2>"$tmp/$name.timings"
    local seconds
    seconds=$(awk '$1 == "runs" && NF == 4 {print $3}' "$tmp/$name.timings")
    if [[ -z $seconds ]]; then
        echo "$0: no 'runs' phase in MarketSim's --timings:" >&2
        cat "$tmp/$name.timings" >&2
        exit 1
    fi
    echo "$seconds"
}

for ((round = 1; round <= rounds; round++)); do
    if ! line=$(taskset -c 1 "$python" "$here/dynamics_free.py" --time 2>"$tmp/numpy.err" | grep '^numpy runs/s'); then
        echo "$0: the numpy model's --time failed:" >&2
        cat "$tmp/numpy.err" >&2
        exit 1
    fi
    best=$(awk '{print $4}' <<<"$line")
    median=$(awk '{print $6}' <<<"$line")
    seconds=$(runs_phase 1000 "marketsim-$round")
    read -r ms ratio_best ratio_median < <(awk -v s="$seconds" -v b="$best" -v m="$median" \
        'BEGIN { r = 1000 / s; printf "%.1f %.2f %.2f\n", r, r / b, r / m }')
    row=("$round" "$best" "$median" "$ms" "$ratio_best" "$ratio_median")
    ratios+=("$ratio_best")
    if ((warm)); then
        seconds5=$(runs_phase 5000 "marketsim-warm-$round")
        read -r ms_warm ratio_warm < <(awk -v s="$seconds" -v s5="$seconds5" -v b="$best" \
            'BEGIN { r = 4000 / (s5 - s); printf "%.1f %.2f\n", r, r / b }')
        row+=("$ms_warm" "$ratio_warm")
        warm_ratios+=("$ratio_warm")
    fi
    # shellcheck disable=SC2059
    printf "$format" "${row[@]}"
done
summary() {
    sort -g | awk -v what="$1" '{ r[NR] = $1 } END {
        printf "%s, median of %d rounds: %.2f (range %.2f-%.2f)\n", what, NR, (r[int((NR + 1) / 2)] + r[int(NR / 2) + 1]) / 2, r[1], r[NR] }'
}
printf '%s\n' "${ratios[@]}" | summary "MarketSim (1,000 runs, cold process) / numpy at its best"
if ((warm)); then
    printf '%s\n' "${warm_ratios[@]}" | summary "MarketSim warm (runs 1,001-5,000) / numpy at its best"
fi
