"""Load report files into seed CSVs: skip what is loaded already, parse the rest on every core,
write each report atomically, report what happened."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from juesuan import writers
from juesuan.errors import LoadError, UsageError
from juesuan.read.formats import DOCUMENT_SUFFIXES
from juesuan.parse.model import Issue, ParsedReport
from juesuan.processes import TimedOut, WorkerDied, map_with_time_limit, size_in_bytes
from juesuan.parse.report import parse_file, parse_files
from juesuan.load.seeds import MEMBERS_FILE, PARTS_FILE, edited_off_contract, has_current_contract, loaded_reports, remove_report, report_parts, write_report
from juesuan.parse.source import report_id_of_digest

REPORT_SUFFIXES = {".txt", ".pdf", *DOCUMENT_SUFFIXES}
# Seconds one file may take to parse. A 25-page PDF takes ~2 s; one flipped byte in a PDF's
# compressed stream kept pdfminer busy for 150–400 s. JUESUAN_FILE_TIMEOUT or --file-timeout.
FILE_TIMEOUT = 120.0
# Memory one file's worker may take (its address space). A 171-page PDF peaks at ~130 MB; a
# 4 KB Word file of huge spans or a 10 MB zip bomb took 5-6 GB before the structural limits of
# `formats` stopped them, and this bounds what no such limit foresaw: two workers at 4 GB leave
# a 24 GB machine room for everything else. JUESUAN_FILE_MEMORY or --file-memory.
FILE_MEMORY = "4GB"


@dataclass(frozen=True)
class FileLimits:
    """What parsing one file may take: seconds (None: no limit) and bytes of memory (None: no limit)."""

    seconds: float | None
    memory: int | None

    @classmethod
    def of(cls, seconds: float | None = None, memory: str | None = None) -> "FileLimits":
        """The limits given (a flag's values), else the environment's, else the defaults."""
        seconds = float(os.environ.get("JUESUAN_FILE_TIMEOUT", FILE_TIMEOUT)) if seconds is None else seconds
        memory = memory or os.environ.get("JUESUAN_FILE_MEMORY") or FILE_MEMORY
        size = size_in_bytes(memory)
        if size is None and memory not in ("0", "none"):
            raise UsageError(f"--file-memory {memory!r} is not a size (e.g. 4GB, 512MB; 0 for none)")
        return cls(seconds or None, size or None)


def collect_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the report files under each folder (recursively, sorted); each file
    once, however often it was named."""
    out: list[Path] = []
    seen: set[str] = set()
    real_dirs: dict[str, str] = {}
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
                           and not f.name.startswith((".", "~$")))  # hidden files, Office's lock files
        else:
            found = [p]  # a missing or odd file is reported by the loader, by name
        for f in found:
            key = real_path(f, real_dirs)
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def real_path(path: Path, real_dirs: dict[str, str]) -> str:
    """`str(path.resolve())`, each folder resolved once: resolving a path checks every folder on
    the way for a link, and a load looks at each of 10,000 files of one folder twice."""
    text = os.fspath(path)
    head, name = os.path.split(text)
    if name in ("", ".", "..") or os.path.islink(text):
        return os.path.realpath(text)
    real = real_dirs.get(head)
    if real is None:
        real = real_dirs[head] = os.path.realpath(head or ".")
    return os.path.join(real, name)


def _not_a_regular_file(path: Path) -> LoadError | None:
    """A FIFO, device or socket named like a report would block the read forever: refused."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return LoadError(str(path), "no such file")
    except OSError as err:
        return LoadError(str(path), f"cannot read file: {err.strerror or err}")
    if not stat.S_ISREG(mode):
        return LoadError(str(path), "not a regular file (a pipe, device or socket)", hint="give the path of a report file")
    return None


@dataclass(frozen=True)
class Loaded:
    """What the CLI needs of a loaded report (the parsed report itself stays in its worker)."""

    report_id: str
    source_file: str
    source_path: str
    department_name: str
    fiscal_year: int
    summary: str
    issues: list[Issue]
    parts: dict  # seeds.report_parts: what it holds, the names it gives itself, its files


@dataclass
class LoadOutcome:
    loaded: list[Loaded] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # files whose content is loaded already
    failed: list[LoadError] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # report ids superseded by a new version of the same file
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, the file of this batch with its content)
    merged: list[tuple[str, list[str]]] = field(default_factory=list)  # (report id, its files) read as one report
    not_joined: list[LoadError] = field(default_factory=list)  # parts of one report, loaded each on its own




class FileIndex:
    """The report id of each file seen, trusted while its size and mtime stay the same, so that
    finding the 10 new files in a folder of 10,000 does not read 1.7 GB (as git's index does).
    An entry is trusted only if the file was last modified a second or more before it was hashed:
    a file written again within the same clock tick is hashed again."""

    def __init__(self, parsed_dir: Path):
        # Beside the parsed dir, not in it: that holds one folder per report and nothing else.
        self.path = parsed_dir.with_name(parsed_dir.name + ".index.json")
        try:
            self.entries: dict[str, list] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}
        self.changed = False
        self._real_dirs: dict[str, str] = {}

    def report_id(self, path: Path) -> str | None:
        """The report id a file would get, without parsing it; None if unreadable."""
        try:
            st = os.stat(path)
            key = real_path(path, self._real_dirs)
            hit = self.entries.get(key)
            if hit and hit[0] == st.st_size and hit[1] == st.st_mtime_ns and st.st_mtime_ns < hit[3] - 1_000_000_000:
                return hit[2]
            rid = report_id_of_digest(hashlib.sha256(path.read_bytes()).hexdigest())
        except OSError:
            return None
        self.entries[key] = [st.st_size, st.st_mtime_ns, rid, time.time_ns()]
        self.changed = True
        return rid

    def save(self) -> None:
        if not self.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        writers.write_text(self.path, json.dumps(self.entries, ensure_ascii=False))




def _load_one(path: Path, parsed_dir: Path) -> Loaded | LoadError:
    """Parse and write one file; whatever goes wrong is this file's LoadError, never the batch's."""
    return _load(path, parsed_dir, lambda: parse_file(path))


def _load_set(files: tuple[Path, ...], parsed_dir: Path) -> Loaded | LoadError:
    """Parse and write the files of one report as one report (their folder is its path)."""
    folder = files[0].parent
    return _load(folder, parsed_dir, lambda: parse_files(list(files), folder))


def _load(path: Path, parsed_dir: Path, parse) -> Loaded | LoadError:
    try:
        report = parse()
        refused: list[Issue] = []
        write_report(report, path, parsed_dir, refused)
    except LoadError as err:
        return err
    except OSError as err:
        if err.errno == errno.ENOSPC:
            return LoadError(str(path), f"no space left on the device of {parsed_dir} while writing its seeds",
                             hint="free some space and load again; what was loaded before is intact")
        return LoadError(str(path), f"cannot read or write: {err.strerror or err}")
    except RecursionError:
        return LoadError(str(path), "the text nests too deeply to parse", hint="check that the file is a report")
    except MemoryError:
        return LoadError(str(path), "reading it needed more memory than one file may take, and was stopped",
                         hint="a damaged or hostile file looks like this; if it is a real report, raise the limit "
                              "with --file-memory SIZE")
    except Exception as err:  # a parser defect must not stop the batch; it is named, not hidden
        return LoadError(str(path), f"internal error while parsing: {type(err).__name__}: {err}",
                         hint="please report it with the file")
    issues = [*report.issues, *refused]
    return Loaded(report.report_id, report.source_file, str(path.resolve()), report.department_name,
                  report.fiscal_year, describe(report, issues), issues, report_parts(report))


def _outcome_of(path, result) -> Loaded | LoadError:
    """The worker's answer for `path` (a file, or the files of one report), a timeout or a dead
    worker as this file's LoadError."""
    if isinstance(path, tuple):
        path = path[0].parent
    if isinstance(result, TimedOut):
        return LoadError(str(path), f"reading it took longer than the limit of {result.seconds:g} s and was stopped",
                         hint="a damaged PDF can keep the PDF reader busy for many minutes; check the file, "
                              "or raise the limit with --file-timeout SECONDS")
    if isinstance(result, WorkerDied):
        return LoadError(str(path), f"the parser process ended without an answer (exit code {result.exitcode})",
                         hint="the file may be damaged, or its parse needed more memory than --file-memory allows")
    return result


@contextmanager
def load_lock(parsed_dir: Path):
    """One load of `parsed_dir` at a time: a second waits for the first (each clears the work
    folders of killed workers, which would be the other's live ones)."""
    import fcntl

    parsed_dir.parent.mkdir(parents=True, exist_ok=True)
    with parsed_dir.with_name(parsed_dir.name + ".lock").open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def load_paths(paths: list[Path], parsed_dir: Path, workers: int | None = None,
               file_timeout: float | None = None, progress=None, file_memory: str | None = None) -> LoadOutcome:
    """Load report files into `parsed_dir`. `progress(done, total, outcome)` is called as each
    file is parsed, with its Loaded or LoadError. Files of one folder that are parts of one
    report (group_parts) are then read again as that one report. Each file's parse is held to
    `FileLimits` (time and memory)."""
    limits = FileLimits.of(file_timeout, file_memory)
    with load_lock(parsed_dir):
        return _load_paths(paths, parsed_dir, workers, limits, progress)


def _load_paths(paths: list[Path], parsed_dir: Path, workers: int | None, limit: FileLimits,
                progress) -> LoadOutcome:
    outcome = LoadOutcome()
    files = collect_paths(paths)
    # A report written with other columns (an older juesuan) is parsed again, not kept.
    present = ({d.name for d in os.scandir(parsed_dir) if has_current_contract(d.path) and not edited_off_contract(d.path)}
               if parsed_dir.exists() else set())
    sets = _loaded_sets(parsed_dir, present)  # reports of several files: {report id: [(path, file id)]}
    member_of = {fid: rid for rid, members in sets.items() for _, fid in members}
    index = FileIndex(parsed_dir)
    todo: list[Path] = []
    batch: dict[str, Path] = {}  # report id → the first file of this batch with that content
    for path in files:
        odd = _not_a_regular_file(path)
        if odd is not None:
            outcome.failed.append(odd)
            continue
        rid = index.report_id(path)
        if rid is not None and (rid in present or rid in member_of):
            outcome.unchanged.append(str(path))  # the same content: never parsed twice
        elif rid is not None and rid in batch:
            outcome.duplicates.append((str(path), str(batch[rid])))
        else:
            if rid is not None:
                batch[rid] = path
            todo.append(path)
    # A report of several files one of which now holds other content is read again from its
    # files as they are now: the others are parsed again with the new one.
    queued = {str(t.resolve()) for t in todo}
    superseded = [rid for rid, members in sets.items() if any(p in queued for p, _ in members)]
    for rid in superseded:
        for p, _ in sets[rid]:
            if p not in queued and Path(p).is_file():
                todo.append(Path(p))
                queued.add(p)
    index.save()
    if not todo:
        return outcome
    before_batch = loaded_reports(parsed_dir)  # read once: for replaced files here, for report sets below
    before = {r.source_path: r.report_id for r in before_batch}
    workers = workers or os.cpu_count() or 1
    results = _run(_load_one, todo, parsed_dir, workers, limit, progress)
    loaded: list[Loaded] = []
    for result in results:
        if isinstance(result, LoadError):
            outcome.failed.append(result)
            continue
        loaded.append(result)
        # The same file edited in place: its old content goes, the new one stays.
        previous = before.get(result.source_path)
        if previous and previous != result.report_id:
            remove_report(parsed_dir, previous)
            outcome.replaced.append(previous)
    for rid in superseded:
        remove_report(parsed_dir, rid)
        outcome.replaced.append(rid)
    outcome.loaded = _join_sets(loaded, before_batch, parsed_dir, present - set(superseded), outcome, workers, limit)
    return outcome


def _run(func, items: list, parsed_dir: Path, workers: int, limit: FileLimits, progress) -> list:
    results: list = [None] * len(items)
    finished = 0

    def done(index, result):
        nonlocal finished
        finished += 1
        results[index] = _outcome_of(items[index], result)
        if progress is not None:
            progress(finished, len(items), results[index])

    map_with_time_limit(func, items, (parsed_dir,), workers=min(workers, len(items)),
                        time_limit=limit.seconds, on_done=done, memory_limit=limit.memory)
    _clear_stale_work(parsed_dir)
    return results


def _loaded_sets(parsed_dir: Path, present: set[str]) -> dict[str, list[tuple[str, str]]]:
    out = {}
    for rid in present:
        try:
            with open(os.path.join(parsed_dir, rid, MEMBERS_FILE), encoding="utf-8") as f:
                out[rid] = [tuple(m) for m in json.load(f)]
        except (OSError, ValueError):
            continue
    return out


@dataclass(frozen=True)
class _Part:
    """A loaded report that may be part of a report of several files."""

    report_id: str
    folder: str
    parts: dict
    new: bool  # loaded in this batch

    @property
    def paths(self) -> list[str]:
        return [p for p, _ in self.parts["files"]]


def group_parts(parts: list[_Part]) -> list[list[_Part]]:
    """Reports of one folder, year and kind that are parts of one report: they name the same department
    (a 自评表 file names its units: the 实施单位 or 主管部门 may be it), and hold different parts of
    it (no standard table in two, one narrative at most, no project in two). A file and its copy
    in another form (a PDF and its extracted text) hold the same tables and stay two reports."""
    by_place: dict[tuple[str, int, str], list[_Part]] = {}
    for part in parts:
        # A budget and the final accounts of one year are two reports, never parts of one.
        by_place.setdefault((part.folder, part.parts["year"], part.parts.get("kind", "final")), []).append(part)
    groups = []
    for members in by_place.values():
        # A folder of 10,000 reports of 10,000 departments: only the groups that share a name
        # with the part are tried, never all of them.
        open_groups: list[list[_Part]] = []
        by_name: dict[str, list[int]] = {}
        for part in sorted(members, key=lambda m: m.paths):
            names = _names(part)
            tried = sorted({n for name in names for n in by_name.get(name, ())})
            home = next((n for n in tried if _completes(open_groups[n], part)), None)
            if home is None:
                home = len(open_groups)
                open_groups.append([])
            open_groups[home].append(part)
            for name in names:
                if home not in by_name.setdefault(name, []):
                    by_name[name].append(home)
        groups += [g for g in open_groups if len(g) > 1 and any(m.new for m in g)]
    return groups


def _names(part: _Part) -> set[str]:
    return {"".join(n.split()) for n in part.parts["names"]}


def _completes(group: list[_Part], part: _Part) -> bool:
    if not any(_names(m) & _names(part) for m in group):
        return False
    tables = [t for m in group for t in m.parts["tables"]]
    projects = [p for m in group for p in m.parts["projects"]]
    return (not set(tables) & set(part.parts["tables"]) and not set(projects) & set(part.parts["projects"])
            and not (part.parts["narrative"] and any(m.parts["narrative"] for m in group)))


def _file_order(part: _Part) -> tuple:
    """The text of a report of several files: tables first, then the narrative, then 自评表 forms."""
    return (not part.parts["tables"], not part.parts["narrative"], part.paths)


def _join_sets(loaded: list[Loaded], loaded_before: list, parsed_dir: Path, present: set[str], outcome: LoadOutcome,
               workers: int, limit: FileLimits) -> list[Loaded]:
    """Read each set of parts (group_parts) of the new reports and those loaded before in their
    folders as one report, in place of its parts. Where that fails, the parts stay loaded."""
    new = [_Part(r.report_id, str(Path(r.source_path).parent), r.parts, True) for r in loaded]
    places = {(p.folder, p.parts["year"]) for p in new}
    new_ids = {p.report_id for p in new}
    earlier = []
    for r in loaded_before:  # a report replaced in this batch is gone: its parts.json is not found
        place = Path(r.source_path)  # a file, or the folder of a report of several files
        year = int(r.fiscal_year)
        if (r.report_id not in present or r.report_id in new_ids
                or not ({(str(place.parent), year), (str(place), year)} & places)):
            continue
        try:
            parts = json.loads((parsed_dir / r.report_id / PARTS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # written by an older juesuan: not joined
        paths = [Path(p) for p, _ in parts["files"]]
        if paths and all(p.is_file() for p in paths):
            earlier.append(_Part(r.report_id, str(paths[0].parent), parts, False))
    groups = group_parts(new + earlier)
    if not groups:
        return loaded
    sets = [tuple(Path(p) for m in sorted(g, key=_file_order) for p in m.paths) for g in groups]
    results = _run(_load_set, sets, parsed_dir, workers, limit, None)
    kept = {r.report_id: r for r in loaded}
    for group, files, result in zip(groups, sets, results):
        if isinstance(result, LoadError):
            outcome.not_joined.append(LoadError(
                result.source, f"its files {', '.join(f.name for f in files)} seem to be one report but could not be "
                f"read as one ({result.reason}); each is loaded on its own", hint=result.hint))
            continue
        for part in group:
            if part.report_id != result.report_id:
                remove_report(parsed_dir, part.report_id)
                kept.pop(part.report_id, None)
                if not part.new:
                    outcome.replaced.append(part.report_id)
        kept[result.report_id] = result
        outcome.merged.append((result.report_id, [str(f) for f in files]))
    return list(kept.values())


def _clear_stale_work(parsed_dir: Path) -> None:
    """Temporary folders of a worker killed while writing (its file timed out)."""
    if not parsed_dir.exists():
        return
    for d in parsed_dir.iterdir():
        if d.name.startswith((".tmp-", ".old-")):
            shutil.rmtree(d, ignore_errors=True)


def _files_of(parsed_dir: Path, report) -> list[str]:
    """The paths a loaded report was read from (parts.json; its source path for an older one)."""
    try:
        return [p for p, _ in json.loads((parsed_dir / report.report_id / PARTS_FILE).read_text(encoding="utf-8"))["files"]]
    except (OSError, ValueError, KeyError):
        return [report.source_path]


def remove(targets: list[str], parsed_dir: Path) -> tuple[list[str], list[str]]:
    """Remove loaded reports given by report id, by source file path (a report of several files
    by any of its files) or by the folder of a report of several files: (removed ids, not found)."""
    reports = loaded_reports(parsed_dir)
    removed, missing = [], []
    for target in targets:
        resolved = str(Path(target).resolve())
        ids = [r.report_id for r in reports if r.report_id == target or r.source_path == resolved
               or resolved in _files_of(parsed_dir, r)]
        if not ids:
            missing.append(target)
        for rid in ids:
            remove_report(parsed_dir, rid)
            removed.append(rid)
    return removed, missing


def prune(parsed_dir: Path) -> list[str]:
    """Remove the reports one of whose source files no longer exists (or now holds other content)."""
    gone = []
    index = FileIndex(parsed_dir)
    for r in loaded_reports(parsed_dir):
        files = _files_of(parsed_dir, r)
        expected = json.loads((parsed_dir / r.report_id / MEMBERS_FILE).read_text(encoding="utf-8")) \
            if (parsed_dir / r.report_id / MEMBERS_FILE).exists() else [[files[0], r.report_id]]
        if any(not Path(p).exists() or index.report_id(Path(p)) != fid for p, fid in expected):
            remove_report(parsed_dir, r.report_id)
            gone.append(r.report_id)
    index.save()
    return gone


def describe(report: ParsedReport, issues: list[Issue]) -> str:
    cells = sum(1 for t in report.tables.values() for c in t.cells if c.state == "value")
    errors = sum(1 for i in issues if i.severity == "error")
    warnings = sum(1 for i in issues if i.severity == "warning")
    text = (
        f"loaded {report.source_file}: {report.department_name} {report.fiscal_year} "
        f"(report {report.report_id}), {len(report.tables)} tables, {cells} printed numbers, "
        f"{len(report.projects)} {'project target forms' if report.document_kind == 'budget' else 'project self-evaluations'}, "
        f"{len(report.narrative)} narrative figures"
    )
    if report.missing_tables:
        text += f"; missing tables: {', '.join(report.missing_tables)}"
    # Coverage at a glance: printed numbers per table found (the full report is audit.table_coverage).
    text += "\n  tables: " + ", ".join(
        f"{key} {sum(1 for c in t.cells if c.state == 'value')}" for key, t in report.tables.items()
    )
    if errors or warnings:
        text += f"; {errors} parse errors, {warnings} warnings"
    return text
