"""Command-line mistakes (an unknown choice, a missing option, a value of the wrong type) worded like every
other problem: through the catalogs, in the reader's language, exit 1 and no usage dump.

argparse words its errors in English; this parser recognises the few shapes it produces and words them again.
"""
from __future__ import annotations

import argparse
import re
import sys

from .cli_help import WordedHelpFormatter
from .core.i18n import labelled, tr
from .core.language import asked_language, resolve_language

# argparse's own sentences (Python 3.11+), each with the catalog key that words it again
SHAPES = (
    (re.compile(r"argument (?P<option>[^:]+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)$"),
     "cli.invalid_choice"),
    (re.compile(r"argument (?P<option>[^:]+): invalid (?P<kind>\w+) value: (?P<value>.+)$"), "cli.invalid_value"),
    (re.compile(r"argument (?P<option>[^:]+): expected one argument$"), "cli.expects_value"),
    (re.compile(r"argument (?P<option>[^:]+): not allowed with argument (?P<other>.+)$"), "cli.not_together"),
    (re.compile(r"the following arguments are required: (?P<names>.+)$"), "cli.required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)$"), "cli.unrecognized"),
)


def argv_language(argv: list[str]) -> str:
    """The language of a mistyped command line, before any plan is known: the one it asks for, else English."""
    return resolve_language(asked_language(argv))


def worded(message: str, lang: str) -> str:
    """argparse's English sentence as the catalogs word it (unchanged when its shape is not known)."""
    for pattern, key in SHAPES:
        match = pattern.match(message)
        if match:
            found = match.groupdict()
            if "kind" in found:
                found["kind"] = tr(f"cli.kind.{found['kind']}", lang) if found["kind"] in ("int", "float") \
                    else found["kind"]
            return tr(key, lang, **found)
    return message


def say_error(what: str, lang: str) -> None:
    """One refusal on stderr, in the reader's language: `error: ...` (`erreur : ...`)."""
    print(tr("cli.error", lang, what=what), file=sys.stderr)


class WordedParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors read like the kit's other problems: the command, the mistake, the help hint.

    `lang` is set for the whole command line before parsing (sub-commands' parsers share it)."""

    lang = "en"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", WordedHelpFormatter)
        super().__init__(*args, **kwargs)

    def _get_formatter(self):
        """The help speaks the command line's language, as its mistakes do."""
        formatter = super()._get_formatter()
        formatter.lang = WordedParser.lang
        return formatter

    def error(self, message: str):
        say_error(labelled(self.prog, worded(message, WordedParser.lang), WordedParser.lang), WordedParser.lang)
        print(tr("cli.see_help", WordedParser.lang, command=self.prog), file=sys.stderr)
        raise SystemExit(1)
