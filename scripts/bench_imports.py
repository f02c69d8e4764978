"""Speed and memory of import-actuals on large exports, each in a fresh process.

1. A GA4 download of 1,000,000 rows: date + hour x session default channel group (8 groups, about 14 years of
   hours), with sessions, total users, key events, revenue and an engagement rate left out.
2. A Google Ads campaign x day report of 200,000 rows (50 campaigns, about 11 years), title lines and totals.
3. A GA4 download near the 200 MB size cap: one day repeated over 5.2 million rows (two channel groups).
Each is imported into a new plan (read, detected, summed per day, validated, written). Targets: under 10 s
each for the first two, 30 s for the third, and 1 GB each. Run: make bench-imports
(or python scripts/bench_imports.py [--keep DIR])
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS, TARGET_MB = 10.0, 1024

MEASURE = """
import json, sys, time
t0 = time.perf_counter()
from planlib.cli import main
code = main(["import-actuals", sys.argv[1], sys.argv[2]])
t1 = time.perf_counter()
peak_kb = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
print(json.dumps({"code": code, "seconds": t1 - t0, "peak_mb": peak_kb / 1024}))
"""

GROUPS = ["Direct", "Organic Search", "Paid Search", "Email", "Organic Social", "Paid Social", "Referral", "Display"]


def ga4_file(path: Path, rows: int) -> None:
    rng = random.Random(1)
    start = date(2012, 1, 1)
    hours = rows // len(GROUPS)
    end = start + timedelta(hours=hours)
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# ----------------------------------------\n# Sessions by hour and channel\n# Account: Bench\n"
                  f"# Property: Bench\n# ----------------------------------------\n#\n# Start date: {start:%Y%m%d}\n"
                  f"# End date: {end:%Y%m%d}\n")
        out.write("Date + hour (YYYYMMDDHH),Session default channel group,Sessions,Total users,Key events,"
                  "Total revenue,Engagement rate\n")
        for hour in range(hours):
            day = start + timedelta(days=hour // 24)
            stamp = f"{day:%Y%m%d}{hour % 24:02d}"
            for group in GROUPS:
                sessions = rng.randint(0, 400)
                out.write(f"{stamp},{group},{sessions},{sessions * 4 // 5},{sessions // 50},{sessions * 1.5:.2f},0.55\n")


def one_day_file(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("# Sessions by channel\n# Start date: 20260101\n# End date: 20260131\n"
                  "Date,Session default channel group,Sessions,Total users,Key events,Total revenue,Engagement rate\n")
        block = "20260115,Organic Search,123,98,4,187.50,0.55\n20260115,Email,7,6,1,10.25,0.40\n" * 5_000
        for _ in range(rows // 10_000):
            out.write(block)


def ads_file(path: Path, rows: int) -> None:
    rng = random.Random(2)
    campaigns = [f"Campaign {i:02d}" for i in range(50)]
    days = rows // len(campaigns)
    start = date(2015, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        out.write(f'Campaign report\n"January 1, 2015 - {start + timedelta(days=days - 1):%B %-d, %Y}"\n')
        out.write("Day,Campaign,Currency code,Cost,Impr.,Clicks,CTR,Avg. CPC,Conversions\n")
        for offset in range(days):
            day = start + timedelta(days=offset)
            for campaign in campaigns:
                clicks = rng.randint(1, 300)
                out.write(f'{day:%Y-%m-%d},{campaign},EUR,{clicks * 0.4:.2f},"{clicks * 40:,}",{clicks},2.50%,0.40,'
                          f'{clicks / 30:.2f}\n')
        out.write("Total: Campaigns,,,1,1,1,1%,1,1\nTotal: Account,,,1,1,1,1%,1,1\n")


def measure(plan: Path, export: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE, str(plan), str(export)], capture_output=True, text=True,
                            cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, default=None, help="keep the generated files in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="planlib-bench-imports-"))
    work.mkdir(parents=True, exist_ok=True)
    verdicts = []
    for label, make, rows, name, seconds in (
            ("GA4 date + hour x channel", ga4_file, 1_000_000, "ga4.csv", TARGET_SECONDS),
            ("Google Ads campaign x day", ads_file, 200_000, "ads.csv", TARGET_SECONDS),
            ("GA4 one day repeated, near the size cap", one_day_file, 5_200_000, "ga4-day.csv", 30.0)):
        export = work / name
        make(export, rows)
        plan = work / f"plan-{export.stem}"
        shutil.rmtree(plan, ignore_errors=True)
        subprocess.run([sys.executable, "-c", "import sys; from planlib.cli import main; sys.exit(main(sys.argv[1:]))",
                        "new", str(plan)], check=True, capture_output=True, cwd=ROOT)
        figures = measure(plan, export)
        size = export.stat().st_size / 1e6
        print(f"{label}: {rows:,} rows ({size:.0f} MB): {figures['seconds']:.2f} s, peak {figures['peak_mb']:.0f} MB "
              f"(exit {figures['code']})")
        verdicts.append((f"{label} under {seconds:.0f} s", figures["seconds"] < seconds and
                         figures["code"] == 0))
        verdicts.append((f"{label} under {TARGET_MB} MB", figures["peak_mb"] < TARGET_MB))
    for text, ok in verdicts:
        print(f"  {'ok  ' if ok else 'MISS'} {text}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
