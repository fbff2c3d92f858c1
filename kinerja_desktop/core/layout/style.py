"""How the flowchart sheet is inked: every line width, dash, colour and arrow size.

One place for all of them, read by the layout (which keeps text clear of lines
as wide as they are drawn) and by the display list (`display.py`), which both
painters — the PDF and the on-screen view — interpret without a style of their
own. Widths and lengths are in points; colours are "#rrggbb"; a dash is the
on/off lengths in points (as PDF has it).
"""

from __future__ import annotations

INK = "#000000"  # lines, arrowheads, text
PAPER = "#ffffff"  # inside symbols and off-page connectors

# the table
GRID = 0.5  # grid lines and header cell borders
FRAME = 0.8  # the frame around the whole table
HEADER_FILL = "#c9d9ea"  # the header cells
NUMBER_FILL = "#dde7f1"  # the column numbers (1) (2) … (n)

# symbols and connectors
SYMBOL_LINE = 0.8  # outlines of symbols and off-page connectors
CONNECTOR_WIDTH = 0.6
JOIN_DASH = (1.0, 1.6)  # dotted: the boxes of one step done in several lanes
DASHED = (3.0, 2.0)  # any other connector marked dashed
ARROW_LENGTH = 5.0  # from the tip to the base of an arrowhead
ARROW_HALF_WIDTH = 2.2  # half the base of an arrowhead
ARROW_PULL = 0.8 * ARROW_LENGTH  # a line with an arrowhead ends this far before the tip
