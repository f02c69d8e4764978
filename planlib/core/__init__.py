"""The core: the plan-folder format, cell parsing, validation engine, periods, reading and writing, translations.

It names no step and imports no widget library.
"""
