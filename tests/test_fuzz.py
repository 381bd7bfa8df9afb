"""Fuzzing the loaders: damaged copies of the real reports (seeded, so every run tries the same
inputs). For each input the loader either loads the report or refuses the file with one line;
never a traceback, never a hang, never a file written outside the parsed folder; and whatever it
loads, the warehouse builds (tests/test_real_reports.py builds the fuzz set with the real reports):
damage is the report's finding, never everyone's failed build."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from juesuan.load.batch import load_paths

from tests.conftest import ROOT, SAMPLE

SEED = 20261127
PDF = ROOT / "samples" / "pdf" / "putuo_czj_2024.pdf"


def mutations(data: bytes, rng: random.Random) -> dict[str, bytes]:
    """name → damaged bytes of one report text."""
    lines = data.split(b"\n")
    out: dict[str, bytes] = {}
    for n in range(8):
        out[f"truncated_{n}"] = data[: rng.randrange(len(data))]
    for n in range(8):
        flipped = bytearray(data)
        for _ in range(rng.choice((1, 5, 50))):
            flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
        out[f"flipped_{n}"] = bytes(flipped)
    for n in range(6):
        kept = [ln for ln in lines if rng.random() > 0.05]
        out[f"deleted_lines_{n}"] = b"\n".join(kept)
    for n in range(6):
        doubled = []
        for ln in lines:
            doubled.append(ln)
            if rng.random() < 0.03:
                doubled.append(ln)
        out[f"duplicated_lines_{n}"] = b"\n".join(doubled)
    for n in range(4):
        shuffled = lines.copy()
        start = rng.randrange(len(shuffled) - 40)
        block = shuffled[start:start + 40]
        rng.shuffle(block)
        shuffled[start:start + 40] = block
        out[f"shuffled_block_{n}"] = b"\n".join(shuffled)
    for n in range(4):
        at = rng.randrange(len(data))
        out[f"random_bytes_inside_{n}"] = data[:at] + rng.randbytes(rng.choice((10, 1000))) + data[at:]
    out["huge_line"] = data[:40000] + b"9" * 2_000_000 + b"\n" + data[40000:]
    out["huge_line_of_amounts"] = data[:40000] + b" 1.00" * 300_000 + b"\n" + data[40000:]
    out["random_bytes"] = rng.randbytes(50_000)
    out["nul_bytes"] = b"\0" * 10_000
    out["only_newlines"] = b"\n" * 100_000
    out["gb18030_recoded"] = data.decode("utf-8").encode("gb18030")
    out["crlf"] = data.replace(b"\n", b"\r\n")
    return out


def fuzz_inputs(folder: Path) -> Path:
    """The fuzz set in a new `folder`: the seeded damaged copies of the sample text and of a PDF."""
    folder.mkdir()
    rng = random.Random(SEED)
    for name, data in mutations(SAMPLE.read_bytes(), rng).items():
        (folder / f"{name}.txt").write_bytes(data)
    pdf = PDF.read_bytes()
    for n in range(3):
        flipped = bytearray(pdf)
        flipped[rng.randrange(len(pdf) // 10, len(pdf))] ^= 0xFF
        (folder / f"pdf_flipped_{n}.pdf").write_bytes(bytes(flipped))
    (folder / "pdf_truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    return folder


@pytest.fixture(scope="session")
def fuzzed(tmp_path_factory):
    base = tmp_path_factory.mktemp("fuzz")
    files = sorted(fuzz_inputs(base / "inputs").iterdir())
    before = {p: p.stat().st_mtime_ns for p in base.rglob("*")}
    outcome = load_paths(files, base / "parsed", workers=2, file_timeout=10)
    return base, files, outcome, before


def test_every_input_loads_or_is_refused_with_one_line(fuzzed):
    base, files, outcome, _ = fuzzed
    loaded = {Path(r.source_path).name for r in outcome.loaded}
    refused = {Path(e.source).name: str(e) for e in outcome.failed}
    assert loaded | refused.keys() | {Path(p).name for p, _ in outcome.duplicates} == {f.name for f in files}
    for name, message in refused.items():
        assert "\n" not in message and "Traceback" not in message, message
        assert "internal error" not in message, message  # a parser defect, not the file's
    # What the seeded inputs give (this line changes only with the loader's behaviour).
    kinds = Counter("loaded" if f.name in loaded else "refused" if f.name in refused else "duplicate" for f in files)
    assert kinds["loaded"] >= 38 and kinds["refused"] >= 4


def test_nothing_is_written_outside_the_parsed_folder(fuzzed):
    base, _, _, before = fuzzed
    after = {p: p.stat().st_mtime_ns for p in base.rglob("*")}
    outside = [p for p in after if p not in before and not str(p).startswith(str(base / "parsed"))]
    assert outside == []
    assert not [d for d in (base / "parsed").iterdir() if d.name.startswith((".tmp-", ".old-"))]
