"""The corpus benchmark: parse, load and build N synthetic reports, then add 10 more.

    .venv/bin/python bench/run.py                      # N = 100, 1,000, 10,000 → bench/RESULTS.md
    .venv/bin/python bench/run.py --sizes 100 --out -  # the CI smoke run, printed only
    .venv/bin/python bench/run.py --render             # RESULTS.md again from the last run's results.json

Each step runs as its own process under /usr/bin/time, so its wall time and peak memory
(maximum resident set, children included) are measured as a user would see them.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
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


def parse_rate(files: list[Path], passes: int = 3) -> tuple[float, float]:
    """Single-core parse throughput over `files`: (reports/s, MB/s), the best of `passes` passes
    (other work on a shared machine only ever slows a pass, as for the PDF rates)."""
    sys.path.insert(0, str(ROOT / "loaders"))
    from juesuan.parse.report import parse_file

    parse_file(files[0])  # warm: imports, compiled patterns
    size = sum(f.stat().st_size for f in files)
    seconds = float("inf")
    for _ in range(passes):
        started = time.process_time()
        for f in files:
            parse_file(f)
        seconds = min(seconds, time.process_time() - started)
    return len(files) / seconds, size / seconds / 1e6


def run_size(n: int, work: Path, seed: int, add: int) -> dict:
    sys.path.insert(0, str(ROOT / "loaders"))
    from juesuan.load.corpus import generate

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
    build_phases = json.loads((base / "last_run.json").read_text(encoding="utf-8")).get("build_phases", {})
    # Kept for the profile: the add run below overwrites run_results.json with its own builds.
    shutil.copy(base / "target" / "run_results.json", base / "build_run_results.json")
    result = {
        "n": n, "generate_s": generated, "corpus_mb": sum(f.stat().st_size for f in files) / 1e6,
        "parse_per_core": rate, "parse_mb_per_core": mbs,
        "load_s": load_s, "load_rate": n / load_s, "load_mb": load_mb,
        "build_s": build_s, "build_mb": build_mb, "build_phases": build_phases, "total_s": load_s + build_s,
        "peak_mb": max(load_mb, build_mb), "warehouse_mb": (base / "warehouse.duckdb").stat().st_size / 1e6,
    }
    if add:
        generate(SAMPLE.read_text(encoding="utf-8"), add, seed + 1, base / "new")
        for f in sorted((base / "new").glob("*.txt")):
            shutil.copy(f, corpus / f"new_{f.name}")
        add_s, add_mb, _ = timed([str(BIN / "juesuan"), "run", str(corpus)], env)
        summary = json.loads((base / "last_run.json").read_text(encoding="utf-8"))
        result.update(add=add, add_s=add_s, add_mb=add_mb, add_mode=summary.get("build_mode"),
                      add_build_s=summary.get("seconds"), add_phases=summary.get("build_phases", {}))
    return result


PDF = ROOT / "samples" / "pdf" / "putuo_ghzy_2024.pdf"  # the largest of the bundled PDFs


def one_pdf(work: Path) -> dict:
    """One PDF checked (`juesuan check`) against the same PDF run into a new warehouse (`juesuan
    run`): both with a warm dbt target (the project parsed, the check's models compiled), as a
    user's second report is; each the median of three runs."""
    base = work / "one_pdf"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    env = {"JUESUAN_DBT_TARGET": str(base / "target"), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    timed([str(BIN / "juesuan"), "check", str(PDF)], env)  # compiles the models once

    def runs(command: list[str], fresh: bool) -> float:
        times = []
        for k in range(3):
            if fresh:  # a new warehouse and parsed folder each time: `run` of a file not loaded yet
                env.update(JUESUAN_DB=str(base / f"w{k}" / "juesuan.duckdb"), JUESUAN_PARSED_DIR=str(base / f"w{k}" / "parsed"))
            times.append(timed(command, env)[0])
        return sorted(times)[1]

    check_s = runs([str(BIN / "juesuan"), "check", str(PDF)], fresh=False)
    run_s = runs([str(BIN / "juesuan"), "run", str(PDF)], fresh=True)
    sys.path.insert(0, str(ROOT / "loaders"))
    import pdfplumber

    with pdfplumber.open(PDF) as pdf:
        pages = len(pdf.pages)
    return {"file": PDF.name, "pages": pages, "check_s": check_s, "run_s": run_s}


def pdf_rates(rounds: int = 5) -> dict:
    """PDF pages per CPU-second over every PDF of samples/pdf: to page text, read three ways
    (PDFium's objects by the compiled loops of `_pdfium_native`, by the same loops in Python, and
    pdfminer's objects, pdfplumber's own: the text is the same every way,
    tests/loaders/pdf/test_pdf_engines.py), and to parsed rows the default way (the target's
    measure). On a shared machine other work only ever slows a pass, and its speed drifts over
    minutes: so each round runs every way once, and each way keeps its best round."""
    sys.path.insert(0, str(ROOT / "loaders"))
    import pdfplumber

    from juesuan.read.pdf_objects import native_reader_available
    from juesuan.read.pdf_text import pdf_to_text
    from juesuan.parse.report import parse_file

    files = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
    pages = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            pages += len(pdf.pages)
    ways = {
        "pdfium": ("1", lambda f: pdf_to_text(f.read_bytes(), f.name, engine="pdfium")),
        "pdfium_python": ("0", lambda f: pdf_to_text(f.read_bytes(), f.name, engine="pdfium")),
        "pdfminer": ("1", lambda f: pdf_to_text(f.read_bytes(), f.name, engine="pdfminer")),
        "rows": ("1", parse_file),
    }
    best = dict.fromkeys(ways, float("inf"))
    for round_ in range(rounds + 1):  # round 0 warms up: imports, compiled patterns
        for key, (native, read) in ways.items():
            os.environ["JUESUAN_PDF_NATIVE"] = native
            try:
                started = time.process_time()
                for f in files:
                    read(f)
                if round_:
                    best[key] = min(best[key], time.process_time() - started)
            finally:
                del os.environ["JUESUAN_PDF_NATIVE"]
    return {"pages": pages, "files": len(files), "native_built": native_reader_available(),
            **{key: pages / seconds for key, seconds in best.items()}}


def pdf_rates_report(r: dict) -> str:
    if "pdfium_python" not in r:  # a run from before the compiled loops
        r = {**r, "pdfium_python": r["pdfium"], "native_built": False, "rows": None}
    compiled = ("the compiled loops (`_pdfium_native`)" if r["native_built"]
                else "**the Python loops: `_pdfium_native` was not built here**")
    text = (f"PDF to page text, {r['pages']} pages of {r['files']} PDFs, per core: {r['pdfium']:.1f} pages/s with "
            f"PDFium's objects read by {compiled}, {r['pdfium_python']:.1f} pages/s with the same loops in Python, "
            f"{r['pdfminer']:.1f} pages/s with pdfminer's objects (pdfplumber's own): {r['pdfium'] / r['pdfminer']:.1f}× "
            "pdfminer's; the same text every way.")
    if r["rows"] is None:
        return text
    drift = ("" if r["rows"] <= r["pdfium"] else
             " (In this run the parsed rows, which include the page text, measured faster than the page text "
             "alone: the machine's speed drifted between rounds, so these figures are a slow minute's.)")
    return (text + f" PDF to parsed rows (the file read, its page text, the report parsed: `parse_file`), the "
            f"default way: {r['rows']:.1f} pages/s per core. Target ≥ 100 pages/s per core to parsed rows: "
            + ("met." if r["rows"] >= 100 else
               "**missed** (per page, PDFium's own page and text-page loading is ~1.9 ms; pdfplumber's table finder "
               "~1.7 ms, its line and word clustering ~1.3 ms, pdfminer's page tree ~0.6 ms, in Python; the parse "
               "~0.6 ms).") + drift)


# pdfplumber's pages/s per core on the machine issue #20's targets were set on (its text: "~10").
TARGETS_MACHINE_PDFMINER = 10.0


def yardstick_report(run: dict) -> str:
    """This run's rates scaled to the machine the targets were set on, by pdfminer's rate on each
    (no code of ours, so it measures the machine): a target met on a faster machine may not be met
    there."""
    scale = TARGETS_MACHINE_PDFMINER / run["pdf_rates"]["pdfminer"]
    parse = min(r["parse_per_core"] for r in run["results"])
    rows = run["pdf_rates"].get("rows")
    return (f"Scaled to the machine the targets were set on (pdfminer ~{TARGETS_MACHINE_PDFMINER:.0f} pages/s per core there, "
            f"{run['pdf_rates']['pdfminer']:.1f} here: ×{scale:.2f}), this run's rates would be: parse "
            f"{parse * scale:.1f} reports/s per core" + (f", PDF to parsed rows {rows * scale:.0f} pages/s per core" if rows else "")
            + ". (The scale is pdfminer's, pure Python as our parse is; C code such as PDFium's may scale otherwise.)")


def one_pdf_report(r: dict) -> str:
    return (f"One PDF ({r['file']}, {r['pages']} pages; read with PDFium's objects): `juesuan check` {r['check_s']:.1f} s, "
            f"`juesuan run` into a new warehouse {r['run_s']:.1f} s: check is {r['run_s'] / r['check_s']:.1f}× faster "
            "(same findings: tests/test_check.py). Target ≤ 5 s and ≥ 5× faster: "
            f"{'met' if r['check_s'] <= 5 and r['run_s'] / r['check_s'] >= 5 else '**missed**'}.")


# The targets of the scale issue, on this 2-core machine.
TARGETS = [
    ("parse ≥ 50 reports/s per core", lambda by: min(r["parse_per_core"] for r in by.values()) >= 50,
     lambda by: f"{min(r['parse_per_core'] for r in by.values()):.1f} reports/s per core"),
    ("10,000 reports to a tested warehouse in < 10 min", lambda by: by[10000]["total_s"] < 600,
     lambda by: f"{by[10000]['total_s']:.0f} s"),
    ("peak memory < 4 GB", lambda by: max(r["peak_mb"] for r in by.values()) < 4096,
     lambda by: f"{max(r['peak_mb'] for r in by.values()):,} MB"),
    ("adding 10 reports to 10,000 in < 30 s", lambda by: by[10000].get("add_s", 1e9) < 30,
     lambda by: f"{by[10000].get('add_s', float('nan')):.0f} s"),
    ("build grows no worse than linearly (1,000 → 10,000)",
     lambda by: by[10000]["build_s"] / by[1000]["build_s"] <= 10,
     lambda by: f"{by[10000]['build_s'] / by[1000]['build_s']:.1f}× for 10× the reports"),
]

WHY = {
    "parse ≥ 50 reports/s per core": (
        "Pure-Python parsing of ~9,000 lines a report (the bench's reports are the sample's 30 "
        "self-evaluations and ten tables), and a flat profile (below), by stage: the self-evaluations ~28% "
        "(their indicator tables ~10%), the ten tables ~25%, the narrative's figures ~13%, the content "
        "lines ~11%; no function holds a tenth. Compiling "
        "the hot modules unchanged was tried and measured: Cython ~5-10%, mypyc ~15% (and mypyc needs "
        "the 71 type errors mypy reports fixed first). On this shared machine the same code measures "
        "±30% from minute to minute, so the rate is the best of three passes. Next steps: tokenizing only "
        "table regions, reading each project's parts in one pass. The load uses both cores, so a folder "
        "loads at ~2× this rate."),
    "10,000 reports to a tested warehouse in < 10 min": (
        "The load is the larger part: ~80% of a worker's time is the parse, ~15% writing the CSVs, so "
        "it moves with the parse rate above. The build reads the CSVs compacted (phases above) and runs at "
        "DuckDB's 3 GB memory limit (profiles.yml), which keeps the peak under 4 GB."),
    "adding 10 reports to 10,000 in < 30 s": (
        "Files already loaded are skipped by their size and mtime (~4 s for 10,000), and the build is "
        "incremental: the new reports built and tested alone, merged into a copy of the warehouse, "
        "dimensions refilled, all by the SQL dbt compiled at the last full build, run without dbt "
        "(two dbt invocations took ~30 s of it before: ~0.07 s of Python per node whatever the data)."),
}


def parse_profile(top: int = 12) -> str:
    """Where one parse of the sample spends its time (cProfile, cumulative)."""
    sys.path.insert(0, str(ROOT / "loaders"))
    from juesuan.parse.report import parse_file

    parse_file(SAMPLE)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(5):
        parse_file(SAMPLE)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    lines = [ln for ln in out.getvalue().splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.strip().startswith("ncalls"))
    return "\n".join(ln.replace(str(ROOT) + "/", "") for ln in lines[start : start + top + 1])


def build_profile(path: Path, top: int = 12) -> str:
    """The slowest dbt nodes of a build (its run_results.json)."""
    if not path.exists():
        return "(no run_results.json)"
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    rows = sorted(results, key=lambda r: -r.get("execution_time", 0))[:top]
    total = sum(r.get("execution_time", 0) for r in results)
    lines = [f"{len(results)} nodes, {total:.0f} s of node time (2 threads):", "",
             "| node | seconds |", "|---|---:|"]
    lines += [f"| {r['unique_id'].split('.', 1)[1]} | {r['execution_time']:.1f} |" for r in rows]
    return "\n".join(lines)


def analysis(results: list[dict], work: Path) -> str:
    by = {r["n"]: r for r in results}
    if not {1000, 10000} <= set(by):
        return ""
    lines = ["## Targets", "", "| target | measured | |", "|---|---|---|"]
    missed = []
    for name, met, shown in TARGETS:
        ok = met(by)
        lines.append(f"| {name} | {shown(by)} | {'met' if ok else '**missed**'} |")
        if not ok:
            missed.append(name)
    for name in missed:
        lines += ["", f"**{name}, missed.** {WHY.get(name, '')}"]
    lines += ["", "## Where the time goes", "", "Parsing the sample report (cProfile over 5 parses, by own time):",
              "", "```", parse_profile(), "```", "",
              f"The full build of {max(by):,} reports:", "",
              build_profile(work / str(max(by)) / "build_run_results.json")]
    return "\n".join(lines) + "\n"


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
        if r.get("build_phases"):
            lines.append(f"\nThe build of {r['n']:,} reports: "
                         + ", ".join(f"{k.replace('_', ' ')} {v:.1f} s" for k, v in r["build_phases"].items()) + ".")
    for r in results:
        if "add_s" in r:
            lines.append(f"\nAdding {r['add']} new reports to the {r['n']:,}-report warehouse (`juesuan run` on the folder: "
                         f"unchanged files skipped by hash, then the build, {r.get('add_mode', 'full')}): "
                         f"{r['add_s']:.1f} s, peak {r['add_mb']:,} MB"
                         + (f"; of it the build {r['add_build_s']:.1f} s ("
                            + ", ".join(f"{k.replace('_', ' ')} {v:.1f} s" for k, v in r["add_phases"].items()) + ")"
                            if r.get("add_phases") else "") + ".")
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
    parser.add_argument("--render", action="store_true", help="only render the results of the last run in --work")
    args = parser.parse_args()
    work = Path(args.work)
    saved = work / "results.json"
    if args.render:
        run = json.loads(saved.read_text(encoding="utf-8"))
    else:
        sizes = [int(s) for s in args.sizes.split(",")]
        run = {"sizes": args.sizes, "date": f"{datetime.now(timezone.utc):%Y-%m-%d}", "machine": machine(), "results": []}
        for n in sizes:
            run["results"].append(run_size(n, work, args.seed, args.add if n == max(sizes) else 0))
            print(report(run["results"][-1:]), flush=True)
        run["one_pdf"] = one_pdf(work)
        print(one_pdf_report(run["one_pdf"]), flush=True)
        run["pdf_rates"] = pdf_rates()
        print(pdf_rates_report(run["pdf_rates"]), flush=True)
        work.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(run, indent=1), encoding="utf-8")
    results = run["results"]
    text = (
        f"# Benchmark results\n\nMeasured {run['date']} by `bench/run.py --sizes {run['sizes']}` on {run['machine']}.\n\n"
        + report(results) + "\n\n" + (one_pdf_report(run["one_pdf"]) + "\n\n" if "one_pdf" in run else "")
        + (pdf_rates_report(run["pdf_rates"]) + "\n\n" + yardstick_report(run) + "\n\n" if "pdf_rates" in run else "")
        + analysis(results, work)
    )
    print("\n" + text)
    if args.out != "-":
        Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
