"""`planlib --help` in the reader's language: every help text of the command line is a catalog key
(`help.<command>.<option>`), worded when the help is shown, like argparse's own headings."""
from __future__ import annotations

import argparse

from .core.i18n import tr

# argparse's own words, each with the catalog key that words it again
ARGPARSE_WORDS = {
    "show this help message and exit": "help.help",
    "positional arguments": "help.section.positional",
    "options": "help.section.options",
}


class WordedHelpFormatter(argparse.HelpFormatter):
    """A help formatter that words catalog keys and argparse's headings in the parser's language."""

    lang = "en"  # the parser's, given by WordedParser when it makes a formatter

    def words(self, text):
        if not isinstance(text, str):
            return text
        key = ARGPARSE_WORDS.get(text, text)
        return tr(key, self.lang) if key.startswith("help.") else text

    def _get_help_string(self, action):
        return self.words(action.help)

    def add_text(self, text):
        super().add_text(self.words(text))

    def start_section(self, heading):
        super().start_section(self.words(heading))

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, tr("help.usage", self.lang) if prefix is None else prefix)
