"""Excel in general, for every workbook the domains read and write.

* `safety` — opening a workbook someone sent us: sniffing, size caps, no XML
  entities, then every sheet read into plain grids;
* `grid` — `SheetGrid`, a worksheet as plain values with merged areas filled;
* `style` — writing cells safely (never a formula) and the shared looks.

Nothing here knows an SOP (or any other domain): the SOP workbook lives in
`exchange.sop_xlsx`, built on this (tests/test_layers.py checks the direction).
Files are written atomically through `exchange.atomic`.
"""
