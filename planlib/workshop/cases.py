"""The workshop cases shipped with the kit: data/cases/<case>/{blank,solution}/<lang>/, each a plan folder."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import CodedError
from ..core.resources import cases_dir

CASES_DIR = cases_dir()


def cases() -> list[str]:
    return sorted(p.name for p in CASES_DIR.iterdir() if (p / "blank").is_dir()) if CASES_DIR.is_dir() else []


def case_languages(case: str) -> list[str]:
    return sorted(p.name for p in (CASES_DIR / case / "blank").iterdir() if (p / "plan.yaml").exists())


def case_folder(case: str, version: str, lang: str) -> Path:
    """A case's blank or solution plan in a language; a located message for an unknown case or language."""
    if case not in cases():
        raise CodedError("workshop_unknown_case", "workshop_case", case=case, cases=", ".join(cases()))
    if lang not in case_languages(case):
        raise CodedError("workshop_case_language", "workshop_case", case=case, language=lang,
                         languages=", ".join(case_languages(case)))
    return CASES_DIR / case / version / lang
