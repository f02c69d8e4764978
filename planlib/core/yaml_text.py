"""YAML read safely (never a Python object built from a tag) with libyaml's speed when it is installed:
PyYAML's pure-Python safe_load takes a tenth of a second on files the kit reads at every command."""
from __future__ import annotations

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """yaml.safe_load, through libyaml when present (same result, same errors: yaml.YAMLError)."""
    return yaml.load(text, Loader=SAFE_LOADER)
