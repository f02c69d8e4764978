"""data/example is what scripts/make_example.py writes: regenerating it changes nothing."""
from __future__ import annotations

import shutil
import sys

from conftest import EXAMPLE, ROOT, tree_bytes


def test_example_tables_regenerate_byte_for_byte(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from make_example import write_example
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    for name in ("plan.yaml", "audit.yaml", "personas.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    write_example(tmp_path)
    assert tree_bytes(tmp_path) == tree_bytes(EXAMPLE)
