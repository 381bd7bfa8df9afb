"""Where juesuan may write: only onto what it made itself.

Every command that writes a file or a folder a user names (`report --out`, `export --to`,
`query --out`, `docs --out`, `extract-text -o`) asks here first. The rules:

- never the warehouse, anything inside the warehouse's folder (but the site folder `report`
  writes there by default), the project's seeds, or a folder that holds any of them;
- never a symbolic link, a folder where a file goes, a FIFO, a device or a socket: juesuan writes
  regular files and folders, and replacing a node with a file destroys what the node was;
- a file that exists only with `--force`, and only when it is a file of the kind being written
  (a CSV onto a CSV, never a CSV onto a PDF or a database);
- a folder that exists only when it is empty or carries juesuan's marker (`.juesuan-output.json`,
  the files juesuan wrote there), and holds nothing else. A site folder is then replaced whole;
  an export folder gets its files replaced one by one.

Temporary folders are named with the writer's process id and carry the marker from their first
moment, so a later run removes those of a killed writer (`remove_stale`) and nothing else.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path

from juesuan.processes import process_alive
from juesuan.writers import swap_in_dir

MARKER = ".juesuan-output.json"


class OutputRefused(Exception):
    """A write target juesuan will not touch; the message is one line naming it and the reason."""


@dataclass(frozen=True)
class Kind:
    """What a writer writes: its name, the suffixes a file of it may have, how it begins."""

    name: str
    suffixes: tuple[str, ...]
    magic: bytes | None = None  # the first bytes of such a file; None: text (no NUL byte)


KINDS = {
    "csv": Kind("CSV", (".csv", ".txt", ".tsv")),
    "json": Kind("JSON", (".json",)),
    "parquet": Kind("parquet", (".parquet", ".pq"), b"PAR1"),
    "html": Kind("HTML", (".html", ".htm")),
    "text": Kind("text", (".txt",)),
    "xlsx": Kind("xlsx", (".xlsx",), b"PK\x03\x04"),
}


@dataclass(frozen=True)
class Protected:
    """What no writer may touch: the warehouse file and its folder (but `allowed_inside`), and
    the project's seeds."""

    warehouse: Path
    seeds: tuple[Path, ...] = ()
    allowed_inside: tuple[Path, ...] = ()

    def reason(self, target: Path) -> str | None:
        """Why `target` (absolute, its parents resolved) is protected, or None."""
        folder = _resolved(self.warehouse.parent)
        if target in [_resolved(p) for p in self.allowed_inside]:
            return None
        if target == _resolved(self.warehouse):
            return "is the warehouse"
        if target == folder or folder in target.parents:
            return f"is inside the warehouse's folder {folder}"
        if target in folder.parents:
            return f"holds the warehouse's folder {folder}"
        for seeds in map(_resolved, self.seeds):
            if target == seeds or seeds in target.parents:
                return f"is inside the project's seeds {seeds}"
            if target in seeds.parents:
                return f"holds the project's seeds {seeds}"
        return None


def _resolved(path: Path) -> Path:
    """`path` absolute with its parents' links resolved, the last part as named (a link there is
    the target's own business: it is refused, not followed)."""
    path = Path(os.path.abspath(path))
    return path.parent.resolve() / path.name if path.name else path.resolve()


def _node_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _lstat(path: Path):
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _is_kind(path: Path, kind: Kind) -> bool:
    if path.suffix.lower() not in kind.suffixes:
        return False
    with path.open("rb") as fh:
        head = fh.read(8192)
    return head.startswith(kind.magic) if kind.magic else b"\x00" not in head


def file_target(path: Path, kind: str, protected: Protected | None, force: bool = False) -> Path:
    """The file `path` as a place to write a `kind` file (absolute), or OutputRefused."""
    target = _resolved(path)
    what = KINDS[kind]
    st = _lstat(target)
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise OutputRefused(f"{path}: is a symbolic link; juesuan writes only regular files (name the file itself)")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputRefused(f"{path}: is {_node_kind(st.st_mode)}, not a file juesuan may replace")
    reason = protected.reason(target) if protected else None
    if reason:
        raise OutputRefused(f"{path}: {reason}; write the output somewhere else")
    if st is not None:
        if not force:
            raise OutputRefused(f"{path}: exists; juesuan does not replace files it did not make "
                                f"(--force replaces a {what.name} file)")
        if not _is_kind(target, what):
            raise OutputRefused(f"{path}: is not a {what.name} file ({', '.join(what.suffixes)}), "
                                "so --force does not replace it")
    return target


def _marker(folder: Path) -> dict | None:
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), list) else None


def folder_target(path: Path, kind: str, protected: Protected | None) -> tuple[Path, list[str]]:
    """The folder `path` as a place for juesuan's `kind` output ('site', 'export'): (absolute path,
    the files juesuan wrote there before), or OutputRefused."""
    target = _resolved(path)
    st = _lstat(target)
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise OutputRefused(f"{path}: is a symbolic link; name the folder itself")
    if st is not None and not stat.S_ISDIR(st.st_mode):
        raise OutputRefused(f"{path}: is {'a file' if stat.S_ISREG(st.st_mode) else _node_kind(st.st_mode)}, "
                            "not a folder")
    reason = protected.reason(target) if protected else None
    if reason:
        raise OutputRefused(f"{path}: {reason}; write the {kind} somewhere else")
    if st is None:
        return target, []
    entries = sorted(e.name for e in os.scandir(target))
    if not entries:
        return target, []
    marker = _marker(target)
    if marker is None or marker.get("kind") != kind:
        raise OutputRefused(f"{path}: is a folder juesuan did not write ({len(entries)} entries, no {MARKER} "
                            f"of a {kind}); give a new or empty folder")
    ours = set(marker["files"]) | {MARKER}
    foreign = [e for e in entries if e not in ours and not _is_own_work(target / e)]
    if foreign and kind == "site":  # a site is replaced whole: it may hold nothing of anyone else
        raise OutputRefused(f"{path}: holds {foreign[0]!r}" + (f" and {len(foreign) - 1} more" if len(foreign) > 1 else "")
                            + ", which juesuan did not write; move it out or give another folder")
    return target, [e for e in entries if e in ours]


def write_marker(folder: Path, kind: str, files: list[str]) -> None:
    (folder / MARKER).write_text(json.dumps({"kind": kind, "files": sorted(set(files)), "pid": os.getpid()},
                                            ensure_ascii=False), encoding="utf-8")


_WORK = re.compile(r"^\.juesuan-(?:work|old)-(\d+)-[0-9a-f]{8}$")


def _is_own_work(path: Path) -> bool:
    return bool(_WORK.match(path.name)) and (path / MARKER).is_file()


def work_folder(parent: Path, kind: str) -> Path:
    """A new folder in `parent` to write into before the swap, marked as ours from its creation."""
    folder = parent / f".juesuan-work-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    write_marker(folder, kind, [])
    return folder


def remove_stale(parent: Path, name: re.Pattern = _WORK, marked: bool = True) -> None:
    """Folders in `parent` left by a writer that was killed: named by `name`, whose first group is
    the writer's process id, that process gone, and (where `marked`) carrying our marker."""
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return
    for entry in entries:
        m = name.match(entry.name)
        if m and entry.is_dir(follow_symlinks=False) and (not marked or _is_own_work(Path(entry.path))) \
                and int(m.group(1)) != os.getpid() and not process_alive(int(m.group(1))):
            shutil.rmtree(entry.path, ignore_errors=True)


def swap_in_site(work: Path, target: Path) -> None:
    """Put the finished folder `work` in the place of `target`, which `folder_target` checked
    (absent, empty, or ours alone). A reader sees the old folder or the new one, whole."""
    swap_in_dir(work, target, f".juesuan-old-{os.getpid()}-{uuid.uuid4().hex[:8]}")
