#!/usr/bin/env python3
"""Print the tables of docs/calibration.md from the results of its experiment.

docs/calibration.md compares the bundled scenarios' provider failures, hand-backs, rate gaps and
unmet need with public figures. This script recomputes its two tables ("What the model gives" and
"By model year") and the figures its prose derives from them, from the results folders written by
the loop under "## The experiment" there, and prints them as Markdown:

    python3 scripts/calibration_tables.py results/calibration

RESULTS_DIR holds one folder per scenario (results/calibration/doncaster-ccash, ...), each with the
runs.csv and providers.csv that `marketsim run` writes (columns in docs/outputs.md). Standard
library only.
"""

import csv
import math
import sys
from pathlib import Path

SCENARIOS = [
    "doncaster-ccash",
    "doncaster-lead-exit",
    "leicestershire-htlah",
    "banes-your-care-your-way",
    "dorset-pool-2017",
]

# (label in the by-year table, cause in providers.csv's p_CAUSE_by_year_Y columns)
CAUSES = [
    ("hazard", "hazard_exit"),
    ("reserves exhausted", "reserves_exhausted"),
    ("hand-back", "hand_back"),
]

MINUS = "\u2212"


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def column(runs, name):
    return [float(r[name]) for r in runs if r[name] != ""]


def mean_se(values):
    """Mean and its standard error (sample standard deviation / √n)."""
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, 0.0
    var = sum((v - mean) ** 2 for v in values) / (n - 1)
    return mean, math.sqrt(var / n)


def share_any(values):
    """Share of runs with at least one."""
    return sum(1 for v in values if v > 0) / len(values)


def signed(x, digits=2):
    text = f"{abs(x):.{digits}f}"
    return MINUS + text if round(x, digits) < 0 else text


def percent(p):
    """Whole percent, with one decimal when that alone would hide a run or two (99.9%, 0.3%)."""
    whole = round(p * 100)
    if (whole == 100 and p < 1) or (whole == 0 and p > 0):
        return f"{p * 100:.1f}%"
    return f"{whole}%"


def se_text(se):
    """Two decimals, or one significant figure when that would round to 0.00."""
    if se == 0 or round(se, 2) >= 0.01:
        return f"{se:.2f}"
    return f"{se:.1g}"


def count_cell(values):
    mean, se = mean_se(values)
    if mean == 0:
        return "0 (0%)"
    return f"{mean:.2f} ± {se_text(se)} ({percent(share_any(values))})"


def hours(x):
    """Hours to three significant figures: 1.02m, 455k, 7k."""
    if abs(x) >= 1e6:
        return f"{x / 1e6:.2f}m"
    if abs(x) >= 1e3:
        k = x / 1e3
        return f"{k:.{max(0, 2 - int(math.floor(math.log10(abs(k)))))}f}k"
    return f"{x:.0f}"


def se_hours(x):
    return f"{x / 1e3:.0f}k" if x >= 500 else f"{x:.0f}"


def markdown_row(cells):
    return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"


def by_year(providers, cause, years):
    """Expected exits of the cause in each model year: the year-on-year rises of
    p_CAUSE_by_year_Y summed over providers."""
    by = [sum(float(p[f"p_{cause}_by_year_{y}"] or 0) for p in providers) for y in range(1, years + 1)]
    return [b - a for a, b in zip([0.0] + by[:-1], by)]


def year_cell(x):
    # Exactly none is 0; some, too few to show at two decimals, is 0.00.
    return "0" if abs(x) < 1e-12 else f"{x:.2f}"


class Scenario:
    def __init__(self, folder):
        self.name = folder.name
        self.runs = read_csv(folder / "runs.csv")
        self.providers = read_csv(folder / "providers.csv")
        self.years = sum(1 for c in self.providers[0] if c.startswith("p_exit_by_year_") and not c.endswith("_se"))
        self.hazard = column(self.runs, "exits_hazard")
        self.reserves = column(self.runs, "exits_reserves_exhausted")
        self.hand_backs = column(self.runs, "hand_backs")
        self.forced = column(self.runs, "exits_forced")
        self.unmet = column(self.runs, "unmet_hours_total")
        self.delivered = column(self.runs, "delivered_hours_total")
        self.paid_first_weeks = column(self.runs, "paid_hours_per_week_first_4_weeks")
        self.peak = column(self.runs, "peak_waiting_list_people")
        self.gap = column(self.runs, "rate_gap_gbp_per_hour")
        self.final_gap = column(self.runs, "final_year_rate_gap_gbp_per_hour")
        self.exits = {cause: by_year(self.providers, cause, self.years) for _, cause in CAUSES}

    def main_row(self):
        """Means ± standard error over runs; the peak waiting list is the mean of the runs' peaks."""
        gap = f"{signed(mean_se(self.gap)[0])} ({signed(mean_se(self.final_gap)[0])})" if self.gap else "none"
        unmet, unmet_se = mean_se(self.unmet)
        return (
            f"| {self.name} ({self.years} years) | {len(self.providers)} | {count_cell(self.hazard)} "
            f"| {count_cell(self.reserves)} | {count_cell(self.hand_backs)} | {gap} "
            f"| {hours(unmet)} ± {se_hours(unmet_se)} | {mean_se(self.peak)[0]:.0f} |"
        )

    def year_rows(self, width):
        rows = []
        for i, (label, cause) in enumerate(CAUSES):
            cells = [self.name if i == 0 else "", label]
            cells += [year_cell(x) for x in self.exits[cause]] + [""] * (width - self.years)
            rows.append(markdown_row(cells))
        return rows

    def prose(self):
        """The figures the doc's prose derives from the tables."""
        y = self.years
        hazard, reserves = mean_se(self.hazard)[0], mean_se(self.reserves)[0]
        failures_a_year = (hazard + reserves) / y
        later = [self.exits["hazard_exit"][i] + self.exits["reserves_exhausted"][i] for i in range(1, y)]
        later_rate = sum(later) / len(later)
        unmet = mean_se(self.unmet)[0]
        delivered = mean_se(self.delivered)[0]
        unmet_a_week = unmet / (52 * y)
        lines = [
            f"failures a year {failures_a_year:.2f} (hazard {hazard / y:.2f} + reserves {reserves / y:.2f}); "
            f"reserves {reserves / (hazard + reserves):.0%} of failures"
            if hazard + reserves
            else "no failures",
            f"six-month chance of a failure after year 1 (Poisson at {later_rate:.2f} a year): "
            f"{1 - math.exp(-later_rate / 2):.0%}",
            f"failures a provider-year {failures_a_year / len(self.providers):.1%}",
            f"hand-backs a year {mean_se(self.hand_backs)[0] / y:.2f}",
            f"unmet hours {unmet:,.0f}, {unmet_a_week:,.0f} a week "
            f"({unmet_a_week / mean_se(self.paid_first_weeks)[0]:.1%} of the paid hours a week of weeks 1-4), "
            f"{unmet / (unmet + delivered):.1%} of need (unmet ÷ (delivered + unmet))",
        ]
        if any(self.forced):
            lines.append(
                f"forced exits {mean_se(self.forced)[0]:.2f} a run, in {share_any(self.forced):.0%} of runs"
            )
        return lines


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: python3 scripts/calibration_tables.py RESULTS_DIR")
    root = Path(argv[1])
    missing = [s for s in SCENARIOS if not (root / s / "runs.csv").is_file()]
    if missing:
        sys.exit(f"{root}: no runs.csv for {', '.join(missing)}; run the loop in docs/calibration.md first")
    scenarios = [Scenario(root / s) for s in SCENARIOS]

    print("| scenario | providers | failures: hazard (P(any)) | failures: reserves exhausted (P(any)) "
          "| hand-backs (P(any)) | rate gap £/h, horizon (final year) | unmet hours over the horizon "
          "| peak waiting list |")
    print("|---|---|---|---|---|---|---|---|")
    for s in scenarios:
        print(s.main_row())

    width = max(s.years for s in scenarios)
    print()
    print("| scenario | cause | " + " | ".join(f"year {y}" for y in range(1, width + 1)) + " |")
    print("|---|---|" + "---|" * width)
    for s in scenarios:
        print("\n".join(s.year_rows(width)))

    print()
    for s in scenarios:
        print(f"- {s.name}: " + "; ".join(s.prose()))


if __name__ == "__main__":
    main(sys.argv)
