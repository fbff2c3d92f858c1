"""Type into forms with LibreOffice Calc, as a person would, and save them.

Run with Debian's /usr/bin/python3 (it has `uno`, package python3-uno):

    /usr/bin/python3 lo_type.py JOBS.json RESULT.json

JOBS.json = [{"in": "form.xlsx", "out": "filled.xlsx",
              "cells": [["F14", "number", 44.5], ["F13", "text", "BB"], ["F15", "percent", 85]],
              "read": ["G13", "G14"]}]
Numbers are entered as numbers, text as text, and a percentage the way Calc
stores "85%" typed into a cell (0.85 with a percent format). Sheet protection
does not stop UNO (see field notes). After typing, everything is recalculated
and the workbook is saved as Excel 2007-365 by Calc itself; RESULT.json gets
the values Calc computed in the "read" cells.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid

import uno  # provided by python3-uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.25)
    raise SystemExit("LibreOffice tidak dapat dihubungi")


def percent_format(doc):
    from com.sun.star.lang import Locale
    from com.sun.star.util.NumberFormat import PERCENT

    return doc.getNumberFormats().getStandardFormat(PERCENT, Locale())


def type_cells(doc, cells):
    sheet = doc.getSheets().getByName("Formulir")
    for ref, kind, value in cells:
        cell = sheet.getCellRangeByName(ref)
        if kind == "number":
            cell.setValue(float(value))
        elif kind == "percent":
            cell.setValue(float(value) / 100)
            cell.NumberFormat = percent_format(doc)
        elif kind == "clear":
            cell.setString("")
        else:
            cell.setString(str(value))


def run(jobs):
    profile = tempfile.mkdtemp(prefix="lo-kinerja-test-")
    pipe = f"kinerja_{uuid.uuid4().hex[:8]}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    results = []
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for job in jobs:
            doc = desktop.loadComponentFromURL(url(job["in"]), "_blank", 0, (prop("Hidden", True),))
            type_cells(doc, job.get("cells", []))
            doc.calculateAll()
            sheet = doc.getSheets().getByName("Formulir")
            read = {}
            for ref in job.get("read", []):
                cell = sheet.getCellRangeByName(ref)
                read[ref] = cell.getString() if cell.getType().value == "TEXT" else cell.getValue()
            doc.storeToURL(url(job["out"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
            doc.close(True)
            results.append(read)
        with contextlib.suppress(Exception):  # the office may already be going
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
    return results


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        jobs = json.load(fh)
    out = run(jobs)
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(out, fh)
