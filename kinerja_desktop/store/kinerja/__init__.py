"""Data kinerja storage: rows in, `core.kinerja` objects out.

`plan` (Renstra tree, indicators, targets, pagu, PK), `rounds` (rounds and
issued forms), `values` (import batches and values with their history). No
transactions or audit here: the services wrap these calls.
"""
