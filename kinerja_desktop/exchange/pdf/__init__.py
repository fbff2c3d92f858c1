"""Printed sheets as vector PDF: identity sheet, flowchart, Lembar Kerja, Buku SOP."""
