"""The data-kinerja domain: the Renstra plan and its indicators, the
calculation rule (`rules`, the one module applying it), periods, values as a
person types them, and collection rounds with their checksummed forms.

Standard library only; must not import `core.sop` (tests/test_layers.py).
"""
