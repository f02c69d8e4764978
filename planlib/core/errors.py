"""Problems found in a plan, collected and raised together.

An analyst fixes a plan faster from one complete list than from one error at a
time, so readers and validators append `Problem`s and raise a single
`PlanError` at the end. A problem carries a code and its parameters, never
wording: it is worded when shown, in the reader's language, from the
translation catalogs (`planlib.core.i18n`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Problem:
    """One thing wrong, located as a person would find it in a spreadsheet.

    `code` names the wording (`problem.<code>` in the catalogs), `expected`
    names what would have been right (`expected.<code>`); both are formatted
    with `params`.
    """

    file: str
    row: int | None
    column: str | None
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    expected: str | None = None
    severity: str = "error"  # "warning": shown by checks and notebooks, never blocks a load or a save

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    @property
    def where(self) -> str:
        text = self.file
        if self.row is not None:
            text += f":{self.row}"
        if self.column:
            text += f":{self.column}"
        return text

    @property
    def quoted(self) -> dict:
        """The parameters with days as the file holds them (2026-04-30): a located problem quotes its cells."""
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in self.params.items()}

    def text(self, lang: str) -> str:
        """The problem as one line in a language: `file:row:column: what (expected ...)`."""
        from .i18n import tr

        what = tr(f"problem.{self.code}", lang, **self.quoted)
        line = tr("problem.line", lang, where=self.where, what=what)
        if self.expected:
            line = tr("problem.line_expected", lang, line=line,
                      expected=tr(f"expected.{self.expected}", lang, **self.quoted))
        return line

    def what_text(self, lang: str) -> str:
        """What is wrong and what was expected, without the location (a form names the field instead)."""
        from .i18n import tr

        what = tr(f"problem.{self.code}", lang, **self.quoted)
        if not self.expected:
            return what
        return tr("problem.what_expected", lang, what=what, expected=tr(f"expected.{self.expected}", lang, **self.quoted))

    @property
    def message(self) -> str:
        """What is wrong, in English (for logs and tests)."""
        from .i18n import tr

        return tr(f"problem.{self.code}", "en", **self.quoted)

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class Wording:
    """A parameter that is itself a catalog key, worded in the message's language when shown."""

    key: str
    fallback: str = ""


_OS_REASONS = {"ENOENT": "no_such_folder", "ENOTDIR": "not_a_folder", "EACCES": "permission",
               "EPERM": "permission", "EROFS": "read_only", "ENOSPC": "disk_full", "EDQUOT": "disk_full",
               "EISDIR": "is_a_folder", "ENAMETOOLONG": "name_too_long", "EEXIST": "exists"}


def os_reason(error: OSError) -> Wording:
    """Why the system refused, as the kit words it (the C library's text in English is the fallback)."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    fallback = error.strerror or type(error).__name__
    return Wording(f"os.{_OS_REASONS[name]}", fallback) if name in _OS_REASONS else Wording("", fallback)


def worded(params: dict, lang: str) -> dict:
    from .i18n import tr

    return {k: ((tr(v.key, lang) if v.key else v.fallback) if isinstance(v, Wording) else v)
            for k, v in params.items()}


class CodedError(ValueError):
    """A value that cannot be read, with a code and parameters worded at display time."""

    def __init__(self, code: str, expected: str | None = None, **params):
        self.code, self.expected, self.params = code, expected, params
        super().__init__(self.text("en"))

    @classmethod
    def from_os(cls, error: OSError) -> "CodedError":
        return cls("os_error", "os_error", path=str(error.filename or ""), reason=os_reason(error))

    def text(self, lang: str) -> str:
        from .i18n import tr

        params = worded(self.params, lang)
        what = tr(f"problem.{self.code}", lang, **params)
        if self.expected:
            return tr("problem.what_expected", lang, what=what,
                      expected=tr(f"expected.{self.expected}", lang, **params))
        return what

    def problem(self, file: str, row: int | None, column: str | None) -> Problem:
        return Problem(file, row, column, self.code, self.params, self.expected)


MAX_LISTED = 300  # problems listed one per line; the rest are counted


class PlanError(Exception):
    """Raised with every problem of a plan at once."""

    def __init__(self, problems: list[Problem], lang: str = "en"):
        self.problems = list(problems)
        self.lang = lang  # the language `report` and notebooks list the problems in
        super().__init__(self.report("en"))

    def _render_traceback_(self) -> list[str]:
        """IPython shows this instead of a traceback: the analyst sees only the list."""
        return self.report(self.lang).splitlines()

    def report(self, lang: str | None = None) -> str:
        from .i18n import tr

        lang = lang or self.lang
        lines = [tr("problem.heading", lang, count=len(self.problems), n=len(self.problems))]
        lines += [f"  {p.text(lang)}" for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:  # a broken million-row file must not print a million lines
            more = len(self.problems) - MAX_LISTED
            lines.append("  " + tr("problem.more", lang, count=more, n=more))
        return "\n".join(lines)
