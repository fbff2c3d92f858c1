"""The data-kinerja screens of the main window (section "Data Kinerja").

`pages.KinerjaPages` builds and registers them: Rencana (the Renstra tree and
its indicators), Perjanjian Kinerja, Pengumpulan (rounds, forms, status board,
import, paper entry) and Nilai (stored values with their provenance). Models
live in `*_model.py` / `*_models.py` and are tested without widgets; every
write goes through a `services.kinerja_*` call.
"""
