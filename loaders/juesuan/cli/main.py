"""The `juesuan` command line."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from juesuan import __version__, writers
from juesuan.cli import terminal
from juesuan.errors import BuildError, LoadError, UsageError, os_error_line
from juesuan.cli.formatting import figure, place
from juesuan.cli.export import DIALECTS, FORMATS, NotPortable, export_dialect, export_tables
from juesuan.load.batch import load_paths, prune, remove
from juesuan.cli.outputs import OutputRefused, Protected, file_target
from juesuan.read.pdf_text import PAGE_SEPARATOR, pdf_to_text
from juesuan.cli.query import FORMATS as QUERY_FORMATS
from juesuan.cli.query import Limits, QueryRefused, QueryStopped, WarehouseLocked, is_out_of_memory, memory_stop, run_query, write_result
from juesuan.warehouse.dbt import dbt_target, run_dbt
from juesuan.reference import project_root
from juesuan.load.seeds import loaded_reports, parsed_dir
from juesuan.warehouse.sql import DIM_REPORT, FINDINGS, FINDINGS_SQL, LOAD_ISSUES, MATCHING_REPORTS_SQL, PUBLIC_SCHEMAS, QUARANTINE_TABLE, REPORT_SUMMARY, REPORTS_SQL
from juesuan.warehouse.build import audit_summary, audit_totals, build, default_db, department_years_twice, headline, incomplete_reports, quarantined_reports, top_findings, write_run_summary

# Exit codes, for cron and CI (the most serious outcome wins, in this order):
# 2 nothing built: nothing could be loaded, or the build failed (the previous warehouse is kept);
# 1 built, but not everything was read: some files were refused, some reports have tables with
#   unreadable rows (published with what was read; see audit.findings, parse_incomplete), or some
#   reports were left out because a model or test failed on their rows (audit.build_quarantine);
# 3 built, and some report's own arithmetic has discrepancies (audit.findings);
# 0 built (or loaded) and clean.
EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING, EXIT_FINDINGS = 0, 1, 2, 3
# As shells report a process ended by SIGINT or SIGPIPE.
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
_SEVERITY = (EXIT_NOTHING, EXIT_PARTIAL, EXIT_FINDINGS, EXIT_OK)


def _worst(*codes: int) -> int:
    return next(code for code in _SEVERITY if code in codes)


class _Progress:
    """A line per file parsed, on standard error as it happens (files done / total, rate, and
    what failed); on a terminal one line that rewrites itself. The full report follows at the end."""

    def __init__(self):
        self.started = time.monotonic()
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int, result) -> None:
        rate = done / max(time.monotonic() - self.started, 1e-9)
        what = f"refused {result.source}" if isinstance(result, LoadError) else f"loaded {result.source_file}"
        line = f"[{done}/{total}] {rate:.1f} files/s  {what}"
        if self.tty and not isinstance(result, LoadError):
            terminal.write_raw(sys.stderr, "\r")  # our own carriage return: the rest is escaped
            print(f"{line[:100]:<100}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        else:
            print(("\n" if self.tty else "") + line, file=sys.stderr, flush=True)


def _load(args, root: Path) -> int:
    code, _, not_read = _load_files(args, root)
    # `load` alone says when rows or values were not read; `run` says it through the build, which
    # counts the tables published incomplete.
    return _worst(code, EXIT_PARTIAL if not_read and code != EXIT_NOTHING else EXIT_OK)


ISSUES_SHOWN = 5  # a report's issues printed after its line; more are counted and pointed to


def _load_files(args, root: Path) -> tuple[int, list[dict], int]:
    """Load the files named; (exit code by the files refused, the files refused as {file, reason},
    the reports with rows or values not read)."""
    out = load_paths([Path(p) for p in args.paths], parsed_dir(root), file_timeout=args.file_timeout,
                     progress=_Progress(), file_memory=args.file_memory)
    verbose = getattr(args, "verbose", False)
    not_read = []  # (file, errors) of the reports with rows or values not read
    for report in out.loaded:
        print(report.summary)
        errors = sum(1 for i in report.issues if i.severity == "error")
        if errors:
            not_read.append((report.source_file, errors))
        if len(report.issues) > ISSUES_SHOWN and not verbose:
            # Hundreds of lines for one report drown the rest: their place, and the flag that prints them.
            print(f"  the {len(report.issues)} issues are in {parsed_dir(root) / report.report_id / 'load_issues.csv'} "
                  "(`--verbose` prints them; after a build, staging.stg_parsed__load_issues)")
            continue
        for issue in report.issues:
            where = f"{report.source_file}:{issue.source_line}" if issue.source_line else report.source_file
            print(f"  {issue.severity}: {where} [{issue.table_key or '-'}] {issue.message}")
    if out.unchanged:
        print(f"unchanged: {len(out.unchanged)} file(s) already loaded with the same content, not parsed again")
    for path, first in out.duplicates:
        print(f"skipped {path}: the same content as {first}, loaded once")
    for rid, files in out.merged:
        print(f"read as one report {rid}: " + ", ".join(Path(f).name for f in files)
              + f" (parts of one report in {Path(files[0]).parent})")
    for rid in out.replaced:
        print(f"removed report {rid}: superseded by the new content of its file, or read again with the other files of its report")
    for err in out.not_joined:
        print(f"warning: {err}", file=sys.stderr)
    refused = [{"file": err.source, "reason": str(err)} for err in out.failed]
    for err in out.failed:
        print(f"error: {err}", file=sys.stderr)
    if not out.loaded and not out.unchanged and not out.duplicates:
        print("error: nothing was loaded", file=sys.stderr)
        return EXIT_NOTHING, refused, 0
    line = f"{len(out.loaded)} report(s) loaded, {len(out.failed)} file(s) refused"
    if out.failed:
        line += " (named above)"
    if not_read:
        shown = ", ".join(f"{name} {n}" for name, n in not_read[:SHOWN])
        line += f"; rows or values not read in {len(not_read)} report(s): {shown}" + (" …" if len(not_read) > SHOWN else "")
    print(line)
    return (EXIT_PARTIAL if out.failed else EXIT_OK), refused, len(not_read)


def _reports(args, root: Path) -> int:
    """The reports of the warehouse (built, or left out by a build), then those loaded since the
    last build, marked so."""
    result = _own_query(args, root, REPORTS_SQL, None)
    if result is None:
        return EXIT_NOTHING
    listed = {row[0] for row in result.rows}
    waiting = [r for r in loaded_reports(parsed_dir(root)) if r.report_id not in listed]
    if waiting:
        import pyarrow as pa

        extra = [{"report_id": r.report_id, "status": "loaded, not built", "department_name": r.department_name,
                  "fiscal_year": int(r.fiscal_year) if r.fiscal_year.isdigit() else None,
                  "source_file": Path(r.source_path).name} for r in waiting]
        result.table = pa.concat_tables([result.table, pa.Table.from_pylist(extra, schema=result.table.schema)])
    print(write_result(result, args.format, None))
    return EXIT_OK


def _findings(args, root: Path) -> int:
    report = args.report
    if report is not None:
        matched = _own_query(args, root, MATCHING_REPORTS_SQL, [report] * 3)
        if matched is None:
            return EXIT_NOTHING
        if not matched.rows[0][0]:
            print(f"error: no loaded report matches {report!r} (give a report id, its file name, or part of its "
                  "department's name; `juesuan reports` lists them)", file=sys.stderr)
            return EXIT_NOTHING
    return _print_query(args, root, FINDINGS_SQL, [report] * 6)


def _own_query(args, root: Path, sql: str, params: list | None):
    """One of juesuan's own queries on the warehouse; None (said in one line) where it cannot run."""
    try:
        return run_query(_db(args, root), sql, Limits(), params)
    except (FileNotFoundError, QueryRefused, QueryStopped) as err:
        print(f"error: {err}", file=sys.stderr)
        return None


def _print_query(args, root: Path, sql: str, params: list | None) -> int:
    result = _own_query(args, root, sql, params)
    if result is None:
        return EXIT_NOTHING
    print(write_result(result, args.format, None))
    return EXIT_OK


def _remove(args, root: Path) -> int:
    removed, missing = remove(args.targets, parsed_dir(root))
    for rid in removed:
        print(f"removed report {rid}")
    for target in missing:
        print(f"error: no loaded report is {target!r} (a report id or the path it was loaded from)", file=sys.stderr)
    print("run `juesuan build` to take them out of the warehouse" if removed else "nothing removed")
    return EXIT_PARTIAL if missing else EXIT_OK


def _prune(args, root: Path) -> int:
    gone = prune(parsed_dir(root))
    print(f"removed {len(gone)} report(s) whose source file is gone or changed" + (": " + ", ".join(gone) if gone else ""))
    return EXIT_OK


def _db(args, root: Path) -> Path:
    return Path(args.db).resolve() if getattr(args, "db", None) else default_db(root)


def _check_out(args, root: Path, kind: str) -> None:
    """`args.out` made the checked, absolute path of a `kind` file this command may write; else
    OutputRefused (said by `main`). Called before any work, so a refused target costs nothing."""
    if args.out:
        args.out = str(file_target(Path(args.out), kind, _protected(args, root), args.force))


def _site_default(db: Path) -> Path:
    return db.parent / "site"


def _protected(args, root: Path) -> Protected:
    """What no output may touch: the warehouse and its folder (but the default site there), the
    project's seeds and the parsed reports."""
    db = _db(args, root)
    return Protected(warehouse=db, seeds=(root / "seeds", parsed_dir(root)), allowed_inside=(_site_default(db),))


def _build_on_spark(args, root: Path) -> int:
    """dbt build --target spark: the same models and tests on Spark (profiles.yml, README)."""
    from juesuan.warehouse.spark_build import SparkPathError, build_on_spark

    print("building on Spark with dbt (target `spark`: every model and test) …", flush=True)
    try:
        result = build_on_spark(root, parsed_dir(root))
    except SparkPathError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_NOTHING
    if result.code != 0:
        failed = result.failed() or ["(no results recorded: see the dbt output above)"]
        print("error: the Spark build failed. Failed nodes:\n  " + "\n  ".join(failed[:SHOWN]), file=sys.stderr)
        return EXIT_NOTHING
    print(f"built on Spark: {len(result.results)} dbt nodes, {result.count('pass')} tests passed, "
          f"{result.count('warn')} warned (findings: audit.findings in the Spark catalog)")
    return EXIT_FINDINGS if result.discrepancies else EXIT_OK


def _build(args, root: Path, refused: list[dict] | None = None, load_code: int = EXIT_OK) -> int:
    """Build, print the summary, and record the run (last_run.json, runs.log) whatever happens."""
    if getattr(args, "target", "duckdb") == "spark":
        return _build_on_spark(args, root)
    db = _db(args, root)
    started = datetime.now(timezone.utc)
    summary = {"started_at": started.isoformat(timespec="seconds"), "warehouse": str(db),
               "files_refused": refused or []}
    print("building the warehouse with dbt (every model and test; a first build also parses the project) …", flush=True)
    try:
        result = build(root, db, parsed_dir(root), full=getattr(args, "full", False))
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        summary.update(status="failed", exit_code=EXIT_NOTHING, error=str(err).split("\n")[0])
        _finish(db, summary)
        return EXIT_NOTHING
    print(f"\n{result.plan.describe()}")
    if result.plan.mode != "unchanged":
        print(f"warehouse: {result.db} ({result.nodes} dbt nodes in {result.seconds:.1f} s)")
    _print_headline(result.db)
    summary_rows = audit_summary(result.db)  # most discrepancies first
    _print_audit(result.db, summary_rows)
    reports, rounding, discrepancies = audit_totals(result.db)
    incomplete = [dict(zip(("report_id", "department_name", "fiscal_year", "source_file", "tables_incomplete"), row))
                  for row in incomplete_reports(result.db)]
    _print_incomplete(incomplete, refused or [])
    quarantined = quarantined_reports(result.db)
    left_out = [q.as_dict() for q in quarantined]
    if left_out:
        print(f"\nReports left out of the warehouse ({len(left_out)}): a model or test failed on their rows; "
              f"the rest was built (see {QUARANTINE_TABLE}; `juesuan build --full` tries them again):")
    for q in quarantined[:SHOWN]:
        print(f"  {q.line()}")
    _more(len(left_out), QUARANTINE_TABLE)
    twice = [dict(zip(("department_name", "fiscal_year", "reports", "files"), row)) for row in department_years_twice(result.db)]
    for t in twice:
        print(f"\nnote: {t['department_name']} {t['fiscal_year']} is loaded {t['reports']} times ({t['files']}); "
              "`juesuan remove ID|PATH` drops the ones not wanted")
    code = _worst(load_code, EXIT_PARTIAL if incomplete or left_out else EXIT_OK,
                  EXIT_FINDINGS if discrepancies else EXIT_OK)
    status = {EXIT_PARTIAL: "built_partial", EXIT_FINDINGS: "built_with_findings", EXIT_OK: "built"}[code]
    summary.update(
        status="unchanged" if result.plan.mode == "unchanged" else status, exit_code=code,
        seconds=round(result.seconds, 1), reports=reports, dbt_nodes=result.nodes, build_mode=result.plan.mode,
        build_phases=result.phases,
        reports_added=len(result.plan.new), reports_removed=len(result.plan.removed),
        tests_passed=result.count("pass"), tests_warned=result.count("warn"),
        rounding_findings=rounding, discrepancy_findings=discrepancies,
        reports_incomplete=incomplete,
        reports_quarantined=left_out,
        department_years_loaded_twice=twice,
        # Only the reports that need a look: at 10,000 reports the full list made a 2 MB file.
        reports_with_discrepancies=[
            dict(zip(("department_name", "fiscal_year", "identities_checked", "held", "rounding",
                      "discrepancy", "families_skipped"), row))
            for row in summary_rows if row[5]
        ],
    )
    print(f"run summary: {_finish(db, summary)}")
    return code


def _print_incomplete(incomplete: list[dict], refused: list[dict]) -> None:
    if incomplete:
        print(f"\nReports published with unreadable rows ({len(incomplete)}; the rows are in {LOAD_ISSUES}):")
    for r in incomplete[:SHOWN]:
        print(f"  {r['department_name']} {r['fiscal_year']} ({r['source_file']}): tables {r['tables_incomplete']}")
    _more(len(incomplete), f"{DIM_REPORT}.tables_incomplete")
    if refused:
        print(f"\nFiles refused ({len(refused)}):")
    for r in refused[:SHOWN]:
        print(f"  {r['reason']}")
    _more(len(refused), "last_run.json")


def _finish(db: Path, summary: dict) -> Path | str:
    summary["finished_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        return write_run_summary(db, summary)
    except OSError as err:  # a full disk must not turn a finished build into a traceback
        print(f"warning: could not record the run beside {db}: {err.strerror or err}", file=sys.stderr)
        return "(not written)"


def _wan(v) -> str:
    return figure(v, "元", missing="-")


def _figure(value, unit: str | None, sign: bool = False) -> str:
    return figure(value, unit, sign, missing="(not stated)")


def _place(at: str | None, page: int | None, page_line: int | None) -> str:
    return place(at, page, page_line, missing="-")


SHOWN = 10  # reports printed in full after a build; the rest are in the warehouse


def _more(total: int, where: str) -> None:
    if total > SHOWN:
        print(f"  … and {total - SHOWN:,} more reports ({where})")


def _print_headline(db: Path) -> None:
    rows, total = headline(db, SHOWN)
    for dept, year, rid, income, spend, basic, project, three, vehicles, missing, issues, kind, three_budget in rows:
        print(f"\n{dept} {year} {'budget 部门预算' if kind == 'budget' else 'final accounts 部门决算'} (report {rid})")
        print(f"  income 本年收入合计           {_wan(income)}")
        print(f"  expenditure 本年支出合计      {_wan(spend)}  (basic {_wan(basic)}, project {_wan(project)})")
        if kind == "budget":
            print(f"  三公 budget 预算              {_wan(three_budget)}")
        else:
            print(f"  三公 final 决算               {_wan(three)}  (budget 年初预算 {_wan(three_budget)})")
            print(f"  vehicles held 车辆            {vehicles if vehicles is not None else '-'}")
        if missing:
            print(f"  tables missing: {missing}")
        if issues:
            print(f"  parse issues: {issues} (see {LOAD_ISSUES})")
    _more(total, DIM_REPORT)


def _print_audit(db: Path, summary: list[tuple]) -> None:
    print(f"\nIdentity checks ({REPORT_SUMMARY}): checked / held / rounding / discrepancy / families skipped")
    for dept, year, checked, held, rounding, discrepancy, skipped in summary[:SHOWN]:
        print(f"  {dept} {year}: {checked} / {held} / {rounding} / {discrepancy} / {skipped}")
    _more(len(summary), REPORT_SUMMARY)
    findings = top_findings(db)
    if findings:
        print(f"\nTop findings ({FINDINGS}; printed vs expected):")
    for dept, year, severity, check, obj, unit, expected, actual, diff, at, page, page_line in findings:
        print(
            f"  {severity:<11} {dept} {year} {check}: {obj} printed {_figure(actual, unit)} at {_place(at, page, page_line)},"
            f" expected {_figure(expected, unit)} (difference {_figure(diff, unit, sign=True)})"
        )


def _run(args, root: Path) -> int:
    loaded, refused, _ = _load_files(args, root)
    if loaded == EXIT_NOTHING:
        db = _db(args, root)
        _finish(db, {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "warehouse": str(db),
                     "status": "nothing_loaded", "exit_code": EXIT_NOTHING, "files_refused": refused,
                     "error": "no file could be loaded; the warehouse was not built"})
        return loaded
    return _build(args, root, refused, loaded)


def _check(args, root: Path) -> int:
    """Parse the files and run every model on them in memory: the findings, no warehouse."""
    from juesuan.cli.check import check_files
    from juesuan.warehouse.compiled import has_plan

    if not has_plan(root):
        print("preparing checks: dbt seeds and compiles the project once for this version of the models (~30 s) …",
              file=sys.stderr, flush=True)
    try:
        result = check_files([Path(p) for p in args.paths], root, file_timeout=args.file_timeout,
                             progress=_Progress(), file_memory=args.file_memory)
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_NOTHING
    out = result.outcome
    for err in out.failed:
        print(f"error: {err}", file=sys.stderr)
    if not out.loaded:
        print("error: nothing was loaded", file=sys.stderr)
        return EXIT_NOTHING
    for r in out.loaded:
        print(r.summary)
    print(f"\nIdentity checks: checked / held / rounding / discrepancy / families skipped")
    for dept, year, checked, held, rounding, discrepancy, skipped in result.summary:
        print(f"  {dept} {year}: {checked} / {held} / {rounding} / {discrepancy} / {skipped}")
    for _, dept, year, source, tables in result.incomplete:
        print(f"  {dept} {year} ({source}): tables with unreadable rows: {tables}")
    for source, (node, reason) in result.left_out.items():
        print(f"  {source}: not checked, {node} failed on its rows: {reason}")
    if result.findings:
        print(f"\nFindings ({len(result.findings)}; printed vs expected, with the lines their figures are on):")
    for dept, year, severity, check, obj, unit, expected, actual, diff, at, page, page_line, lines in result.findings:
        print(f"  {severity:<11} {dept} {year} {check}: {obj} printed {_figure(actual, unit)} at "
              f"{_place(at, page, page_line)}, expected {_figure(expected, unit)} "
              f"(difference {_figure(diff, unit, sign=True)})" + (f"\n              lines {lines}" if lines else ""))
    discrepancies = sum(1 for f in result.findings if f[2] == "discrepancy")
    return _worst(EXIT_PARTIAL if out.failed or result.incomplete or result.left_out else EXIT_OK,
                  EXIT_FINDINGS if discrepancies else EXIT_OK)


def _report(args, root: Path) -> int:
    """The warehouse as a static site (read-only): an index and one page per report."""
    from juesuan.cli.site import write_site

    db = _db(args, root)
    if not db.exists():
        print(f"error: no warehouse at {db}: run `juesuan run PATH...` first", file=sys.stderr)
        return EXIT_NOTHING
    out = Path(args.out) if args.out else _site_default(db)
    try:
        pages = write_site(db, out, _protected(args, root))
    except _duckdb_errors() as err:
        print(f"error: {db}: {_first_line(err)}", file=sys.stderr)
        return EXIT_NOTHING
    out = pages[0].parent
    print(f"wrote {len(pages)} pages to {out}; open {out / 'index.html'} in a browser (no network needed)")
    return EXIT_OK


def _duckdb_errors() -> tuple[type, ...]:
    import duckdb

    return (duckdb.Error,)


def _first_line(err: BaseException) -> str:
    return (str(err).splitlines() or [type(err).__name__])[0]


def _limits(args) -> Limits:
    return Limits(timeout=args.timeout, memory_limit=args.memory_limit, temp_limit=args.temp_limit,
                  max_sql_chars=args.max_sql_chars, max_rows=args.max_rows)


def _read_sql_file(name: str) -> str:
    path = Path(name)
    try:
        if not path.is_file():
            raise LoadError(name, "not a file" if path.exists() else "no such file", hint="give -f the path of a .sql file")
        data = path.read_bytes()
    except OSError as err:
        raise LoadError(name, f"cannot read: {err.strerror or err}") from None
    return _decode_sql(data, name)


def _decode_sql(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LoadError(name, f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})",
                        hint="save the SQL as UTF-8") from None


def _query(args, root: Path) -> int:
    db = _db(args, root)
    _check_out(args, root, args.format if args.format != "table" else "csv")
    try:
        if args.file:
            sql = _read_sql_file(args.file)
        elif args.sql is not None:
            sql = args.sql
        elif not sys.stdin.isatty():
            sql = _decode_sql(sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode(), "standard input")
        else:
            return _interactive(db, args)
    except LoadError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_NOTHING
    return _answer(db, sql, args)


def _answer(db: Path, sql: str, args) -> int:
    try:
        result = run_query(db, sql, _limits(args))
    except QueryRefused as err:
        print(f"refused: {err}", file=sys.stderr)
        return EXIT_NOTHING
    except QueryStopped as err:
        print(str(err), file=sys.stderr)
        return EXIT_NOTHING
    except (FileNotFoundError, ValueError, WarehouseLocked) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_NOTHING
    except Exception as err:  # a runtime error of a read: name, types, division…
        print(f"error: {type(err).__name__}: {(str(err).splitlines() or [''])[0]}", file=sys.stderr)
        return EXIT_NOTHING
    try:
        text = write_result(result, args.format, Path(args.out) if args.out else None, raw=args.raw)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_NOTHING
    except (OSError, MemoryError) as err:
        if is_out_of_memory(err):
            print(memory_stop(_limits(args)), file=sys.stderr)
        else:
            print(f"error: {args.out}: cannot write: {err.strerror or err}", file=sys.stderr)
        return EXIT_NOTHING
    if text is not None:
        print(text)
    else:
        print(f"wrote {len(result.table)} rows to {args.out}")
    return EXIT_OK


def _interactive(db: Path, args) -> int:
    try:
        import readline  # noqa: F401  (line editing and history for input(), where the platform has it)
    except ImportError:
        pass
    print(f"juesuan query: read-only SQL on {db}. End a statement with ';'; \\q quits; Ctrl-C drops the statement.")
    print(f"Tables: {DIM_REPORT}, {FINDINGS}, … ({' and '.join(PUBLIC_SCHEMAS)} may go unqualified; "
          "`show all tables` lists all).")
    buffer: list[str] = []
    while True:
        try:
            line = input("juesuan> " if not buffer else "   ...> ")
        except EOFError:
            print()
            return EXIT_OK
        except KeyboardInterrupt:
            print("\n(statement dropped; \\q quits)" if buffer else "\n(\\q quits)")
            buffer = []
            continue
        if line.strip() in ("\\q", "quit", "exit") and not buffer:
            return EXIT_OK
        buffer.append(line)
        if line.rstrip().endswith(";"):
            try:
                _answer(db, "\n".join(buffer), args)
            except KeyboardInterrupt:
                print("(interrupted)", file=sys.stderr)
            buffer = []


def _export(args, root: Path) -> int:
    out = Path(args.to)
    try:
        if args.dialect:
            target = dbt_target(root) / "export"
            code = run_dbt(["compile"], root, {"JUESUAN_DB": str(target / "compile.duckdb"),
                                                "JUESUAN_PARSED_DIR": str(parsed_dir(root).resolve())}, target)
            if code != 0:
                print("error: dbt compile failed (see its output above)", file=sys.stderr)
                return EXIT_NOTHING
            files = export_dialect(target, out, args.dialect, _protected(args, root))
            print(f"wrote {len(files)} models as {args.dialect} SQL to {out / args.dialect}")
        else:
            manifest = export_tables(_db(args, root), root, out, args.format, _protected(args, root), args.raw)
            rows = sum(t["rows"] for t in manifest["tables"])
            print(f"wrote {len(manifest['tables'])} tables ({rows} rows) as {args.format} to {out}, with manifest.json")
    except (NotPortable, FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_NOTHING
    except _duckdb_errors() as err:
        print(f"error: {_db(args, root)}: {_first_line(err)}", file=sys.stderr)
        return EXIT_NOTHING
    return EXIT_OK


def _docs(args, root: Path) -> int:
    """dbt's documentation site of the warehouse, as one HTML file that opens from disk."""
    db = _db(args, root)
    if not db.exists():
        print(f"error: no warehouse at {db}: run `juesuan run PATH` or `juesuan build` first", file=sys.stderr)
        return EXIT_NOTHING
    _check_out(args, root, "html")
    target = dbt_target(root) / "docs"
    code = run_dbt(["docs", "generate", "--static"], root,
                   {"JUESUAN_DB": str(db), "JUESUAN_PARSED_DIR": str(parsed_dir(root).resolve())}, target)
    page = target / "static_index.html"
    if code != 0 or not page.exists():
        print("error: dbt docs generate failed (see its output above)", file=sys.stderr)
        return EXIT_NOTHING
    out = Path(args.out) if args.out else page
    if args.out:
        out.parent.mkdir(parents=True, exist_ok=True)
        writers.write_text(out, page.read_text(encoding="utf-8"))
    print(f"documentation: {out.resolve()} (open it in a browser; every model, column, test and lineage)")
    return EXIT_OK


def _extract_text(args, root: Path) -> int:
    src = Path(args.pdf)
    _check_out(args, root, "text")
    try:
        data = src.read_bytes()
        if not data.startswith(b"%PDF-"):
            raise LoadError(str(src), "not a PDF (no %PDF- header)", hint="extract-text reads PDF files; text reports load as they are")
        text = pdf_to_text(data, str(src))
    except OSError as err:
        print(f"error: {src}: cannot read file: {err.strerror or err}", file=sys.stderr)
        return EXIT_NOTHING
    except LoadError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_NOTHING
    if not args.out:
        # A terminal gets the text escaped; a pipe or file gets it as `load` reads it (form feeds).
        (sys.stdout.write if sys.stdout.isatty() else lambda t: terminal.write_raw(sys.stdout, t))(text)
        return EXIT_OK
    out = Path(args.out)
    writers.write_text(out, text)  # never a half-written file under the name a later `juesuan load` reads
    print(f"wrote {out}: {text.count(PAGE_SEPARATOR) + 1} pages, {text.count(chr(10))} lines")
    return EXIT_OK


def _db_option(p) -> None:
    p.add_argument("--db", help="warehouse file (default: $JUESUAN_DB or warehouse/juesuan.duckdb)")


def _force_option(p, kind: str) -> None:
    p.add_argument("--force", action="store_true", help=f"replace the file named by --out if it is a {kind} file")


def _raw_option(p) -> None:
    p.add_argument("--raw", action="store_true", help="CSV: write text cells as they are, without the apostrophe "
                   "that keeps a spreadsheet from reading `=`, `+`, `-`, `@` as a formula")


def _verbose_option(p) -> None:
    p.add_argument("--verbose", action="store_true",
                   help="print every issue of every report loaded (by default their count and the file that lists them)")


def _file_timeout_option(p) -> None:
    p.add_argument("--file-timeout", type=float, metavar="SECONDS",
                   help="refuse a file whose parse takes longer (default $JUESUAN_FILE_TIMEOUT or 120; 0: no limit)")
    p.add_argument("--file-memory", metavar="SIZE",
                   help="refuse a file whose parse needs more memory (default $JUESUAN_FILE_MEMORY or 4GB; 0: no limit)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="juesuan", description="Final-accounts reports (部门决算) to a DuckDB warehouse.")
    parser.add_argument("--version", action="version", version=f"juesuan {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("load", help="parse report files or folders into seed CSVs under seeds/parsed/")
    p.add_argument("paths", nargs="+", help="report files (.pdf, .txt) or folders of them")
    _file_timeout_option(p)
    _verbose_option(p)
    p.set_defaults(func=_load)

    p = sub.add_parser("extract-text", help="write a PDF report's page text (tables as TAB-separated grid rows), the text `load` reads")
    p.add_argument("pdf", help="a PDF report")
    p.add_argument("-o", "--out", help="write to this file (default: standard output); do not put it beside the PDF "
                   "in a folder you load, or the report is loaded twice")
    _force_option(p, "text")
    p.set_defaults(func=_extract_text)

    p = sub.add_parser("remove", help="remove loaded reports (by report id or source path) from the seeds")
    p.add_argument("targets", nargs="+", help="report ids or the paths they were loaded from")
    p.set_defaults(func=_remove)

    p = sub.add_parser("prune", help="remove loaded reports whose source file is gone or changed")
    p.set_defaults(func=_prune)

    p = sub.add_parser("build", help="dbt build the warehouse from the parsed seeds, with all tests "
                       "(only the reports added or removed since the last build, where the models are unchanged)")
    _db_option(p)
    p.add_argument("--full", action="store_true", help="rebuild every report, not just the ones that changed")
    p.add_argument("--target", choices=("duckdb", "spark"), default="duckdb",
                   help="spark: build on Apache Spark (pip install -e '.[spark]'; settings in profiles.yml, README)")
    p.set_defaults(func=_build)

    p = sub.add_parser("run", help="load, then build, then print headline figures")
    p.add_argument("paths", nargs="+", help="report files (.pdf, .txt) or folders of them")
    _db_option(p)
    p.add_argument("--full", action="store_true", help="rebuild every report, not just the ones that changed")
    _file_timeout_option(p)
    _verbose_option(p)
    p.set_defaults(func=_run)

    p = sub.add_parser("check", help="parse report files and print their findings, without touching the warehouse "
                       "(the same models as `build`, run in memory)")
    p.add_argument("paths", nargs="+", help="report files or folders of them")
    _file_timeout_option(p)
    p.set_defaults(func=_check)

    p = sub.add_parser("report", help="write the warehouse as a static site: one page per report (figures, charts, "
                       "findings with their printed lines, coverage) and an index")
    _db_option(p)
    p.add_argument("--out", help="folder to write (default: site/ beside the warehouse): a new or empty folder, or a "
                   "site juesuan wrote, which is replaced whole")
    p.set_defaults(func=_report)

    p = sub.add_parser("query", help="read-only SQL against the warehouse (SQL, -f FILE, stdin, or a prompt)")
    p.add_argument("sql", nargs="?", help="one SELECT (or WITH, DESCRIBE, SHOW)")
    p.add_argument("-f", "--file", help="read the SQL from a file")
    p.add_argument("--format", default="table", choices=list(QUERY_FORMATS))
    p.add_argument("--out", help="write the result to a new file (required for parquet)")
    _force_option(p, "CSV, JSON or parquet")
    _raw_option(p)
    _db_option(p)
    limits = Limits()
    p.add_argument("--timeout", type=float, default=limits.timeout, metavar="SECONDS",
                   help=f"stop a query after this many seconds (default {limits.timeout:g})")
    p.add_argument("--memory-limit", default=limits.memory_limit, metavar="SIZE",
                   help=f"DuckDB's memory for one query (default {limits.memory_limit})")
    p.add_argument("--temp-limit", default=limits.temp_limit, metavar="SIZE",
                   help=f"temporary disk a query may spill to, removed after it (default {limits.temp_limit})")
    p.add_argument("--max-sql-chars", type=int, default=limits.max_sql_chars, metavar="N",
                   help=f"longest SQL accepted (default {limits.max_sql_chars:,})")
    p.add_argument("--max-rows", type=int, default=limits.max_rows, metavar="N",
                   help=f"most rows of one result (default {limits.max_rows:,})")
    p.set_defaults(func=_query)

    p = sub.add_parser("export", help="every mart and audit table for BI tools, or the models' SQL for another engine")
    p.add_argument("--to", required=True, help="output folder: new, empty, or one juesuan exported to before")
    p.add_argument("--format", default="parquet", choices=list(FORMATS))
    _raw_option(p)
    p.add_argument("--dialect", choices=list(DIALECTS), help="write the models' SQL for this engine instead")
    _db_option(p)
    p.set_defaults(func=_export)

    p = sub.add_parser("docs", help="dbt's documentation of every table and column, as one HTML page that opens from disk")
    p.add_argument("--out", help="write the page to this new file (default: target/docs/static_index.html)")
    _force_option(p, "HTML")
    _db_option(p)
    p.set_defaults(func=_docs)

    p = sub.add_parser("reports", help="list the loaded reports: id, department, year, file, tables, findings")
    p.add_argument("--format", default="table", choices=["table", "csv", "json"])
    _db_option(p)
    p.set_defaults(func=_reports)

    p = sub.add_parser("findings", help="the findings of one report (by id, file name or department), or of all")
    p.add_argument("report", nargs="?", help="a report id, its file name, or part of its department's name")
    p.add_argument("--format", default="table", choices=["table", "csv", "json"])
    _db_option(p)
    p.set_defaults(func=_findings)

    args = parser.parse_args(argv)
    logging.getLogger("sqlglot").setLevel(logging.ERROR)  # its fallback notices are not for users
    try:
        with terminal.safe_output():
            return args.func(args, project_root())
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output left (`juesuan query … | head`): not an error of ours. Point
        # stdout at /dev/null so the interpreter's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    # What every command may meet, said once here: a target it may not write, a warehouse another
    # program holds, a flag's value. (Printed after the escaping stream is gone: escaped here.)
    except OutputRefused as err:
        print(terminal.escaped(f"refused: {err}"), file=sys.stderr)
        return EXIT_NOTHING
    except (UsageError, WarehouseLocked) as err:
        print(terminal.escaped(f"error: {err}"), file=sys.stderr)
        return EXIT_NOTHING
    except OSError as err:  # a full disk, a read-only folder: one line naming the file, never a traceback
        print(terminal.escaped(f"error: {os_error_line(err)}"), file=sys.stderr)
        return EXIT_NOTHING


if __name__ == "__main__":
    sys.exit(main())
