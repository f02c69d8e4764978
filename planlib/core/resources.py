"""Where the kit's own files are: the notebooks, the sample plans and the workshop cases.

An installed wheel carries them inside the package (`planlib/shipped/`, copied there when the wheel is
built, see setup.py); an editable install or a checkout reads them from the repository's `notebooks/` and
`data/`, which stay the sources to edit. Every module asks here, never `Path(__file__).parents[...]`.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

SHIPPED = "shipped"  # the folder inside the package that a built wheel holds
SAMPLE_PLANS = ("example", "example-2025", "exemple-fr")  # read and copied, never written


def kit_root() -> Path:
    """The folder holding notebooks/ and data/: inside the installed package, else the repository."""
    packaged = resources.files("planlib") / SHIPPED
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2]


def notebooks_dir() -> Path:
    return kit_root() / "notebooks"


def data_dir() -> Path:
    return kit_root() / "data"


def sample_plans() -> tuple[Path, ...]:
    return tuple(data_dir() / name for name in SAMPLE_PLANS)


def example_plan() -> Path:
    return data_dir() / SAMPLE_PLANS[0]


def cases_dir() -> Path:
    return data_dir() / "cases"
