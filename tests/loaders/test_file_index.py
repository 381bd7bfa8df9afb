"""The file index: a folder of loaded reports is checked by size and mtime, not re-read; an
edited file is hashed again."""

import os
import time

from juesuan.load.batch import FileIndex


def test_unchanged_files_are_not_hashed_again_and_edited_ones_are(tmp_path, sample_path):
    parsed = tmp_path / "parsed"
    report = tmp_path / "report.txt"
    report.write_bytes(sample_path.read_bytes())
    old = time.time() - 60
    os.utime(report, (old, old))

    index = FileIndex(parsed)
    first = index.report_id(report)
    index.save()
    assert (tmp_path / "parsed.index.json").exists()

    again = FileIndex(parsed)
    assert again.report_id(report) == first and not again.changed  # trusted: not read

    # The same size, other content, a new mtime: hashed again.
    data = bytearray(report.read_bytes())
    data[100:104] = b"XXXX"
    report.write_bytes(bytes(data))
    edited = FileIndex(parsed)
    assert edited.report_id(report) != first and edited.changed


def test_a_file_written_in_the_second_it_was_hashed_is_hashed_again(tmp_path, sample_path):
    report = tmp_path / "report.txt"
    report.write_bytes(sample_path.read_bytes())  # mtime: now
    index = FileIndex(tmp_path / "parsed")
    index.report_id(report)
    index.save()
    later = FileIndex(tmp_path / "parsed")
    later.report_id(report)
    assert later.changed  # too recent to trust: an edit in the same clock tick would not show
