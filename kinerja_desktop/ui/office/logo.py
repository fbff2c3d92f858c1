"""The office logo: chosen from any common image file, kept as PNG, previewed.

The profile stores PNG only (`services.office_service.check_profile`), so a
JPG or BMP the user picks is converted here; a very large picture is scaled
down to `MAX_SIDE` pixels, plenty for a print heading.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from kinerja_desktop.core.errors import ValidationError
from kinerja_desktop.ui.common.settings import UiSettings

IMAGE_FILTER = "Gambar (*.png *.jpg *.jpeg *.bmp)"
MAX_SIDE = 600


def png_of(path: Path) -> bytes:
    """The picture at `path` as PNG bytes, or ValidationError."""
    image = QImage(str(path))
    if image.isNull():
        raise ValidationError(f"Berkas {path.name} bukan gambar yang dapat dibaca.")
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ask_logo_path(parent: QWidget, settings: UiSettings) -> Path | None:
    """The picture the user picks (tests replace this)."""
    target, _ = QFileDialog.getOpenFileName(
        parent, "Pilih logo", str(settings.last_folder("logo")), IMAGE_FILTER
    )
    if not target:
        return None
    settings.set_last_folder(Path(target), "logo")
    return Path(target)


def show_logo(label: QLabel, png: bytes | None) -> None:
    """The logo fitted into `label`, or a note that there is none."""
    if not png:
        label.setPixmap(QPixmap())
        label.setText("(tanpa logo)")
        return
    pixmap = QPixmap()
    pixmap.loadFromData(png)
    side = max(64, min(label.width(), label.height()) - 8)
    label.setPixmap(
        pixmap.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    )
