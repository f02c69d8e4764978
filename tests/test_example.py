"""data/example and data/example-2025 are what scripts/make_example.py writes: regenerating them changes nothing."""
from __future__ import annotations

import shutil
import sys

from conftest import EXAMPLE, ROOT, tree_bytes

PREVIOUS = ROOT / "data" / "example-2025"


def test_example_tables_regenerate_byte_for_byte(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from example_2025 import write_previous
        from make_example import write_example
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    example, previous = tmp_path / "example", tmp_path / "example-2025"
    for source, target in ((EXAMPLE, example), (PREVIOUS, previous)):
        target.mkdir()
        for name in ("plan.yaml", "audit.yaml", "personas.yaml"):
            if (source / name).exists():
                shutil.copy(source / name, target / name)
    write_previous(previous)
    write_example(example)
    assert tree_bytes(previous) == tree_bytes(PREVIOUS)
    assert tree_bytes(example) == tree_bytes(EXAMPLE)
