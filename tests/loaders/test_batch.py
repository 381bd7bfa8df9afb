"""A batch of files always finishes: a bad file anywhere, in any batch size, on any number of
workers, is refused with one line and the rest load; a file that hangs the parser is stopped;
nothing survives the process that started it."""

from __future__ import annotations

import errno
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from juesuan.errors import LoadError
from juesuan.load.batch import load_paths
from juesuan.processes import TimedOut, WorkerDied, map_with_time_limit

from tests.conftest import SAMPLE

SAMPLE_BYTES = SAMPLE.read_bytes()


def good(folder: Path, n: int) -> Path:
    """A copy of the sample with content of its own (so a report id of its own)."""
    path = folder / f"report_{n:02d}.txt"
    path.write_bytes(SAMPLE_BYTES + b"\n" * (n + 1))
    return path


BAD = {
    "empty.pdf": (b"", "file is empty"),
    "notice.txt": ("关于召开会议的通知\n请各科室准时参加。\n".encode("utf-8"), "not a 部门决算 or 部门预算 report"),
    "page.pdf": (b"<!DOCTYPE html><html><body>404</body></html>", "is named .pdf but is not a PDF"),
}


@pytest.mark.parametrize("size", [1, 4, 20])
@pytest.mark.parametrize("where", ["first", "middle", "last"])
@pytest.mark.parametrize("bad", sorted(BAD))
def test_a_bad_file_anywhere_in_any_batch(tmp_path, size, where, bad):
    folder = tmp_path / "in"
    folder.mkdir()
    goods = [good(folder, n) for n in range(size - 1)]
    data, reason = BAD[bad]
    bad_path = folder / bad
    bad_path.write_bytes(data)
    order = {"first": [bad_path, *goods], "middle": [*goods[: len(goods) // 2], bad_path, *goods[len(goods) // 2:]],
             "last": [*goods, bad_path]}[where]
    out = load_paths(order, tmp_path / "parsed", workers=2)
    assert [Path(e.source).name for e in out.failed] == [bad]
    assert reason in str(out.failed[0]) and "\n" not in str(out.failed[0])
    assert sorted(Path(r.source_path).name for r in out.loaded) == sorted(p.name for p in goods)
    parsed = tmp_path / "parsed"
    assert len([d for d in parsed.iterdir() if not d.name.startswith(".")] if parsed.exists() else []) == size - 1


def test_load_error_survives_the_trip_from_a_worker():
    err = pickle.loads(pickle.dumps(LoadError("a.pdf", "damaged", 12, "download it again")))
    assert (err.source, err.reason, err.line, err.hint, str(err)) == (
        "a.pdf", "damaged", 12, "download it again", "a.pdf:12: damaged (download it again)")


def test_the_same_file_twice_and_a_copy_are_loaded_once(tmp_path):
    one = good(tmp_path, 1)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(one.read_bytes())
    out = load_paths([one, one, tmp_path / "." / one.name, copy], tmp_path / "parsed", workers=2)
    assert len(out.loaded) == 1 and out.failed == []
    assert out.duplicates == [(str(copy), str(one))]


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    out = load_paths([fifo, good(tmp_path, 1)], tmp_path / "parsed")
    assert time.monotonic() - started < 30
    assert [str(e) for e in out.failed] == [f"{fifo}: not a regular file (a pipe, device or socket) (give the path of a report file)"]
    assert len(out.loaded) == 1


def _slow_or_crashing(path, parsed_dir):
    """A stand-in for the loader's per-file work: `slow` hangs, `crash` kills its process."""
    if "slow" in path.name:
        time.sleep(60)
    if "crash" in path.name:
        os._exit(7)
    return path.name


def test_the_pool_stops_a_task_past_its_limit_and_survives_a_dead_worker(tmp_path):
    names = [tmp_path / n for n in ("a", "slow", "b", "crash", "c", "d")]
    started = time.monotonic()
    results = map_with_time_limit(_slow_or_crashing, names, (tmp_path,), workers=2, time_limit=1.5)
    assert time.monotonic() - started < 20
    assert results[0] == "a" and results[2] == "b" and results[4:] == ["c", "d"]
    assert results[1] == TimedOut(1.5) and results[3] == WorkerDied(7)


def test_a_file_past_the_time_limit_is_refused_and_the_batch_goes_on(tmp_path, monkeypatch):
    import juesuan.load.batch

    real = juesuan.load.batch.parse_file

    def parse(path):
        if path.name == "slow.txt":
            time.sleep(60)
        return real(path)

    monkeypatch.setattr(juesuan.load.batch, "parse_file", parse)  # the workers are forked: they see it
    slow = tmp_path / "slow.txt"
    slow.write_bytes(SAMPLE_BYTES + b"\n\n\n\n\n\n\n\n")
    out = load_paths([good(tmp_path, 1), slow, good(tmp_path, 2)], tmp_path / "parsed", workers=2, file_timeout=2)
    assert len(out.loaded) == 2
    assert [str(e) for e in out.failed] == [
        f"{slow}: reading it took longer than the limit of 2 s and was stopped (a damaged PDF can keep the PDF "
        "reader busy for many minutes; check the file, or raise the limit with --file-timeout SECONDS)"]
    assert not [d for d in (tmp_path / "parsed").iterdir() if d.name.startswith((".tmp-", ".old-"))]


def test_a_full_disk_is_one_line_per_file(tmp_path, monkeypatch):
    import juesuan.load.batch

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(juesuan.load.batch, "write_report", full)
    out = load_paths([good(tmp_path, 1)], tmp_path / "parsed")
    assert [str(e) for e in out.failed] == [
        f"{tmp_path / 'report_01.txt'}: no space left on the device of {tmp_path / 'parsed'} while writing its seeds "
        "(free some space and load again; what was loaded before is intact)"]


def test_a_parser_defect_is_that_file_s_error(tmp_path, monkeypatch):
    import juesuan.load.batch

    def broken(path):
        raise KeyError("T99")

    monkeypatch.setattr(juesuan.load.batch, "parse_file", broken)
    out = load_paths([good(tmp_path, 1), good(tmp_path, 2)], tmp_path / "parsed", workers=2)
    assert len(out.failed) == 2 and all("internal error while parsing: KeyError: 'T99'" in str(e) for e in out.failed)


def test_a_truncated_utf8_file_loads_and_says_it_was_cut(tmp_path):
    cut = tmp_path / "cut.txt"
    cut.write_bytes(SAMPLE_BYTES[:43311])  # ends one byte into a three-byte character
    out = load_paths([cut], tmp_path / "parsed")
    assert out.failed == [] and len(out.loaded) == 1
    messages = [i.message for i in out.loaded[0].issues]
    assert "the file ends inside a UTF-8 character (byte 43310 of 43311): it was cut short, and what follows was never read" in messages
    assert any("ends before its 总得分 and grade" in m for m in messages)


def _children(pid: int) -> set[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return {int(p) for p in out}


def test_workers_die_with_the_load_that_started_them(tmp_path):
    script = tmp_path / "load.py"
    script.write_text(textwrap.dedent(f"""
        import time
        from pathlib import Path
        import juesuan.load.batch
        juesuan.load.batch.parse_file = lambda path: time.sleep(120)
        juesuan.load.batch.load_paths([Path({str(tmp_path)!r}) / f"r{{n}}.txt" for n in range(4)],
                                Path({str(tmp_path)!r}) / "parsed", workers=2, file_timeout=0)
    """), encoding="utf-8")
    for n in range(4):
        (tmp_path / f"r{n}.txt").write_bytes(SAMPLE_BYTES + b"\n" * (n + 1))
    proc = subprocess.Popen([sys.executable, str(script)])
    deadline = time.monotonic() + 30
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers = {p for p in _children(proc.pid) if Path(f"/proc/{p}").exists()}
        time.sleep(0.2)
    assert len(workers) >= 2
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in workers):
        time.sleep(0.1)
    alive = [p for p in workers if Path(f"/proc/{p}").exists() and "Z" not in Path(f"/proc/{p}/stat").read_text().split()[2]]
    assert alive == []
