"""Step 1's file: the audit (SWOT, PESTEL, market, competitors, last year's review)."""
from __future__ import annotations

PESTEL_FACTORS = ("political", "economic", "social", "technological", "environmental", "legal")
SWOT_KEYS = ("strengths", "weaknesses", "opportunities", "threats")

YAML_FILES = ("audit.yaml",)
