"""Persistence: peewee models on SQLite, the connection, migrations and backups.

Imports peewee and `core` only.
"""
