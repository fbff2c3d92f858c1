"""Files of the exchange layer are written whole or not at all (`exchange.atomic`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kinerja_desktop.core.errors import KinerjaError
from kinerja_desktop.exchange import atomic
from kinerja_desktop.exchange.atomic import write_atomically


def _write(text: str):
    def produce(name: str) -> None:
        Path(name).write_text(text, encoding="utf-8")

    return produce


def test_success_replaces_the_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "berkas.xlsx"
    target.write_text("lama", encoding="utf-8")
    write_atomically(target, _write("baru"))
    assert target.read_text(encoding="utf-8") == "baru"
    assert [p.name for p in tmp_path.iterdir()] == ["berkas.xlsx"]


def test_the_content_is_flushed_before_the_rename(tmp_path: Path, monkeypatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(
        atomic.os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))
    )
    write_atomically(tmp_path / "a.pdf", _write("isi"))
    assert events[:2] == ["fsync", "replace"]


def test_a_failure_half_way_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "sop.pdf"
    target.write_bytes(b"versi lama")

    def produce(name: str) -> None:
        Path(name).write_bytes(b"setengah")
        raise RuntimeError("gagal di tengah")

    with pytest.raises(RuntimeError):
        write_atomically(target, produce)
    assert target.read_bytes() == b"versi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["sop.pdf"]


def test_os_errors_become_one_indonesian_message(tmp_path: Path) -> None:
    def produce(name: str) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(KinerjaError) as err:
        write_atomically(tmp_path / "buku.pdf", produce)
    assert err.value.message == 'Tidak dapat menyimpan "buku.pdf": berkas tidak dapat ditulis.'
    assert "No space left" in err.value.detail
    assert list(tmp_path.iterdir()) == []


def test_a_locked_target_names_the_program_to_close(tmp_path: Path, monkeypatch) -> None:
    def locked(a: str, b: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(KinerjaError) as err:
        write_atomically(tmp_path / "sop.xlsx", _write("x"), program="Excel")
    assert "sedang dibuka di Excel" in err.value.message
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    called: list[str] = []
    with pytest.raises(KinerjaError, match="Folder tujuan tidak ada"):
        write_atomically(tmp_path / "tidak" / "ada.pdf", called.append)
    assert called == []


def test_pdf_and_excel_writers_use_the_shared_helper() -> None:
    from kinerja_desktop.exchange import sop_xlsx
    from kinerja_desktop.exchange.pdf import output

    assert sop_xlsx.write_atomically is write_atomically
    assert output.atomic.write_atomically is write_atomically
