"""Presentation engines with no step knowledge: forms, charts, rich display."""
