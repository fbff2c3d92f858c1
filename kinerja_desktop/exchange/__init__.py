"""Files in and out: Excel (openpyxl) and PDF (reportlab).

Turns core objects into files and files into core objects plus a report of
problems. Never touches the store: a service decides what is written.

Generic code, shared by every domain: `atomic` (a file appears whole or not at
all), `xlsx/` (safe opening, grids, cell styles) and the files directly in
`pdf/` (fonts, text, tables, heading, footer, signature, output). Each domain
builds its own room on it: `sop_xlsx/` and `pdf/sop/` for the SOP.
"""
