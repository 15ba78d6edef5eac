#!/usr/bin/python3
"""A vectorised numpy model of the dynamics-free Doncaster market (issue 14's yardstick).

The market is benchmarks/scenarios/doncaster-dynamics-free.yaml: six identical zones, four lead
providers (SLP A serves zones 1-2, SLP B zone 3, SLP C zones 4-5, SLP D zone 6), ten framework
providers serving every zone, a spot market; fixed capacities and flat rates (no workforce, costs,
failure or economy). The model is the one docs/model.md describes, restricted to what this scenario
uses; the figures are hard-coded below as named constants, each from that file (this script needs
numpy only, not a YAML reader).

What one run does, as MarketSim's Market does (src/Grains/Market):

* Before week 0 the starting caseload (250 people a zone) is brokered in a random order across the
  zones (MarketSim gives each a uniform time in the week before the start and sorts them), each with
  gamma package hours rounded to the quarter hour (at least a quarter) and an exponential residual
  length (for the exponential, the length itself). Someone whose remaining length is r leaves at the
  start of week ceil(r) - 1, and stays to the horizon if r >= 260.
* Each week t, in this order: packages ending in the week leave (their provider gets the hours back,
  or they leave the waiting list); the waiting list is re-brokered oldest first, each person to their
  own zone's providers; the week's referrals arrive and are brokered in order of arrival; every
  provider delivers its committed hours; the week closes (unmet hours = the weekly hours of everyone
  waiting at the week's end, the waiting list's peak, the caseload).
* Referrals: Poisson with mean lambda_t = 4.8077 (1.02)^(t/52) (1 + 0.1 cos(2 pi (w - 1)/52)) a zone,
  w = (43 + t) mod 52 the calendar week (1 November 2016 is in calendar week 43). A referral arrives at
  a uniform time u in the week; one whose package (exponential, mean 52 weeks) ends inside the week it
  arrives counts as a referral and is never placed. Otherwise it leaves at the start of week
  ceil(t + u + length) - 1 (at the horizon: never).
* Brokerage of a package of h hours a week: the zone's lead if its spare hours are >= h, else the
  framework provider with the most spare hours (the first in id order of equals) if that is >= h,
  else the spot market if it has room, else the end of the waiting list.

How it is vectorised: the runs of a batch are simulated together. Their state is a few arrays: each
provider's spare hours, as a key (below), in an array of shape (16, runs) (column 15 is a dummy, "joins
the waiting list"); a calendar of what each provider gets back at the start of each week, (261, 16,
runs); and the waiting list, (runs, slots), nearly always empty in this market (a mean peak under
one person). The only Python loops are over the weeks and, inside a week, over the k-th arrival of every
run at once (rows of (steps, runs) arrays, padded with no-arrivals), and, when anyone waits, over
rounds of the waiting list's pass (one placement in every run that can place someone a round).

Exact shortcuts, each giving the same distribution as MarketSim's way:

* A week's referrals: the zones' Poisson counts sum to one Poisson(6 lambda_t) count whose arrivals
  each belong to a zone drawn uniformly (the zones have equal rates: Poisson splitting), and the
  arrival times in order are uniform order statistics, drawn directly as normalised cumulative sums of
  exponentials instead of drawn and sorted.
* Package hours: one uniform each through a Walker alias table of the rounded gamma's quarter hours,
  as MarketSim's PackageHours does (the probabilities from the gamma CDF, computed here, to 1e-17 in the
  tail).
* Spare hours as keys, 64 x spare + a tie-break: one reduction finds the framework provider with most
  spare hours and which one it is (see KEY_SCALE).
* The starting caseload: every package of a lead's zones goes to the lead until the first that does
  not fit it (in the queue's order), whatever happens elsewhere, so that prefix is placed in bulk and
  only the rest (about 40% of the 1,500) is brokered one at a time across runs.

Outcomes per run, with the meaning of MarketSim's columns of the same names (docs/outputs.md):
referrals_total, caseload_mean_people, caseload_final_people, paid_hours_per_week_first_4_weeks,
paid_hours_per_week_mean, delivered_hours_total, spot_hours_total, unmet_hours_total,
peak_waiting_list_people, weeks_with_waiting_list, spend_gbp__doncaster_council, hhi_final,
unmet_hours__zone_N and peak_waiting_list__zone_N, and mean_wait_weeks__zone_N (service_users.csv's
mean_wait_weeks of the zone: mean weeks from referral to first placement, over the referrals placed).

Random numbers: numpy's Generator on PCG64, float64 throughout (hours, keys and sums are whole
multiples of a quarter hour or 1/64, exact in float64). The draws are not MarketSim's (xoshiro256**,
its own samplers), so runs agree in distribution, not one by one: --validate checks it against a
MarketSim results folder, and --check-loop checks the vectorised code against a plain loop over each
run and each person fed the same draws (which must agree exactly).

Usage (Debian's numpy; /usr/bin/python3):
  dynamics_free.py [--runs N] [--seed S] [--batch B] [--out runs.csv]   run and print the means
  dynamics_free.py --validate RESULTS/runs.csv [--runs 4000]             compare with a MarketSim run
  dynamics_free.py --check-loop [--runs 40] [--stress]                   the vectorised code against a loop
  taskset -c 1 dynamics_free.py --time                                    runs/s on one core
--stress switches to a variant where people wait (STRESS_* below), to exercise the waiting list.

Batch size (runs vectorised at once): 1,000 by default, the fastest measured on the project's 2-core
AMD EPYC machine on one core (2026-12-03, 4,000 runs: batch 250 about 450 runs/s, 500 about 590,
1,000 and 2,000 about 620-720 (within the machine's noise), 4,000 about 630-670: a week's arrays of a
larger batch leave the cache). --time runs its 1,000 runs as one batch.
"""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import csv  # noqa: E402
import math  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

# --- The scenario: benchmarks/scenarios/doncaster-dynamics-free.yaml -------------------------------
HORIZON_WEEKS = 260                 # horizon_years: 5, 52-week model years
WEEKS_PER_YEAR = 52
FIRST_CALENDAR_WEEK = 43            # start_date 2016-11-01: (day of year 306 - 1) div 7
ZONES = 6                           # zone_1 .. zone_6, all with the same demand (&demand)
STARTING_CASELOAD = 250             # starting_caseload_people, a zone
WEEKLY_REFERRALS = 4.8077           # weekly_referrals_people, a zone
ANNUAL_GROWTH = 0.02                # annual_growth
WINTER_AMPLITUDE = 0.1              # winter.amplitude
WINTER_PEAK_WEEK = 1                # winter.peak_week_of_year
HOURS_MEAN, HOURS_SD = 9.5, 6.5     # weekly_hours: gamma, mean 9.5, sd 6.5
LENGTH_MEAN = 52.0                  # package_length_weeks: exponential, mean 52
# Providers in MarketSim's order (by id): the leads, then asp_01..asp_10 (ties among framework
# providers go to the first), then the spot market. Column 15 is a dummy: "joins the waiting list".
LEADS = ["slp_a", "slp_b", "slp_c", "slp_d"]
LEAD_CAPACITY = [2850.0, 1425.0, 2850.0, 1425.0]
LEAD_OF_ZONE = [0, 0, 1, 2, 2, 3]   # slp_a: zones 1-2, slp_b: 3, slp_c: 4-5, slp_d: 6
FRAMEWORK_PROVIDERS, FRAMEWORK_CAPACITY = 10, 700.0
SPOT_CAPACITY = 1000.0
STANDARD_RATE, SPOT_RATE = 14.36, 17.23   # rate_gbp_per_hour; flat (no rate_setting)

FIRST_FRAMEWORK = len(LEADS)                         # column 4
SPOT = FIRST_FRAMEWORK + FRAMEWORK_PROVIDERS         # column 14
WAIT = SPOT + 1                                      # column 15, the dummy
COLUMNS = WAIT + 1
PROVIDERS = COLUMNS - 1
CAPACITY = np.array(LEAD_CAPACITY + [FRAMEWORK_CAPACITY] * FRAMEWORK_PROVIDERS + [SPOT_CAPACITY, 0.0])
# --stress: the same market with more referrals and a smaller spot market, so that people wait (a mean
# peak waiting list of about 90 people instead of 0.7), to test the waiting list. MarketSim's side is the
# scenario with weekly_referrals_people 5.1 and spot_market's capacity_weekly_hours 200 (README.md).
STRESS_WEEKLY_REFERRALS, STRESS_SPOT_CAPACITY = 5.1, 200.0
RATE = np.array([STANDARD_RATE] * SPOT + [SPOT_RATE])
GAMMA_SHAPE = (HOURS_MEAN / HOURS_SD) ** 2
GAMMA_SCALE = HOURS_SD ** 2 / HOURS_MEAN
FIRST_MONTH_WEEKS = 4


def referral_rates():
    """Expected referrals a zone in each week (src/Grains/Demand/ReferralSchedule.cs)."""
    t = np.arange(HORIZON_WEEKS)
    calendar_week = (FIRST_CALENDAR_WEEK + t) % WEEKS_PER_YEAR
    phase = 2 * np.pi * (calendar_week - WINTER_PEAK_WEEK) / WEEKS_PER_YEAR
    return WEEKLY_REFERRALS * (1 + ANNUAL_GROWTH) ** (t / WEEKS_PER_YEAR) * (1 + WINTER_AMPLITUDE * np.cos(phase))


RATES = referral_rates()
MARKET_RATES = ZONES * RATES


def use_stressed_variant():
    """Switches the model to the --stress variant (more referrals, a smaller spot market)."""
    global WEEKLY_REFERRALS, SPOT_CAPACITY, CAPACITY, RATES, MARKET_RATES
    WEEKLY_REFERRALS, SPOT_CAPACITY = STRESS_WEEKLY_REFERRALS, STRESS_SPOT_CAPACITY
    CAPACITY = CAPACITY.copy()
    CAPACITY[SPOT] = SPOT_CAPACITY
    RATES = referral_rates()
    MARKET_RATES = ZONES * RATES


OUTCOMES = (
    ["referrals_total", "caseload_mean_people", "caseload_final_people", "paid_hours_per_week_first_4_weeks",
     "paid_hours_per_week_mean", "delivered_hours_total", "spot_hours_total", "unmet_hours_total",
     "peak_waiting_list_people", "weeks_with_waiting_list", "spend_gbp__doncaster_council", "hhi_final"]
    + [f"unmet_hours__zone_{z + 1}" for z in range(ZONES)]
    + [f"peak_waiting_list__zone_{z + 1}" for z in range(ZONES)]
    + [f"mean_wait_weeks__zone_{z + 1}" for z in range(ZONES)]
)


# --- Package hours: the rounded gamma as an alias table ----------------------------------------------
def gamma_cdf_pair(a, x):
    """(P, Q): the regularised lower and upper incomplete gamma functions at shape a, point x (series for
    x < a + 1, Lentz's continued fraction above; Numerical Recipes 6.2), to about 1e-16."""
    if x <= 0:
        return 0.0, 1.0
    front = math.exp(-x + a * math.log(x) - math.lgamma(a))
    if x < a + 1:
        term = total = 1.0 / a
        ap = a
        while abs(term) > abs(total) * 1e-17:
            ap += 1
            term *= x / ap
            total += term
        p = total * front
        return p, 1.0 - p
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    i = 0
    while True:
        i += 1
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = d if abs(d) > tiny else tiny
        c = b + an / c
        c = c if abs(c) > tiny else tiny
        d = 1 / d
        h *= d * c
        if abs(d * c - 1) < 1e-17 or i > 10000:
            break
    q = front * h
    return 1.0 - q, q


def package_hours_table():
    """P(k quarter hours) = F((k + 1/2)/4) - F((k - 1/2)/4), everything below 3/8 hours a quarter hour
    (src/Grains/Demand/PackageHours.cs), until less than 1e-17 is left (folded into the last entry), as a
    Walker alias table (Vose's construction): (probability of keeping the column, the alias) by column,
    column i being i + 1 quarter hours."""
    probs = []
    below_q = 1.0
    k = 1
    while below_q > 1e-17:
        _, q = gamma_cdf_pair(GAMMA_SHAPE, (k + 0.5) / 4 / GAMMA_SCALE)
        probs.append(below_q - q)
        below_q = q
        k += 1
    probs[-1] += below_q
    n = len(probs)
    scaled = [p * n / math.fsum(probs) for p in probs]
    keep = [1.0] * n
    alias = list(range(n))
    small = [i for i, p in enumerate(scaled) if p < 1]
    large = [i for i, p in enumerate(scaled) if p >= 1]
    while small and large:
        s, l = small.pop(), large.pop()
        keep[s], alias[s] = scaled[s], l
        scaled[l] = scaled[l] + scaled[s] - 1
        (small if scaled[l] < 1 else large).append(l)
    return np.array(keep), np.array(alias), np.array(probs)


HOURS_KEEP, HOURS_ALIAS, HOURS_PROBS = package_hours_table()
HOURS_COLUMNS = len(HOURS_KEEP)

# Spare hours are kept as keys, 64 x spare hours + a tie-break (0-9, for framework providers only): hours
# are whole quarter hours, so 64 x spare is a multiple of 16 and "h <= spare" is exactly "64 h <= key",
# while the largest key among framework providers is that of the most spare hours, ties to the first by id
# (the largest tie-break), and its tie-break says which provider it is. One reduction finds MarketSim's
# "framework provider with most spare hours" and its index at once. Every value is a whole number below
# 2^53, so float64 holds it exactly.
KEY_SCALE = 64.0
TIE_BREAK = np.zeros(COLUMNS)
TIE_BREAK[FIRST_FRAMEWORK:SPOT] = np.arange(FRAMEWORK_PROVIDERS)[::-1]   # column c: SPOT - 1 - c
QUARTER_KEY = KEY_SCALE / 4                                             # a quarter hour in key units
HOURS_KEEP_KEY = (np.arange(HOURS_COLUMNS) + 1) * QUARTER_KEY
HOURS_ALIAS_KEY = (HOURS_ALIAS + 1) * QUARTER_KEY

# The starting caseload, by lead: a group of 500 (SLP A's two zones), 250, 500 and 250 people.
START_PEOPLE = ZONES * STARTING_CASELOAD
START_ZONES = np.repeat(np.arange(ZONES), STARTING_CASELOAD)
START_GROUP_OF_ZONE = np.array(LEAD_OF_ZONE)
START_SIZE = np.bincount(START_GROUP_OF_ZONE, minlength=len(LEADS)) * STARTING_CASELOAD
START_OFFSET = np.cumsum(START_SIZE) - START_SIZE
START_GROUP = np.repeat(np.arange(len(LEADS)), START_SIZE)             # group of each column, in group order
START_PLACE_IN_GROUP = np.arange(START_PEOPLE) - START_OFFSET[START_GROUP]
START_COUNTER_SHIFT = 16 * START_GROUP_OF_ZONE                       # a 16-bit counter per group
START_COUNTER = np.left_shift(1, START_COUNTER_SHIFT).astype(np.int64)
START_CHUNK = 64


class Batch:
    """The state of `runs` runs simulated together; arrays of (providers, runs) and (steps, runs), so
    that the k-th arrival of every run is one contiguous row."""

    def __init__(self, runs, rng, record=False):
        self.runs = runs
        self.rng = rng
        self.record = [] if record else None     # each week's arrivals, for check_loop
        self.start_record = []                     # the starting caseload's draws, when recording
        self.key = np.repeat((CAPACITY * KEY_SCALE + TIE_BREAK)[:, None], runs, axis=1)
        self.key_flat = self.key.reshape(-1)
        self.framework = self.key[FIRST_FRAMEWORK:SPOT]
        self.spot = self.key[SPOT]
        self.row = np.arange(runs)
        self.lead_at_zone = np.array(LEAD_OF_ZONE) * runs          # + run: flat index of the zone's lead
        self.spot_at = SPOT * runs + self.row
        self.wait_at = WAIT * runs + self.row
        self.last_framework_at = (SPOT - 1) * runs + self.row      # minus tie-break x runs: the provider
        self.stride = COLUMNS * runs
        self.row_zone = self.row * 2 * ZONES
        # Key units each provider gets back at the start of each week (row HORIZON_WEEKS: never).
        self.calendar = np.zeros((HORIZON_WEEKS + 1, COLUMNS, runs))
        self.calendar_flat = self.calendar.reshape(-1)
        self.key_sum = np.zeros((COLUMNS, runs))                 # sum over weeks of the week-end keys
        self.key_sum_first_month = None
        self.referrals = np.zeros(runs, dtype=np.int64)
        self.caseload_weeks = np.zeros(runs)
        self.caseload_final = np.zeros(runs, dtype=np.int64)
        # The waiting list, in the order people joined: hours (+inf: a gap), zone, departure week,
        # week referred (-1: the starting caseload); tail = the next free slot.
        self.w_slots = 8
        self.w_hours = np.full((runs, self.w_slots), np.inf)
        self.w_zone = np.zeros((runs, self.w_slots), dtype=np.int64)
        self.w_dep = np.zeros((runs, self.w_slots), dtype=np.int64)
        self.w_ref = np.zeros((runs, self.w_slots), dtype=np.int64)
        self.w_tail = np.zeros(runs, dtype=np.int64)
        self.waiting = np.zeros((runs, ZONES), dtype=np.int64)
        self.waiting_hours = np.zeros((runs, ZONES))
        self.anyone_waiting = False
        self.unmet = np.zeros((runs, ZONES))
        self.peak = np.zeros(runs, dtype=np.int64)
        self.peak_zone = np.zeros((runs, ZONES), dtype=np.int64)
        self.weeks_waiting = np.zeros(runs, dtype=np.int64)
        # Referrals placed (first placement) and their weeks of waiting, by zone.
        self.placed = np.zeros((runs, ZONES), dtype=np.int64)
        self.wait_weeks = np.zeros((runs, ZONES))

    # --- draws ------------------------------------------------------------------------------------
    def package_keys(self, shape):
        """Package hours in key units (64 x hours), one uniform each through the alias table."""
        x = self.rng.random(shape)
        x *= HOURS_COLUMNS
        column = x.astype(np.int64)
        x -= column
        return np.where(x < HOURS_KEEP[column], HOURS_KEEP_KEY[column], HOURS_ALIAS_KEY[column])

    # --- brokerage --------------------------------------------------------------------------------
    def broker(self, h, lead_at, dep_at):
        """Brokers one package in every run: h its hours in key units (runs,), lead_at the flat index of
        its zone's lead in `key`, dep_at the flat offset of its departure week in `calendar`. Returns the
        flat index of the provider chosen (wait_at when none has room). h = 0 (no arrival at this place in
        that run) goes to the lead and changes nothing."""
        key_flat = self.key_flat
        most = self.framework.max(axis=0)
        framework_at = most.astype(np.int64)
        framework_at &= 15
        framework_at *= self.runs
        np.subtract(self.last_framework_at, framework_at, out=framework_at)
        chosen = np.where(h <= key_flat[lead_at], lead_at,
                          np.where(h <= most, framework_at,
                                   np.where(h <= self.spot, self.spot_at, self.wait_at)))
        key_flat[chosen] -= h
        dep_at += chosen
        self.calendar_flat[dep_at] += h
        return chosen

    def join_waiting_list(self, runs, hours, zone, dep, referred):
        """Puts people at the end of the waiting list: runs sorted, each run's people in the order they join."""
        if runs.size == 0:
            return
        start = np.flatnonzero(np.r_[True, runs[1:] != runs[:-1]])
        rank = np.arange(runs.size) - np.repeat(start, np.diff(np.r_[start, runs.size]))
        if (self.w_tail[runs] + rank).max() >= self.w_slots:
            self.make_room()
            while (self.w_tail[runs] + rank).max() >= self.w_slots:
                self.grow_waiting_list()
        slot = self.w_tail[runs] + rank
        self.w_hours[runs, slot] = hours
        self.w_zone[runs, slot] = zone
        self.w_dep[runs, slot] = dep
        self.w_ref[runs, slot] = referred
        last = np.r_[runs[1:] != runs[:-1], True]
        self.w_tail[runs[last]] = slot[last] + 1
        np.add.at(self.waiting, (runs, zone), 1)
        np.add.at(self.waiting_hours, (runs, zone), hours)
        self.anyone_waiting = True

    def make_room(self):
        """Squeezes the gaps out of the waiting list, keeping its order."""
        order = np.argsort(~np.isfinite(self.w_hours), axis=1, kind="stable")
        for name in ("w_hours", "w_zone", "w_dep", "w_ref"):
            setattr(self, name, np.take_along_axis(getattr(self, name), order, axis=1))
        self.w_tail = np.isfinite(self.w_hours).sum(axis=1)

    def grow_waiting_list(self):
        """Doubles the waiting list's slots."""
        grow = self.w_slots
        self.w_hours = np.concatenate([self.w_hours, np.full((self.runs, grow), np.inf)], axis=1)
        for name in ("w_zone", "w_dep", "w_ref"):
            setattr(self, name, np.concatenate([getattr(self, name), np.zeros((self.runs, grow), dtype=np.int64)], axis=1))
        self.w_slots += grow

    def queue_waiting(self, chosen, keys, zones, deps, referred):
        """After a run of brokering (chosen: (steps, runs)), puts those who found no provider on the
        waiting list in the order they were brokered (referred: their week, -1 for the starting caseload).
        Returns where they were (steps, runs), or None when nobody waits."""
        waits = chosen == self.wait_at
        if not waits.any():
            return None
        r, k = np.nonzero(waits.T)                         # by run, then in the order brokered
        self.join_waiting_list(r, keys[k, r] / KEY_SCALE, zones[k, r], deps[k, r].astype(np.int64), referred)
        return waits

    def leave_waiting_list(self, week):
        """People whose package ends this week leave the waiting list."""
        runs = np.flatnonzero(self.waiting.sum(axis=1) > 0)
        if runs.size == 0:
            self.anyone_waiting = False
            return
        t = self.w_tail[runs].max()
        leaving = (self.w_dep[runs, :t] == week) & np.isfinite(self.w_hours[runs, :t])
        if leaving.any():
            r, p = np.nonzero(leaving)
            rr = runs[r]
            np.subtract.at(self.waiting, (rr, self.w_zone[rr, p]), 1)
            np.subtract.at(self.waiting_hours, (rr, self.w_zone[rr, p]), self.w_hours[rr, p])
            self.w_hours[rr, p] = np.inf
            self.tidy_waiting_list()

    def tidy_waiting_list(self):
        """An empty list starts again at slot 0; hours of an empty zone are set to exactly 0."""
        total = self.waiting.sum(axis=1)
        empty = total == 0
        self.w_tail[empty] = 0
        self.waiting_hours[self.waiting == 0] = 0.0
        self.anyone_waiting = bool((~empty).any())

    def rebroker(self, week):
        """The waiting list, oldest first, each person offered to their zone's providers (docs/model.md,
        step 5), over the runs where anyone waits. As MarketSim's pass: each run places the first person
        from its place in the list whose hours fit the most spare hours of their zone's providers, and goes
        on from the next; placing only takes spare hours away, so nobody passed over fits later in the
        pass. Each round places one person in every run that has one who fits."""
        runs = np.flatnonzero(self.waiting.sum(axis=1) > 0)
        if runs.size == 0:
            return
        key_flat = self.key_flat
        slots = int(self.w_tail[runs].max())
        hours = self.w_hours[runs, :slots]
        h = np.where(np.isfinite(hours), hours * KEY_SCALE, np.inf)
        lead_at = self.lead_at_zone[self.w_zone[runs, :slots]] + runs[:, None]
        position = np.arange(slots)
        start = np.zeros(runs.size, dtype=np.int64)
        placed_any = False
        while True:
            most = np.maximum(self.framework[:, runs].max(axis=0), self.spot[runs])
            fits = h <= np.maximum(key_flat[lead_at], most[:, None])
            fits &= position >= start[:, None]
            some = fits.any(axis=1)
            if not some.all():
                # A run with nobody who fits now has nobody later in the pass: it drops out.
                if not some.any():
                    break
                runs, h, lead_at, start, fits = runs[some], h[some], lead_at[some], start[some], fits[some]
            placed_any = True
            p = fits.argmax(axis=1)
            start = p + 1
            i = np.arange(runs.size)
            r, hp, lead = runs, h[i, p], lead_at[i, p]
            most = self.framework[:, r].max(axis=0)
            framework_at = self.last_framework_at[r] - (most.astype(np.int64) & 15) * self.runs
            c = np.where(hp <= key_flat[lead], lead, np.where(hp <= most, framework_at, self.spot_at[r]))
            zz = self.w_zone[r, p]
            key_flat[c] -= hp
            self.calendar_flat[self.w_dep[r, p] * self.stride + c] += hp
            self.waiting[r, zz] -= 1
            self.waiting_hours[r, zz] -= self.w_hours[r, p]
            self.w_hours[r, p] = np.inf
            h[i, p] = np.inf
            ref = self.w_ref[r, p]
            referred = ref >= 0
            self.placed[r[referred], zz[referred]] += 1
            self.wait_weeks[r[referred], zz[referred]] += week - ref[referred]
        if placed_any:
            self.tidy_waiting_list()

    # --- the run ----------------------------------------------------------------------------------
    def place_starting_caseload(self):
        """The starting caseload, brokered in one queue across zones before week 0. Every package of a lead's
        zones goes to the lead until the first that does not fit it, whatever happens elsewhere, so that
        prefix is placed in bulk; the rest (about 40%) is brokered one at a time across runs. Each person's
        hours and length are drawn in the order of their lead's group (iid, so the same distribution), the
        queue is a random order of the zones' labels, and a person's place in their group is counted with
        one cumulative sum of four 16-bit counters. The arrays are prepared START_CHUNK runs at a time,
        to stay in the cache."""
        runs, rng = self.runs, self.rng
        groups = len(LEADS)
        parts = []
        for c0 in range(0, runs, START_CHUNK):
            c1 = min(runs, c0 + START_CHUNK)
            nc = c1 - c0
            local = np.arange(nc)
            h = self.package_keys((nc, START_PEOPLE))               # by group, in group order
            remaining = rng.standard_exponential((nc, START_PEOPLE))
            remaining *= LENGTH_MEAN
            # Leaves at the start of week ceil(r) - 1; r >= 260 stays (ceil(r) - 1 = 259 only for r = 260 exactly).
            np.ceil(remaining, out=remaining)
            remaining -= 1
            dep = np.minimum(remaining, HORIZON_WEEKS, out=remaining).astype(np.int64)
            self.caseload_weeks[c0:c1] += dep.sum(axis=1)
            self.caseload_final[c0:c1] += (dep == HORIZON_WEEKS).sum(axis=1)
            # The prefix of each group that fits its lead: the packages whose running total is within capacity.
            fits = np.empty((nc, groups), dtype=np.int64)
            for l in range(groups):
                cols = slice(START_OFFSET[l], START_OFFSET[l] + START_SIZE[l])
                fits[:, l] = (np.cumsum(h[:, cols], axis=1) <= LEAD_CAPACITY[l] * KEY_SCALE).sum(axis=1)
            r, j = np.nonzero(START_PLACE_IN_GROUP < fits[:, START_GROUP])
            returned = np.bincount((dep[r, j] * groups + START_GROUP[j]) * nc + r, weights=h[r, j],
                                   minlength=(HORIZON_WEEKS + 1) * groups * nc).reshape(HORIZON_WEEKS + 1, groups, nc)
            self.calendar[:, :groups, c0:c1] += returned
            self.key[:groups, c0:c1] -= returned.sum(axis=0)
            # The queue (MarketSim: each person a uniform time in the week before the start, sorted): a random
            # order of the zones' labels; the k-th of a group in the queue is its k-th in group order.
            zones = rng.permuted(np.tile(START_ZONES, (nc, 1)), axis=1)
            place = np.cumsum(START_COUNTER[zones], axis=1)
            place >>= START_COUNTER_SHIFT[zones]
            place &= 0xFFFF                                         # 1, 2, ... within its group
            group = START_GROUP_OF_ZONE[zones]
            r, i = np.nonzero(place > fits.reshape(-1)[local[:, None] * groups + group])
            j = START_OFFSET[group[r, i]] + place[r, i] - 1
            parts.append((r + c0, h[r, j], zones[r, i], dep[r, j]))
            if self.record is not None:
                self.start_record.append((zones, h, dep))
        r, h, zones, dep = (np.concatenate(x) for x in zip(*parts))
        count = np.bincount(r, minlength=runs)
        steps = int(count.max())
        k = np.arange(r.size) - np.repeat(np.cumsum(count) - count, count)
        q_h = np.zeros((steps, runs))
        q_h[k, r] = h
        q_zone = np.zeros((steps, runs), dtype=np.int64)
        q_zone[k, r] = zones
        q_dep = np.zeros((steps, runs), dtype=np.int64)
        q_dep[k, r] = dep
        lead_at = self.lead_at_zone[q_zone]
        lead_at += self.row
        dep_at = q_dep * self.stride
        chosen = np.empty((steps, runs), dtype=np.int64)
        for k in range(steps):
            chosen[k] = self.broker(q_h[k], lead_at[k], dep_at[k])
        self.queue_waiting(chosen, q_h, q_zone, q_dep, -1)

    def refer(self, week):
        runs, rng = self.runs, self.rng
        count = rng.poisson(MARKET_RATES[week], runs)
        self.referrals += count
        steps = int(count.max())
        if steps == 0:
            if self.record is not None:
                self.record.append((count, np.zeros((0, runs), dtype=np.int64), np.zeros((0, runs)), np.zeros((0, runs)), np.zeros((0, runs))))
            return
        zones = rng.integers(0, ZONES, (steps, runs))
        h = self.package_keys((steps, runs))
        # Arrival times in order: uniform order statistics, S_k / S_(n+1) for cumulative sums S of
        # exponentials (summed row by row: numpy's cumsum down the first axis is slower).
        s = rng.standard_exponential((steps + 1, runs))
        for k in range(1, steps + 1):
            np.add(s[k - 1], s[k], out=s[k])
        end = s[:steps]
        end /= s[count, self.row]
        length = rng.standard_exponential((steps, runs))
        length *= LENGTH_MEAN
        if self.record is not None:
            self.record.append((count, zones.copy(), h / KEY_SCALE, end.copy(), length.copy()))
        end += length                                       # the package's end, in weeks after the week's start
        stays = end > 1                                     # ends after this week: placed or waits
        stays &= np.arange(steps)[:, None] < count
        h *= stays
        # Leaves at the start of week ceil(week + end) - 1, the horizon at most (ceil gives 259 only for an
        # end at 260 exactly).
        np.ceil(end, out=end)
        end += week - 1
        dep = np.minimum(end, HORIZON_WEEKS, out=end)
        self.caseload_weeks += (dep * stays).sum(axis=0) - week * stays.sum(axis=0)
        self.caseload_final += ((dep == HORIZON_WEEKS) & stays).sum(axis=0)
        dep_at = (dep * self.stride).astype(np.int64)
        # Referrals placed: all that stay but those who wait (counted when the list places them).
        code = self.row_zone + zones
        code += stays * ZONES
        self.placed += np.bincount(code.reshape(-1), minlength=runs * 2 * ZONES).reshape(runs, 2, ZONES)[:, 1]
        lead_at = self.lead_at_zone[zones]
        lead_at += self.row
        chosen = np.empty((steps, runs), dtype=np.int64)
        for k in range(steps):
            chosen[k] = self.broker(h[k], lead_at[k], dep_at[k])
        waits = self.queue_waiting(chosen, h, zones, dep, week)
        if waits is not None:
            r_k, r_r = np.nonzero(waits)
            np.subtract.at(self.placed, (r_r, zones[r_k, r_r]), 1)

    def run(self):
        self.place_starting_caseload()
        self.run_weeks()
        return self.outcomes()

    def run_weeks(self):
        for week in range(HORIZON_WEEKS):
            self.key += self.calendar[week]
            if self.anyone_waiting:
                self.leave_waiting_list(week)
                self.rebroker(week)
            self.refer(week)
            self.key_sum += self.key
            if week == FIRST_MONTH_WEEKS - 1:
                self.key_sum_first_month = self.key_sum.copy()
            if self.anyone_waiting:
                self.unmet += self.waiting_hours
                total = self.waiting.sum(axis=1)
                np.maximum(self.peak, total, out=self.peak)
                np.maximum(self.peak_zone, self.waiting, out=self.peak_zone)
                self.weeks_waiting += total > 0

    def outcomes(self):
        cap = CAPACITY[:PROVIDERS, None]
        tie = TIE_BREAK[:PROVIDERS, None]
        spare_sum = (self.key_sum[:PROVIDERS] - HORIZON_WEEKS * tie) / KEY_SCALE
        spare_first = (self.key_sum_first_month[:PROVIDERS] - FIRST_MONTH_WEEKS * tie) / KEY_SCALE
        hours = HORIZON_WEEKS * cap - spare_sum                    # delivered, by provider
        first = FIRST_MONTH_WEEKS * cap - spare_first
        committed = cap - (self.key[:PROVIDERS] - tie) / KEY_SCALE
        total = committed.sum(axis=0)
        share = np.divide(100 * committed, total, out=np.zeros_like(committed), where=total > 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean_wait = np.where(self.placed > 0, self.wait_weeks / self.placed, np.nan)
        out = {
            "referrals_total": self.referrals.astype(float),
            "caseload_mean_people": self.caseload_weeks / HORIZON_WEEKS,
            "caseload_final_people": self.caseload_final.astype(float),
            "paid_hours_per_week_first_4_weeks": first.sum(axis=0) / FIRST_MONTH_WEEKS,
            "paid_hours_per_week_mean": hours.sum(axis=0) / HORIZON_WEEKS,
            "delivered_hours_total": hours.sum(axis=0),
            "spot_hours_total": hours[SPOT],
            "unmet_hours_total": self.unmet.sum(axis=1),
            "peak_waiting_list_people": self.peak.astype(float),
            "weeks_with_waiting_list": self.weeks_waiting.astype(float),
            "spend_gbp__doncaster_council": RATE @ hours,
            "hhi_final": (share * share).sum(axis=0),
        }
        for z in range(ZONES):
            out[f"unmet_hours__zone_{z + 1}"] = self.unmet[:, z]
            out[f"peak_waiting_list__zone_{z + 1}"] = self.peak_zone[:, z].astype(float)
            out[f"mean_wait_weeks__zone_{z + 1}"] = mean_wait[:, z]
        return out


def simulate(runs, seed=1, batch=None, rng=None):
    """Outcomes of `runs` runs, `batch` at a time, as a dict of arrays (runs,)."""
    batch = batch or DEFAULT_BATCH
    rng = rng or np.random.Generator(np.random.PCG64(seed))
    parts = []
    done = 0
    while done < runs:
        n = min(batch, runs - done)
        parts.append(Batch(n, rng).run())
        done += n
    return {k: np.concatenate([p[k] for p in parts]) for k in OUTCOMES}


DEFAULT_BATCH = 1000


def check_loop(runs, seed):
    """Runs the vectorised model on `runs` runs and, fed the same draws, a plain loop over each run and each
    person (after the starting caseload, whose bulk placement is checked against a person-by-person
    brokering of the same queue); every outcome and every provider's final spare hours must agree (to
    rounding, for sums in another order). Returns the number of mismatches."""
    rng = np.random.Generator(np.random.PCG64(seed))
    b = Batch(runs, rng, record=True)
    b.place_starting_caseload()
    mismatches = check_start(b)
    spare0 = ((b.key - TIE_BREAK[:, None]) / KEY_SCALE)[:PROVIDERS].T.copy()
    calendar0 = (b.calendar[:, :PROVIDERS, :] / KEY_SCALE).transpose(2, 0, 1).copy()
    waiting0 = [[(b.w_hours[r, p], b.w_zone[r, p], b.w_dep[r, p], b.w_ref[r, p])
                 for p in range(b.w_tail[r]) if np.isfinite(b.w_hours[r, p])] for r in range(runs)]
    start_dep = np.concatenate([d for _, _, d in b.start_record])
    b.run_weeks()
    fast = b.outcomes()
    cap = CAPACITY[:PROVIDERS]

    def choose(spare, zone, h):
        lead = LEAD_OF_ZONE[zone]
        if h <= spare[lead]:
            return lead
        best = max(range(FIRST_FRAMEWORK, SPOT), key=lambda p: (spare[p], -p))   # ties: the first
        if h <= spare[best]:
            return best
        return SPOT if h <= spare[SPOT] else -1

    for r in range(runs):
        spare, calendar, waiting = list(spare0[r]), calendar0[r].copy(), list(waiting0[r])
        leaving = np.bincount(start_dep[r], minlength=HORIZON_WEEKS + 1)      # people leaving by week
        people = START_PEOPLE
        delivered, delivered_first = np.zeros(PROVIDERS), np.zeros(PROVIDERS)
        unmet, peak_zone, placed, wait_weeks = np.zeros(ZONES), np.zeros(ZONES), np.zeros(ZONES), np.zeros(ZONES)
        peak = weeks_waiting = referrals = 0
        caseload_weeks = 0.0
        for week in range(HORIZON_WEEKS):
            for p in range(PROVIDERS):
                spare[p] += calendar[week, p]
            people -= leaving[week]
            still = []
            for person in (x for x in waiting if x[2] != week):        # leave, then the list oldest first
                hours, zone, dep, referred = person
                p = choose(spare, zone, hours)
                if p < 0:
                    still.append(person)
                    continue
                spare[p] -= hours
                calendar[dep, p] += hours
                if referred >= 0:
                    placed[zone] += 1
                    wait_weeks[zone] += week - referred
            waiting = still
            count, zones, hours, at, length = b.record[week]
            referrals += count[r]
            assert np.all(np.diff(at[:count[r], r]) >= 0), "arrivals out of time order"
            for k in range(count[r]):
                end = week + at[k, r] + length[k, r]
                if end <= week + 1:                                    # ends within the week: never placed
                    continue
                dep = HORIZON_WEEKS if end >= HORIZON_WEEKS else math.ceil(end) - 1
                people += 1
                leaving[dep] += 1
                zone, h = zones[k, r], hours[k, r]
                p = choose(spare, zone, h)
                if p < 0:
                    waiting.append((h, zone, dep, week))
                    continue
                spare[p] -= h
                calendar[dep, p] += h
                placed[zone] += 1
            delivered += cap - np.array(spare)
            if week == FIRST_MONTH_WEEKS - 1:
                delivered_first = delivered.copy()
            by_zone = np.bincount([x[1] for x in waiting], minlength=ZONES)
            for x in waiting:
                unmet[x[1]] += x[0]
            peak, peak_zone = max(peak, len(waiting)), np.maximum(peak_zone, by_zone)
            weeks_waiting += len(waiting) > 0
            caseload_weeks += people
        committed = cap - np.array(spare)
        loop = {"referrals_total": referrals, "caseload_mean_people": caseload_weeks / HORIZON_WEEKS,
                "caseload_final_people": people,
                "paid_hours_per_week_first_4_weeks": delivered_first.sum() / FIRST_MONTH_WEEKS,
                "paid_hours_per_week_mean": delivered.sum() / HORIZON_WEEKS,
                "delivered_hours_total": delivered.sum(), "spot_hours_total": delivered[SPOT],
                "unmet_hours_total": unmet.sum(), "peak_waiting_list_people": peak,
                "weeks_with_waiting_list": weeks_waiting, "spend_gbp__doncaster_council": RATE @ delivered,
                "hhi_final": ((100 * committed / committed.sum()) ** 2).sum()}
        for z in range(ZONES):
            loop[f"unmet_hours__zone_{z + 1}"] = unmet[z]
            loop[f"peak_waiting_list__zone_{z + 1}"] = peak_zone[z]
            loop[f"mean_wait_weeks__zone_{z + 1}"] = wait_weeks[z] / placed[z]
        final_spare = (b.key[:PROVIDERS, r] - TIE_BREAK[:PROVIDERS]) / KEY_SCALE
        if not np.array_equal(np.array(spare), final_spare):
            mismatches += 1
            print(f"run {r}: providers' final spare hours differ: loop {spare} vectorised {list(final_spare)}")
        for name in OUTCOMES:
            if not np.isclose(loop[name], fast[name][r], rtol=1e-12, atol=1e-9):
                mismatches += 1
                print(f"run {r}: {name} loop {loop[name]} vectorised {fast[name][r]}")
    return mismatches


def check_start(b):
    """The starting caseload's bulk placement against brokering the same queue one person at a time (the
    draws recorded by place_starting_caseload): the providers' spare hours, the calendar and the waiting
    list must be the same. Returns 1 if they are not."""
    zones, h, dep = (np.concatenate(x) for x in zip(*b.start_record))
    runs, n = zones.shape
    # The k-th person of a lead's group in the queue is its k-th in group order, counted plainly here.
    group = START_GROUP_OF_ZONE[zones]
    seen = np.zeros((runs, len(LEADS)), dtype=np.int64)
    column = np.empty_like(zones)
    for i in range(n):
        column[:, i] = START_OFFSET[group[:, i]] + seen[np.arange(runs), group[:, i]]
        seen[np.arange(runs), group[:, i]] += 1
    h, dep = np.take_along_axis(h, column, 1), np.take_along_axis(dep, column, 1)
    one = Batch(runs, np.random.Generator(np.random.PCG64(1)))
    chosen = np.empty((n, runs), dtype=np.int64)
    for i in range(n):
        chosen[i] = one.broker(h[:, i].copy(), one.lead_at_zone[zones[:, i]] + one.row, dep[:, i] * one.stride)
    one.queue_waiting(chosen, h.T, zones.T, dep.T, -1)
    same = (np.array_equal(one.key[:PROVIDERS], b.key[:PROVIDERS])
            and np.array_equal(one.calendar[:, :PROVIDERS], b.calendar[:, :PROVIDERS])
            and np.array_equal(one.waiting, b.waiting))
    if not same:
        print("starting caseload: the bulk placement differs from brokering one person at a time")
    return 0 if same else 1


def mean_se(x):
    x = np.asarray(x, dtype=float)
    x = x[~np.isnan(x)]
    return x.mean(), (x.std(ddof=1) / math.sqrt(x.size) if x.size > 1 else float("nan")), x.size


def read_marketsim(runs_csv):
    """MarketSim's per-run columns from runs.csv, and each zone's mean_wait_weeks (mean and SE over the
    runs) from service_users.csv beside it, when it is there."""
    with open(runs_csv, newline="") as f:
        rows = list(csv.DictReader(f))
    columns = {}
    for name in OUTCOMES:
        if rows and name in rows[0]:
            columns[name] = np.array([float(r[name]) if r[name] != "" else np.nan for r in rows])
    waits = {}
    users_csv = os.path.join(os.path.dirname(os.path.abspath(runs_csv)), "service_users.csv")
    if os.path.exists(users_csv):
        with open(users_csv, newline="") as f:
            for r in csv.DictReader(f):
                if r["funding_stream"] == "council" and r.get("mean_wait_weeks_mean", "") != "":
                    name = f"mean_wait_weeks__{r['zone']}"
                    waits[name] = (float(r["mean_wait_weeks_mean"]), float(r["mean_wait_weeks_se"]),
                                   int(r.get("mean_wait_weeks_runs") or r["runs"]))
    return columns, waits, len(rows)


def validate(runs_csv, runs, seed, batch):
    columns, waits, ms_runs = read_marketsim(runs_csv)
    ours = simulate(runs, seed, batch)
    print(f"MarketSim: {runs_csv} ({ms_runs} runs); numpy: {runs} runs, seed {seed}")
    print(f"{'outcome':36} {'MarketSim mean ± SE':>26} {'numpy mean ± SE':>26} {'diff/SE':>8}")
    worst = 0.0
    failed = []
    compared = 0
    for name in OUTCOMES:
        if name in columns:
            m1, s1, _ = mean_se(columns[name])
        elif name in waits:
            m1, s1, _ = waits[name]
        else:
            continue
        m2, s2, _ = mean_se(ours[name])
        se = math.hypot(s1, s2)
        z = (m2 - m1) / se if se > 0 else (0.0 if m1 == m2 else math.inf)
        compared += 1
        worst = max(worst, abs(z))
        flag = "" if abs(z) <= 4 else "  <-- beyond 4 SE"
        if flag:
            failed.append(name)
        print(f"{name:36} {m1:>14.6g} ± {s1:<9.3g} {m2:>14.6g} ± {s2:<9.3g} {z:>8.2f}{flag}")
    print(f"{compared} outcomes compared; largest difference {worst:.2f} combined SE")
    if compared < 3 or failed:
        print("FAIL: " + (", ".join(failed) if failed else "fewer than three outcomes to compare"))
        return 1
    print("OK: every mean within 4 combined SE")
    return 0


def timing(batch, repeats, seed):
    rng = np.random.Generator(np.random.PCG64(seed))
    simulate(100, batch=min(batch, 100), rng=rng)            # warm-up: one small batch
    rates = []
    for i in range(repeats):
        t0 = time.perf_counter()
        simulate(1000, batch=batch, rng=rng)
        elapsed = time.perf_counter() - t0
        rates.append(1000 / elapsed)
        print(f"numpy 1,000 runs #{i + 1}: {elapsed:.3f} s, {rates[-1]:.1f} runs/s", file=sys.stderr)
    print(f"numpy runs/s best {max(rates):.1f} median {statistics.median(rates):.1f} "
          f"(batch {batch}, {repeats} x 1,000 runs)")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=None, help="runs (default 1,000; 4,000 with --validate)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=DEFAULT_BATCH, help=f"runs vectorised at once (default {DEFAULT_BATCH})")
    ap.add_argument("--out", help="write one row a run to this CSV")
    ap.add_argument("--validate", metavar="RUNS_CSV", help="compare the means with MarketSim's runs.csv (and service_users.csv beside it)")
    ap.add_argument("--time", action="store_true", help="time 1,000 runs several times on this process's core")
    ap.add_argument("--repeats", type=int, default=5, help="timed repetitions with --time (default 5)")
    ap.add_argument("--check-loop", action="store_true",
                    help="check the vectorised model against a plain per-person loop on the same draws (--runs, default 40)")
    ap.add_argument("--stress", action="store_true",
                    help=f"the variant where people wait: {STRESS_WEEKLY_REFERRALS} referrals a zone a week, spot capacity {STRESS_SPOT_CAPACITY:g}")
    a = ap.parse_args()
    if a.stress:
        use_stressed_variant()
    if a.check_loop:
        runs = a.runs or 40
        bad = check_loop(runs, a.seed)
        print(f"loop check{' (stressed)' if a.stress else ''}: {runs} runs, seed {a.seed}: "
              + ("every outcome the same" if bad == 0 else f"{bad} mismatches"))
        return 1 if bad else 0
    if a.validate:
        return validate(a.validate, a.runs or 4000, a.seed, a.batch)
    if a.time:
        return timing(a.batch, a.repeats, a.seed)
    runs = a.runs or 1000
    t0 = time.perf_counter()
    out = simulate(runs, a.seed, a.batch)
    elapsed = time.perf_counter() - t0
    for name in OUTCOMES:
        m, s, _ = mean_se(out[name])
        print(f"{name:36} {m:14.6g} ± {s:.3g}")
    print(f"{runs} runs in {elapsed:.2f} s ({runs / elapsed:.0f} runs/s)")
    if a.out:
        with open(a.out, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["run"] + OUTCOMES)
            for i in range(runs):
                w.writerow([i] + [repr(float(out[k][i])) for k in OUTCOMES])
    return 0


if __name__ == "__main__":
    sys.exit(main())
