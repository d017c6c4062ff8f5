"""Time the exact voting-power engine: EU-27, against `powerindex`, and against naive enumeration.

Run: `python benchmarks/voting.py` (`make bench`). Prints times and ratios; never fails on time.
`powerindex` is optional (benchmarks/requirements.txt); without it part 2 is skipped and says so.
"""

from __future__ import annotations

import platform
import random
import statistics
import time
from fractions import Fraction

import numpy as np

from helpers.models import voting
from helpers.models.voting import MEMBERS, make_game, power, weighted_game

REPEATS = 7
NAIVE_SAMPLE = 20_000


def timed(fn, repeats=REPEATS):
    """Median and best wall time of fn() over cold runs (the engine's cache cleared each time)."""
    times = []
    for _ in range(repeats):
        voting._power.cache_clear()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times), min(times)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            names = [line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")]
        cpu = f"{names[0]} x {len(names)}" if names else cpu
    except OSError:
        pass
    return f"{cpu}; Python {platform.python_version()}; numpy {np.__version__}"


def eu_full():
    return power(voting.rule_game("eu_qmv"))


def part1():
    print("1. EU-27 qualified majority (15 of 27 and 65% of population, or any 24): exact")
    p, median, best = timed(eu_full)
    print(f"   engine (int64 tables):        median {median * 1e3:7.1f} ms, best {best * 1e3:7.1f} ms")
    print(
        f"   Germany SS {float(p.shapley_shubik['Germany']):.6f}, "
        f"Banzhaf {float(p.banzhaf['Germany']):.6f} ({p.swings['Germany']:,} swings); "
        f"SS sums to {sum(p.shapley_shubik.values())}"
    )
    saved = voting._INT64_SAFE_PLAYERS
    voting._INT64_SAFE_PLAYERS = -1  # force Python-int object arrays: same algorithm, no int64
    try:
        _, obj_median, _ = timed(eu_full, repeats=3)
    finally:
        voting._INT64_SAFE_PLAYERS = saved
    print(
        f"   same DP with Python ints:     median {obj_median * 1e3:7.1f} ms "
        f"({obj_median / median:.1f}x slower)"
    )
    print(f"   target under 250 ms: {'met' if median < 0.25 else 'NOT met'}")
    return median


def part2():
    print("2. Against the powerindex package (floats, one weighted quota)")
    try:
        import powerindex
    except ImportError:
        print("   powerindex not installed (pip install -r benchmarks/requirements.txt): skipped")
        return
    council = {**{f"P{k}": 7 for k in range(1, 6)}, **{f"E{k}": 1 for k in range(1, 11)}}
    shares = voting.eu_population_shares()
    cases = [
        ("UN Security Council as weighted game (7/1, quota 39)", council, 39),
        (
            "EU-27, population quota alone (6,501 of 10,001)",
            shares,
            voting.rule_game("eu_qmv").clauses[0][1][1],
        ),
    ]
    for label, weights, quota in cases:
        names = list(weights)

        def ours(weights=weights, quota=quota):
            return power(weighted_game(weights, quota))

        def theirs(names=names, weights=weights, quota=quota):
            game = powerindex.Game(quota, weights=[weights[m] for m in names])
            game.calc_banzhaf()
            game.calc_shapley_shubik()
            return game

        p, our_time, _ = timed(ours)
        g, their_time, _ = timed(theirs, repeats=3)
        agree = all(
            abs(float(p.shapley_shubik[m]) - g.shapley_shubik[i]) < 1e-9
            and abs(float(p.banzhaf[m]) - g.banzhaf[i]) < 1e-9
            for i, m in enumerate(names)
        )
        print(f"   {label}:")
        print(
            f"     engine {our_time * 1e3:8.1f} ms   powerindex {their_time * 1e3:8.1f} ms   "
            f"ratio powerindex/engine {their_time / our_time:6.1f}   agree to 1e-9: {agree}"
        )


def naive_swings(game, sample):
    """Per coalition: does it win, and which absent member would turn it into a winner."""
    members = game.members
    n = len(members)
    weights = dict(game.weights)
    columns = {MEMBERS: [1] * n, **{d: list(c) for d, c in weights.items()}}
    veto_mask = sum(1 << i for i, m in enumerate(members) if m in game.vetoes)

    def wins(mask):
        if mask & veto_mask != veto_mask:
            return False
        sums = {d: sum(c[i] for i in range(n) if mask >> i & 1) for d, c in columns.items()}
        return any(all(sums[d] >= q for d, q in clause) for clause in game.clauses)

    swings = [0] * n
    for mask in sample:
        if wins(mask):
            continue
        for i in range(n):
            if not mask >> i & 1 and wins(mask | 1 << i):
                swings[i] += 1
    return swings


def part3(engine_time):
    print("3. Naive enumeration of all 2^27 coalitions (pure Python), timed on a sample")
    game = voting.rule_game("eu_qmv")
    rng = random.Random(2024)
    sample = [rng.getrandbits(27) for _ in range(NAIVE_SAMPLE)]
    start = time.perf_counter()
    naive_swings(game, sample)
    elapsed = time.perf_counter() - start
    full = elapsed * 2**27 / NAIVE_SAMPLE
    print(
        f"   {NAIVE_SAMPLE:,} random coalitions in {elapsed:.2f} s -> "
        f"EXTRAPOLATED to 2^27: {full:,.0f} s ({full / 3600:.1f} h)"
    )
    print(f"   ratio naive (extrapolated) / engine: {full / engine_time:,.0f}x")
    # Check the naive count agrees with the engine on a game small enough to enumerate fully.
    small = make_game(
        [f"m{i}" for i in range(12)],
        {MEMBERS: 7, "w": Fraction(1, 2)},
        weights={"w": [5, 4, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1]},
    )
    agree = naive_swings(small, range(2**12)) == [power(small).swings[m] for m in small.members]
    print(f"   naive and engine agree on a 12-member double-quota game: {agree}")


def part4():
    print("4. Notebook 05 redraws: every control combination, figure + PNG (no widget cache)")
    print("   wall time, and CPU time of this process (less sensitive to other jobs)")
    from helpers.explorers import voting as ev
    from helpers.explorers import widgets

    for rule_id in voting.RULE_IDS:  # the notebook computes these once, when it opens
        power(voting.rule_game(rule_id))
    for name, controls, render in [
        ("rules", ev.RULES_CONTROLS, ev.render_rules),
        ("monopoly", ev.MONOPOLY_CONTROLS, ev.render_monopoly),
        ("council", ev.COUNCIL_CONTROLS, ev.render_council),
    ]:
        for label in ("first pass", "second pass"):
            wall, cpu = [], []
            for values in widgets.combinations(controls):
                start, start_cpu = time.perf_counter(), time.process_time()
                render(**values).png()
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            print(
                f"   {name:9s} {label}, {len(wall):2d} renders: wall median "
                f"{statistics.median(wall) * 1e3:5.0f} ms, p95 {_p95(wall) * 1e3:5.0f} ms; "
                f"CPU median {statistics.median(cpu) * 1e3:5.0f} ms, p95 {_p95(cpu) * 1e3:5.0f} ms"
            )


def _p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main():
    print(f"Machine: {machine()}")
    engine_time = part1()
    part2()
    part3(engine_time)
    part4()


if __name__ == "__main__":
    main()
