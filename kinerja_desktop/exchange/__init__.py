"""Files in and out: Excel (openpyxl) and PDF (reportlab).

Turns core objects into files and files into core objects plus a report of
problems. Never touches the store: a service decides what is written.
"""
