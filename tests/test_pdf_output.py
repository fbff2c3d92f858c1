"""PDF files are written whole or not at all, with embedded fonts from the start."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pdf_support import font_problems

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.exchange.pdf.output import PdfCancelledError, new_canvas, write_atomically


def _write_pdf(filename: str, text: str = "isi baru") -> None:
    c = new_canvas(filename, (300, 300), "uji", "uji")
    c.drawString(50, 150, text)
    c.showPage()
    c.save()


def test_a_failure_half_way_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "sop.pdf"
    target.write_bytes(b"%PDF-1.4 versi lama")

    def produce(filename: str) -> None:
        Path(filename).write_bytes(b"%PDF-1.4 setengah")
        raise PdfCancelledError()

    with pytest.raises(PdfCancelledError):
        write_atomically(target, produce)
    assert target.read_bytes() == b"%PDF-1.4 versi lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sop.pdf"]


def test_a_failure_leaves_no_file_when_there_was_none(tmp_path: Path) -> None:
    target = tmp_path / "baru.pdf"

    def produce(filename: str) -> None:
        _write_pdf(filename)
        raise RuntimeError("gagal di tengah")

    with pytest.raises(RuntimeError):
        write_atomically(target, produce)
    assert list(tmp_path.iterdir()) == []


def test_success_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "sop.pdf"
    target.write_bytes(b"lama")
    write_atomically(target, _write_pdf)
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sop.pdf"]
    assert font_problems(target) == []


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KinerjaError, match="Folder tujuan tidak ada"):
        write_atomically(tmp_path / "tidak-ada" / "sop.pdf", _write_pdf)


def test_unwritable_target_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "folder.pdf"
    target.mkdir()  # a folder where the file should go: os.replace fails
    with pytest.raises(KinerjaError) as err:
        write_atomically(target, _write_pdf)
    assert "tidak dapat ditulis" in err.value.message
    assert err.value.message.startswith('Tidak dapat menyimpan "folder.pdf"')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.pdf"]
