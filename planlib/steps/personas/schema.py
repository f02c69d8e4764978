"""Step 3's file: the personas, with their B2B or B2C criteria."""
from __future__ import annotations

PERSONA_TYPES = ("B2B", "B2C")

YAML_FILES = ("personas.yaml",)

# Records of its YAML file that tables refer to by id: ref name -> (file, top-level key).
ID_SOURCES = {"personas": ("personas.yaml", "personas")}
