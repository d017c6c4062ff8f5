"""Input-to-change time in real JupyterLab in Chromium, per notebook and over all notebooks.

Run: `python benchmarks/browser.py [notebook ...]` (part of `make bench`). Starts JupyterLab and
Debian's Chromium exactly as the browser tests do (tests/browser/lab.py), opens each notebook,
runs all, and uses its controls as a person would; each time is from the input event (click,
choice, key press) to the new picture decoded or the new text on the page. Skips, saying why,
where Chromium is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from machine import describe, percentile

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 150


def main(names: list[str]) -> int:
    print(f"machine: {describe()}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "browser.json"
        result = subprocess.run(
            [sys.executable, "-m", "tests.browser.lab", "--json", str(out), *names],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        print(result.stdout.rstrip())
        if result.returncode not in (0, 1) or not out.exists():
            print(f"browser run did not complete (exit {result.returncode}): {result.stderr[-1500:]}")
            return 0
        reports = json.loads(out.read_text())
    all_ms: list[float] = []
    print()
    print(f"{'notebook':40} {'Run All s':>9} {'inputs':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    for r in reports:
        ms = [t["ms"] for t in r["timings"]]
        all_ms += ms
        if ms:
            print(
                f"{Path(r['name']).stem:40} {r['run_seconds']:9.1f} {len(ms):6d} {percentile(ms, 50):7.0f} "
                f"{percentile(ms, 95):7.0f} {max(ms):7.0f}"
            )
        else:
            print(f"{Path(r['name']).stem:40} {r['run_seconds']:9.1f}      0")
    if all_ms:
        p95 = percentile(all_ms, 95)
        print(
            f"browser input-to-change over {len(all_ms)} inputs: p50 {percentile(all_ms, 50):.0f} ms, "
            f"p95 {p95:.0f} ms, max {max(all_ms):.0f} ms; target p95 < {TARGET_MS} ms: "
            f"{'met' if p95 < TARGET_MS else 'MISSED'}"
        )
        slowest = sorted(
            (
                (t["ms"], Path(r["name"]).stem, t["kind"], t["control"], t["action"])
                for r in reports
                for t in r["timings"]
            ),
            reverse=True,
        )[:5]
        print("slowest inputs: " + "; ".join(f"{n} {k} '{c}' {a}: {ms:.0f} ms" for ms, n, k, c, a in slowest))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
