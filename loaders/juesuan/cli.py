"""The `juesuan` command line."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from .errors import BuildError
from .load import describe, load_paths
from .reference import project_root
from .seeds import parsed_dir
from .warehouse import audit_summary, build, default_db, headline, top_findings

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2


def _load(args, root: Path) -> int:
    out = load_paths([Path(p) for p in args.paths], parsed_dir(root))
    for report in out.loaded:
        print(describe(report))
        for issue in report.issues:
            where = f"{report.source_file}:{issue.source_line}" if issue.source_line else report.source_file
            print(f"  {issue.severity}: {where} [{issue.table_key or '-'}] {issue.message}")
    for rid in out.replaced:
        print(f"removed report {rid}: superseded by the new content of the same file")
    for err in out.failed:
        print(f"error: {err}", file=sys.stderr)
    if not out.loaded:
        print("error: nothing was loaded", file=sys.stderr)
        return EXIT_NOTHING
    return EXIT_PARTIAL if out.failed else EXIT_OK


def _build(args, root: Path) -> int:
    db = Path(args.db).resolve() if args.db else default_db(root)
    try:
        result = build(root, db, parsed_dir(root))
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_NOTHING
    print(f"\nwarehouse: {result.db} ({result.nodes} dbt nodes in {result.seconds:.1f} s)")
    _print_headline(result.db)
    _print_audit(result.db)
    return EXIT_OK


def _wan(v) -> str:
    return "-" if v is None else f"{Decimal(v) / 10000:,.2f} 万元"


def _print_headline(db: Path) -> None:
    for dept, year, rid, income, spend, basic, project, three, vehicles, missing, issues in headline(db):
        print(f"\n{dept} {year} (report {rid})")
        print(f"  income 本年收入合计           {_wan(income)}")
        print(f"  expenditure 本年支出合计      {_wan(spend)}  (basic {_wan(basic)}, project {_wan(project)})")
        print(f"  三公 final 决算               {_wan(three)}")
        print(f"  vehicles held 车辆            {vehicles if vehicles is not None else '-'}")
        if missing:
            print(f"  tables missing: {missing}")
        if issues:
            print(f"  parse issues: {issues} (see staging.stg_parsed__load_issues)")


def _print_audit(db: Path) -> None:
    print("\nIdentity checks (audit.report_summary): checked / held / rounding / discrepancy / families skipped")
    for dept, year, checked, held, rounding, discrepancy, skipped in audit_summary(db):
        print(f"  {dept} {year}: {checked} / {held} / {rounding} / {discrepancy} / {skipped}")
    findings = top_findings(db)
    if findings:
        print("\nTop findings (audit.findings; printed vs expected):")
    for dept, year, severity, check, obj, unit, expected, actual, diff, at, others in findings:
        print(
            f"  {severity:<11} {dept} {year} {check}: {obj} printed {_figure(actual, unit)} at {at or '-'},"
            f" expected {_figure(expected, unit)} (difference {_figure(diff, unit, sign=True)})"
        )


def _figure(value, unit: str | None, sign: bool = False) -> str:
    """Money in 元 is shown in 万元, as the reports print it; other units as they are."""
    if value is None:
        return "(not stated)"
    if unit == "元":
        return f"{Decimal(value) / 10000:{'+' if sign else ''},.2f} 万元"
    return f"{Decimal(value).normalize():{'+' if sign else ''}f} {unit or ''}".rstrip()


def _run(args, root: Path) -> int:
    loaded = _load(args, root)
    if loaded == EXIT_NOTHING:
        return loaded
    built = _build(args, root)
    return built if built != EXIT_OK else loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="juesuan", description="Final-accounts reports (部门决算) to a DuckDB warehouse.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("load", help="parse report files or folders into seed CSVs under seeds/parsed/")
    p.add_argument("paths", nargs="+", help="report files (.txt) or folders of them")
    p.set_defaults(func=_load)

    p = sub.add_parser("build", help="dbt build the warehouse from the parsed seeds, with all tests")
    p.add_argument("--db", help="warehouse file (default: $JUESUAN_DB or warehouse/juesuan.duckdb)")
    p.set_defaults(func=_build)

    p = sub.add_parser("run", help="load, then build, then print headline figures")
    p.add_argument("paths", nargs="+", help="report files (.txt) or folders of them")
    p.add_argument("--db", help="warehouse file (default: $JUESUAN_DB or warehouse/juesuan.duckdb)")
    p.set_defaults(func=_run)

    args = parser.parse_args(argv)
    return args.func(args, project_root())


if __name__ == "__main__":
    sys.exit(main())
