"""Build the warehouse with dbt, atomically, and read headline figures from it."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from juesuan import writers
from juesuan.warehouse.compiled import CompiledProject, compiled_project, connect, create_models, load_seeds, run_tests, save_plan_from_build
from juesuan.warehouse.dbt import dbt_target, run_dbt
from juesuan.errors import BuildError
from juesuan.warehouse import quarantine
from juesuan.warehouse.incremental import Plan, merge_reports, plan_build, write_build_info
from juesuan.warehouse.quarantine import Quarantined
from juesuan.warehouse.sql import GLOBAL_TAG, HEADLINE_SQL, INCOMPLETE_SQL, QUARANTINED_SQL, REPORT_COUNT_SQL, SUMMARY_SQL, TOP_FINDINGS_SQL, TOTALS_SQL, TWICE_SQL
from juesuan.load.seeds import compact, loaded_reports, stale_reports


def default_db(root: Path) -> Path:
    env = os.environ.get("JUESUAN_DB")
    return Path(env).resolve() if env else root / "warehouse" / "juesuan.duckdb"


@contextlib.contextmanager
def build_lock(db: Path):
    """One build at a time per warehouse file; a second one fails at once instead of waiting."""
    db.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db.with_name(db.name + ".lock")
    with lock_path.open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"another build of {db} is running (lock {lock_path}); try again when it ends") from None
        fh.write(str(os.getpid()))
        fh.flush()
        yield


@dataclass
class BuildResult:
    db: Path
    seconds: float
    results: list[dict]  # dbt's run_results: one per seed, model and test
    plan: Plan | None = None  # what the build did: full, incremental or nothing
    phases: dict[str, float] = field(default_factory=dict)  # seconds per step, for last_run.json

    @property
    def nodes(self) -> int:
        return len(self.results)

    def count(self, *statuses: str) -> int:
        return sum(1 for r in self.results if r.get("status") in statuses)


def _remove_db_files(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def write_run_summary(db: Path, summary: dict) -> Path:
    """`last_run.json` beside the warehouse (replaced atomically) and one line in `runs.log`."""
    db.parent.mkdir(parents=True, exist_ok=True)
    path = db.with_name("last_run.json")
    writers.write_text(path, json.dumps(summary, ensure_ascii=False, indent=2, default=str))
    fields = [summary["finished_at"], summary["status"], f"exit={summary['exit_code']}"]
    # Only what the run knows: a refused or failed run has no report counts to log.
    for key, name in (("reports", "reports"), ("discrepancy_findings", "discrepancies"), ("seconds", "seconds")):
        if summary.get(key) is not None:
            fields.append(f"{name}={summary[key]}")
    for key, name in (("files_refused", "refused"), ("reports_incomplete", "incomplete"),
                      ("reports_quarantined", "quarantined")):
        if summary.get(key):
            fields.append(f"{name}={len(summary[key])}")
    if summary.get("error"):
        fields.append(summary["error"])
    with db.with_name("runs.log").open("a", encoding="utf-8") as log:
        log.write(" ".join(str(f) for f in fields) + "\n")
    return path


def present_reports(parsed: Path) -> list[str]:
    """Ids of the reports loaded under `parsed` (complete folders only)."""
    if not parsed.exists():
        return []
    return sorted(d.name for d in parsed.iterdir() if (d / "reports.csv").exists() and not d.name.startswith("."))


def build(root: Path, db: Path, parsed: Path, full: bool = False) -> BuildResult:
    """Build into a temporary file and swap it in only when every model and test passed: the
    whole warehouse, or, where only some reports were added or removed since the last build,
    just those (see `incremental`)."""
    present = present_reports(parsed)
    if not present:
        raise BuildError(f"no parsed reports under {parsed}; run `juesuan load PATH` first")
    stale = stale_reports(parsed, present)
    if stale:
        shown = ", ".join(Path(r.source_path).name for r in stale[:3]) + (" …" if len(stale) > 3 else "")
        raise BuildError(f"{len(stale)} report(s) under {parsed} have seed files whose columns are not the ones this "
                         f"juesuan declares (loaded by an older juesuan, or edited since) ({shown}): load them again "
                         "(`juesuan load PATH`; the same files are parsed anew) or take them out (`juesuan prune`, "
                         "`juesuan remove ID`)")
    target = dbt_target(root)
    with build_lock(db):
        plan = plan_build(root, db, parsed, present, force_full=full)
        if plan.mode == "unchanged":
            return BuildResult(db, 0.0, [], plan)
        # A fixed name (the lock makes it ours): dbt re-parses the whole project whenever the
        # profile changes, and the profile names this file (measured: ~5 s of every build).
        tmp = db.with_name(f".{db.name}.building")
        _remove_db_files(tmp)
        started = time.monotonic()
        phases = Phases()
        try:
            if plan.mode == "incremental":
                try:
                    results = _build_incremental(root, db, parsed, tmp, target, plan, phases)
                except GlobalFailure as failure:
                    # The merged warehouse's dimensions failed their tests: only a build of every
                    # report can say which reports cause it.
                    plan = Plan("full", f"the incremental build's dimensions failed ({failure}); every report "
                                        "was built again", plan.new, plan.removed)
                    _remove_db_files(tmp)
                    results = _build_full(root, db, parsed, tmp, target, present, phases)
            else:
                results = _build_full(root, db, parsed, tmp, target, present, phases)
            write_build_info(tmp, root, plan.mode)
            os.replace(tmp, db)
        except BuildError:
            raise
        except (OSError, duckdb.IOException, duckdb.FatalException) as err:
            # A full disk at the last checkpoint, a vanished file: one line, and the warehouse
            # that was there stays as it was (the new one was never swapped in).
            reason = (str(err).splitlines() or [type(err).__name__])[0]
            raise BuildError(f"could not finish the new warehouse beside {db}: {reason}; "
                             "the previous warehouse was kept (free disk space and build again)") from None
        except duckdb.Error as err:
            reason = (str(err).splitlines() or [type(err).__name__])[0]
            raise BuildError(f"the build failed at its last step (merging or recording it): {reason}; "
                             "the previous warehouse was kept (`juesuan build --full` rebuilds it whole)") from None
        finally:
            _remove_db_files(tmp)
            _remove_parsed_view(db)  # a copy of every report's rows, once compacted
            shutil.rmtree(_isolation_folder(db), ignore_errors=True)
        return BuildResult(db, time.monotonic() - started, results, plan, phases.seconds)


# Rounds of building without the reports found to break it: each round's failure is explained
# by the reports it names, then the build runs again without them.
QUARANTINE_ROUNDS = 3


class GlobalFailure(Exception):
    """An incremental build's merged dimensions failed their tests."""


def _build_full(root: Path, db: Path, parsed: Path, tmp: Path, target: Path, present: list[str],
                phases: "Phases") -> list[dict]:
    """dbt builds every report; where it fails on some reports' rows, again without them (recorded
    in the warehouse, where `quarantined_reports` reads them)."""
    left_out: dict[str, Quarantined] = {}
    for _ in range(QUARANTINE_ROUNDS + 1):
        building = [rid for rid in present if rid not in left_out]
        if not building:
            break
        with phases("compact_parsed"):
            view = _parsed_view(db, parsed, building if left_out else None)
        with phases("dbt_build"):
            code, results = _dbt_build(["build"], root, tmp, view, target)
        if code == 0:
            with phases("save_compiled_plan"):
                # What the next incremental build runs: this build's own compiled SQL.
                save_plan_from_build(root, target, tmp, _dbt_env(tmp, view)["JUESUAN_PARSED_DIR"])
            if left_out:
                with phases("quarantine"):
                    _record_quarantine(tmp, list(left_out.values()))
            return results
        with phases("quarantine"):
            found = _explain(results, tmp, building, lambda: compiled_project(root, target), parsed, db)
        if not found:
            raise BuildError(_failure_summary(results, _reports_named_in(results, tmp, parsed)))
        left_out.update(found)
        _remove_db_files(tmp)
    raise BuildError(f"every report failed the build or kept failing it ({len(left_out)} left out: "
                     + "; ".join(q.line() for q in list(left_out.values())[:3]) + "); the previous warehouse was kept")


def _isolation_folder(db: Path) -> Path:
    return db.with_name(f".{db.name}.isolate")


def _explain(results: list[dict], built: Path | None, candidates: list[str], plan, parsed: Path, db: Path,
             base: list[str] = (), catalog: str | None = None) -> dict[str, Quarantined]:
    """The reports that explain a failed build (`quarantine.explain`), read from the warehouse the
    failed run left (`built`, when it left one; attached as `catalog`, the name its SQL uses, when
    that is not the file's own)."""
    work = _isolation_folder(db)
    work.mkdir(exist_ok=True)
    con = _open_failed(built, catalog)
    try:
        return quarantine.explain(results, con, candidates, plan, parsed, work, base)
    finally:
        if con is not None:
            con.close()
        shutil.rmtree(work, ignore_errors=True)


def _open_failed(built: Path | None, catalog: str | None = None) -> duckdb.DuckDBPyConnection | None:
    """The warehouse a failed run left, read-only (under `catalog` where its SQL names another);
    None where it left none, or none that opens."""
    if built is None or not built.exists():
        return None
    try:
        if catalog is None:
            return duckdb.connect(str(built), read_only=True)
        con = duckdb.connect()
        con.execute(f"attach '{built}' as \"{catalog}\" (read_only)")
        con.execute(f'use "{catalog}"')
        return con
    except duckdb.Error:
        return None


def _record_quarantine(db: Path, left_out: list[Quarantined]) -> None:
    con = duckdb.connect(str(db))
    try:
        quarantine.record(con, left_out)
        con.execute("checkpoint")
    finally:
        con.close()


class Phases:
    """Wall time of each step of a build, by name."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str):
        started = time.monotonic()
        try:
            yield
        finally:
            self.seconds[name] = round(self.seconds.get(name, 0) + time.monotonic() - started, 2)


def _parsed_view(db: Path, parsed: Path, reports: list[str] | None = None, copies: bool = False) -> Path:
    """The parsed dir as dbt sees it, always under one name (dbt re-parses every source and
    model that reads an environment variable whose value changed: ~3 s): for a full build the
    CSVs of every report (or of `reports`) compacted into batches (`seeds.compact`: DuckDB opens
    90 files for 10,000 reports, not 90,000); for an incremental one (`copies`) a folder with
    copies of just `reports`."""
    view = _remove_parsed_view(db)
    if not copies:
        compact(parsed, view, only=reports)
    else:
        view.mkdir()
        for rid in reports or []:
            shutil.copytree(parsed / rid, view / rid)  # a few small CSVs per report
    return view


def _remove_parsed_view(db: Path) -> Path:
    view = db.with_name(f".{db.name}.parsed")
    if view.is_symlink() or view.is_file():
        view.unlink()
    elif view.exists():
        shutil.rmtree(view)
    return view


def _dbt_env(db: Path, parsed: Path) -> dict[str, str]:
    # The warehouse file and the parsed view are named relative to their folder, where dbt runs:
    # dbt parses the whole project again (~7 s) whenever the profile's path or an environment
    # variable a model reads changes, and relative names are the same for every warehouse (a
    # `--db` elsewhere, each test's workspace).
    folder = db.parent.absolute()
    return {"JUESUAN_DB": db.name, "JUESUAN_PARSED_DIR": os.path.relpath(parsed.absolute(), folder)}


def _dbt_build(args: list[str], root: Path, db: Path, parsed: Path, target: Path) -> tuple[int, list[dict]]:
    (target / "run_results.json").unlink(missing_ok=True)  # never report a previous run's results
    code = run_dbt(args, root, _dbt_env(db, parsed), target, cwd=db.parent.absolute())
    results = _run_results(target)
    if code != 0 and not quarantine.failed(results):
        # dbt stopped before any node ran (a broken profile, a killed child): nothing to explain.
        raise BuildError(_failure_summary(results))
    return code, results


def _reports_named_in(results: list[dict], db: Path | None, parsed: Path,
                      catalog: str | None = None) -> dict[str, list[str]]:
    con = _open_failed(db, catalog)
    if con is None:
        return {}
    try:
        return _reports_named(results, con, parsed)
    finally:
        con.close()


def _build_incremental(root: Path, db: Path, parsed: Path, tmp: Path, target: Path, plan: Plan,
                       phases: Phases) -> list[dict]:
    """The changed reports built alone (every model and test), merged into a copy of the warehouse,
    whose dimensions are then rebuilt and tested over all reports. New reports whose rows break
    the build are left out, as a full build leaves them out (`quarantine`).

    Both steps run the SQL dbt compiled for this version of the models (`compiled`: saved by the
    last full build), not dbt itself: dbt's ~0.07 s of Python per node was ~20 s of adding 10
    reports to 10,000 for ~1 s of SQL."""
    work = db.with_name(f".{db.name}.incremental")
    shutil.rmtree(work, ignore_errors=True)
    try:
        work.mkdir()
        with phases("compiled_plan"):
            project = compiled_project(root, target)
        scratch, results, left_out = None, [], {}
        rebuilt, context = list(plan.rebuilt), list(plan.context)
        for _ in range(QUARANTINE_ROUNDS + 1):
            if not context:  # reports only removed (or every new one left out): only rows to drop
                scratch = None
                break
            subset = _parsed_view(db, parsed, context, copies=True)
            scratch = work / f"scratch-{len(left_out)}.duckdb"

            def build_changed(con) -> list[dict]:
                load_seeds(con, project)
                return create_models(con, project.steps, subset) + run_tests(con, project.tests)

            with phases("build_changed_reports"):
                results = _run_compiled(project, scratch, build_changed)
            if not quarantine.failed(results):
                break
            # Only new reports are left out: the others are in the warehouse already.
            candidates = [rid for rid in plan.new if rid in context]
            with phases("quarantine"):
                found = _explain(results, scratch, candidates, lambda: project, parsed, db,
                                 base=[rid for rid in context if rid not in candidates], catalog=project.database)
            if not found:
                raise BuildError(_failure_summary(results, _reports_named_in(results, scratch, parsed, project.database)))
            left_out.update(found)
            rebuilt = [rid for rid in rebuilt if rid not in left_out]
            context = [rid for rid in context if rid not in left_out]
        else:
            raise BuildError(_failure_summary(results, _reports_named_in(results, scratch, parsed, project.database)))
        with phases("copy_warehouse"):
            shutil.copyfile(db, tmp)
        with phases("merge"):
            merge_reports(tmp, scratch, rebuilt, plan.removed)
            if left_out:
                _record_quarantine(tmp, list(left_out.values()))
        with phases("rebuild_dimensions"):
            dims = _run_compiled(project, tmp, lambda con: _rebuild_global(con, project))
        if quarantine.failed(dims):
            raise GlobalFailure(", ".join(r["unique_id"] for r in quarantine.failed(dims)[:3]))
        return results + dims
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run_compiled(project: CompiledProject, db: Path, run) -> list[dict]:
    """`run(con)` on `db` opened under the plan's catalog, checkpointed when nothing failed; a
    model that fails is a failed result, as dbt records it."""
    con = connect(project, db)
    try:
        try:
            results = run(con)
        except BuildError as err:  # create_models stops at a failed model: the rest cannot be built
            return [{"unique_id": quarantine.node_and_reason(str(err))[0], "status": "error",
                     "message": str(err), "failures": None}]
        if not quarantine.failed(results):
            con.execute("checkpoint")
    finally:
        con.close()
    return results


def _rebuild_global(con: duckdb.DuckDBPyConnection, project: CompiledProject) -> list[dict]:
    """The models spanning every report (tag global) refilled from the merged rows, and the tests
    that read only them (dbt's cautious selection). Tables keep their declared types and column
    comments: their rows are replaced, not the tables; views read the merged tables already."""
    steps = [s for s in project.steps if GLOBAL_TAG in s.tags]
    uids = {s.unique_id for s in steps}
    results = []
    for step in steps:
        if step.materialized == "view":
            continue
        started = time.monotonic()
        con.execute("begin")
        con.execute(f"delete from {step.relation}")
        con.execute(f"insert into {step.relation} by name {step.sql}")
        con.execute("commit")
        results.append({"unique_id": step.unique_id, "status": "success", "message": "rows replaced",
                        "failures": None, "execution_time": time.monotonic() - started})
    return results + run_tests(con, [t for t in project.tests if t.parents and set(t.parents) <= uids])


def _run_results(target: Path) -> list[dict]:
    path = target / "run_results.json"
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("results", [])
    except (OSError, ValueError):
        return []


def _reports_named(results: list[dict], con: duckdb.DuckDBPyConnection, parsed: Path) -> dict[str, list[str]]:
    """{failed test: the reports (id and source file) of its failing rows}, read back from the
    warehouse being built (`con`), so that a structural break names the files to look at."""
    found, _ = quarantine.from_failing_rows(results, con)
    if not found:
        return {}
    files = {r.report_id: Path(r.source_path).name for r in loaded_reports(parsed)}
    named: dict[str, list[str]] = {}
    for rid, q in sorted(found.items()):
        named.setdefault(q.node, []).append(f"{rid} ({files.get(rid, 'file unknown')})")
    return named


def _failure_summary(results: list[dict], named: dict[str, list[str]] | None = None) -> str:
    named = named or {}
    failed = []
    for r in results:
        if r.get("status") not in quarantine.FAILED:
            continue
        line = f"  {r.get('unique_id')}: {r.get('status')} ({(r.get('message') or '').strip()[:300]})"
        if named.get(r.get("unique_id")):
            line += "\n    reports: " + ", ".join(named[r["unique_id"]])
        failed.append(line)
    detail = "\n".join(failed) or "  (no results recorded: see the dbt output above)"
    return f"dbt build failed; the previous warehouse was kept. Failed nodes:\n{detail}"


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def headline(db: Path, limit: int) -> tuple[list[tuple], int]:
    """The headline figures of the first `limit` reports, and how many reports there are."""
    return query(db, HEADLINE_SQL, [limit]), query(db, REPORT_COUNT_SQL)[0][0]


def audit_totals(db: Path) -> tuple[int, int, int]:
    """(reports, rounding findings, discrepancy findings) of the whole warehouse."""
    return query(db, TOTALS_SQL)[0]


def audit_summary(db: Path) -> list[tuple]:
    return query(db, SUMMARY_SQL)


def department_years_twice(db: Path) -> list[tuple]:
    """Departments with more than one report loaded for one year (a revised report beside the
    original, or the same report in two files)."""
    return query(db, TWICE_SQL)


def incomplete_reports(db: Path) -> list[tuple]:
    """Reports published with tables that have unreadable rows."""
    return query(db, INCOMPLETE_SQL)


def quarantined_reports(db: Path) -> list[Quarantined]:
    """The reports the builds of this warehouse left out (none for one built before quarantine)."""
    try:
        return [Quarantined(*row) for row in query(db, QUARANTINED_SQL)]
    except duckdb.CatalogException:
        return []


def top_findings(db: Path, limit: int = 10) -> list[tuple]:
    return query(db, TOP_FINDINGS_SQL, [limit])
