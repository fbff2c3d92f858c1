"""The domain, in plain Python: no Qt, no peewee, no file formats.

Each domain has its own room (`sop/`: the SOP document and its rules); the
swimlane geometry is in `layout/`; `office`, `nip`, `dates`, `errors` and `page`
(paper sizes, margins, page settings) are shared by all of them.

Only the standard library may be imported here (tests/test_layers.py checks it).
"""
