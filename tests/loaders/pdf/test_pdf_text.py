"""PDF to page text, on pages of the three real reports in samples/pdf, and the PDFs it refuses."""

from pathlib import Path

import pdfplumber
import pytest

from juesuan.errors import LoadError
from juesuan.read.pdf_text import cell_text, page_text, pdf_to_text
from juesuan.parse.source import read_source

PDF = Path(__file__).resolve().parents[3] / "samples" / "pdf"
T = "\t"


def page(name: str, number: int) -> str:
    with pdfplumber.open(PDF / name) as pdf:
        return page_text(pdf.pages[number - 1])


def test_cell_text_rejoins_wrapped_and_letter_spaced_names_but_not_two_numbers():
    assert cell_text("机关事业单位基本养老保险缴\n费") == "机关事业单位基本养老保险缴费"
    assert cell_text("因 公 出 国 （ 境 ） 费\n用") == "因公出国（境）费用"
    assert cell_text("1.00 2.00") == "1.00 2.00"
    assert cell_text(None) == ""


def test_basic_expenditure_row_is_one_grid_row():
    # In the page's plain text code, name and amount of 基本工资 sit on three lines
    # (`301 01`, `基本工资 01 办公费`, `262.33 21.21`); the grid keeps them in one row.
    lines = page("putuo_czj_2024.pdf", 16).split("\n")
    assert T.join(["301", "01", "基本工资", "262.33", "302", "01", "办公费", "21.21"]) in lines
    assert T.join(["301", "03", "奖金", "", "302", "03", "咨询费", ""]) in lines  # zero cells left blank
    assert T.join(["301", "13", "住房公积金", "187.19", "302", "12", "因公出国（境）费用", ""]) in lines


def test_blank_cells_of_a_tree_table_keep_their_columns():
    lines = page("putuo_czj_2024.pdf", 10).split("\n")
    assert T.join(["201", "06", "02", "一般行政管理事务", "10.00", "", "10.00", "", "", ""]) in lines


def test_title_with_the_year_detached_and_text_in_reading_order():
    lines = page("putuo_czj_2024.pdf", 6).split("\n")
    assert lines[:4] == ["第二部分 上海市普陀区财政局 年度部门决算表", "2024", "收入支出决算总表", "单位：万元"]


def test_numbers_set_below_their_sentence_stay_in_it():
    # ONLYOFFICE sets Latin-font numbers ~5 pt lower than the Chinese text around them.
    text = page("putuo_czj_2024.pdf", 22)
    assert "年初预算为1560.05万元，支出决算为1511.89万" in text


def test_pages_are_separated_by_form_feeds():
    text = pdf_to_text((PDF / "putuo_shgzb_2024.pdf").read_bytes(), "putuo_shgzb_2024.pdf")
    assert text.count("\f") == 23  # 24 pages


def scanned_pdf(tmp_path: Path) -> Path:
    """A page of a real report as an image only: what a scanner gives."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(PDF / "putuo_shgzb_2024.pdf"))
    image = doc[4].render(scale=1).to_pil()
    path = tmp_path / "scanned.pdf"
    image.save(path, "PDF")
    return path


def minimal_pdf(trailer: bytes = b"") -> bytes:
    """A one-page PDF with no text, written by hand so that its trailer can be chosen."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 4 /Root 1 0 R " + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref


def test_scanned_pdf_is_refused_with_what_to_do(tmp_path):
    path = scanned_pdf(tmp_path)
    with pytest.raises(LoadError) as err:
        read_source(path)
    assert "no text layer" in str(err.value) and "scan" in str(err.value) and "OCR" in str(err.value)
    assert str(path) in str(err.value)


def test_encrypted_pdf_is_refused(tmp_path):
    path = tmp_path / "locked.pdf"
    # Standard security handler whose user password is not empty: opening needs the password.
    path.write_bytes(minimal_pdf(b"/Encrypt << /Filter /Standard /V 1 /R 2 /O <" + b"00" * 32 + b"> /U <" + b"11" * 32
                                 + b"> /P -4 >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] "))
    with pytest.raises(LoadError) as err:
        read_source(path)
    assert "encrypted" in str(err.value) and "password" in str(err.value)


def test_truncated_pdf_is_refused(tmp_path):
    path = tmp_path / "partial.pdf"
    data = (PDF / "putuo_shgzb_2024.pdf").read_bytes()
    path.write_bytes(data[: len(data) // 2])  # an interrupted download
    with pytest.raises(LoadError) as err:
        read_source(path)
    assert "damaged" in str(err.value) and "download the file again" in str(err.value)


def test_a_web_page_saved_as_pdf_is_refused(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_text("<html><body>404 Not Found</body></html>", encoding="utf-8")
    with pytest.raises(LoadError) as err:
        read_source(path)
    assert "not a PDF" in str(err.value)
