"""The domain, in plain Python: no Qt, no peewee, no file formats.

Only the standard library may be imported here (tests/test_layers.py checks it).
"""
