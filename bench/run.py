"""The corpus benchmark: parse, load and build N synthetic reports, then add 10 more.

    .venv/bin/python bench/run.py                      # N = 100, 1,000, 10,000 → bench/RESULTS.md
    .venv/bin/python bench/run.py --sizes 100 --out -  # the CI smoke run, printed only

Each step runs as its own process under /usr/bin/time, so its wall time and peak memory
(maximum resident set, children included) are measured as a user would see them.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "reports" / "000_76716e9dec051514.txt"
BIN = Path(sys.executable).parent


def timed(cmd: list[str], env: dict) -> tuple[float, int, int]:
    """(seconds, peak RSS in MB, exit code) of a command."""
    started = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-f", "MAXRSS %M", *cmd], env={**os.environ, **env},
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - started
    rss = max((int(m) for m in re.findall(r"MAXRSS (\d+)", proc.stderr)), default=0) // 1024
    if proc.returncode not in (0, 3):  # 3: built, with findings (planted ones)
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"{cmd[1:3]} failed with exit {proc.returncode}")
    return seconds, rss, proc.returncode


def parse_rate(files: list[Path]) -> tuple[float, float]:
    """Single-core parse throughput over `files`: (reports/s, MB/s)."""
    sys.path.insert(0, str(ROOT / "loaders"))
    from juesuan.report import parse_file

    parse_file(files[0])  # warm: imports, compiled patterns
    size = sum(f.stat().st_size for f in files)
    started = time.process_time()
    for f in files:
        parse_file(f)
    seconds = time.process_time() - started
    return len(files) / seconds, size / seconds / 1e6


def run_size(n: int, work: Path, seed: int, add: int) -> dict:
    sys.path.insert(0, str(ROOT / "loaders"))
    from juesuan.corpus import generate

    base = work / str(n)
    shutil.rmtree(base, ignore_errors=True)
    corpus = base / "in"
    started = time.monotonic()
    generate(SAMPLE.read_text(encoding="utf-8"), n, seed, corpus)
    generated = time.monotonic() - started
    files = sorted(corpus.glob("*.txt"))
    env = {
        "JUESUAN_PARSED_DIR": str(base / "parsed"), "JUESUAN_DB": str(base / "warehouse.duckdb"),
        "JUESUAN_DBT_TARGET": str(base / "target"), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    rate, mbs = parse_rate(files[: min(len(files), 100)])
    load_s, load_mb, _ = timed([str(BIN / "juesuan"), "load", str(corpus)], env)
    build_s, build_mb, _ = timed([str(BIN / "juesuan"), "build"], env)
    result = {
        "n": n, "generate_s": generated, "corpus_mb": sum(f.stat().st_size for f in files) / 1e6,
        "parse_per_core": rate, "parse_mb_per_core": mbs,
        "load_s": load_s, "load_rate": n / load_s, "load_mb": load_mb,
        "build_s": build_s, "build_mb": build_mb, "total_s": load_s + build_s,
        "peak_mb": max(load_mb, build_mb), "warehouse_mb": (base / "warehouse.duckdb").stat().st_size / 1e6,
    }
    if add:
        generate(SAMPLE.read_text(encoding="utf-8"), add, seed + 1, base / "new")
        for f in sorted((base / "new").glob("*.txt")):
            shutil.copy(f, corpus / f"new_{f.name}")
        add_s, add_mb, _ = timed([str(BIN / "juesuan"), "run", str(corpus)], env)
        result.update(add=add, add_s=add_s, add_mb=add_mb)
    return result


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def report(results: list[dict]) -> str:
    lines = [
        "| reports | corpus MB | parse reports/s per core | parse MB/s per core | load s (reports/s, 2 cores) | dbt build s | total s | peak MB | warehouse MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['n']:,} | {r['corpus_mb']:.0f} | {r['parse_per_core']:.1f} | {r['parse_mb_per_core']:.2f} | "
            f"{r['load_s']:.1f} ({r['load_rate']:.0f}) | {r['build_s']:.1f} | {r['total_s']:.1f} | {r['peak_mb']:,} | {r['warehouse_mb']:.0f} |"
        )
    for r in results:
        if "add_s" in r:
            lines.append(f"\nAdding {r['add']} new reports to the {r['n']:,}-report warehouse (`juesuan run` on the folder: "
                         f"unchanged files skipped, then a build): {r['add_s']:.1f} s, peak {r['add_mb']:,} MB.")
    by_n = {r["n"]: r for r in results}
    if 1000 in by_n and 10000 in by_n:
        ratio = by_n[10000]["build_s"] / by_n[1000]["build_s"]
        lines.append(f"\nBuild time 10,000 / 1,000 reports: {ratio:.1f}× for 10× the reports (linear is 10×).")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--add", type=int, default=10, help="reports added to the largest warehouse")
    parser.add_argument("--work", default="/tmp/juesuan-bench", help="scratch folder (corpora, seeds, warehouses)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"), help="results file, or - to print only")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    for n in sizes:
        results.append(run_size(n, Path(args.work), args.seed, args.add if n == max(sizes) else 0))
        print(report(results[-1:]), flush=True)
    text = (
        f"# Benchmark results\n\nMeasured {datetime.now(timezone.utc):%Y-%m-%d} by `bench/run.py --sizes {args.sizes}` on {machine()}.\n\n"
        + report(results) + "\n"
    )
    print("\n" + text)
    if args.out != "-":
        Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
