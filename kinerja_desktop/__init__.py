"""Kinerja Desktop: SOP AP dan siklus data kinerja untuk kantor Kecamatan, luring."""

__version__ = "0.1.0"
APP_NAME = "Kinerja Desktop"
