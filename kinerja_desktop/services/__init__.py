"""Use cases: each public call is one transaction (plus one audit row).

The only writers of the database. Returns `core` objects.
"""
