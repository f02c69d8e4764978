"""The workspace commands: `planlib new`, `planlib lab` and `planlib upgrade`, each in the language
the kit's one rule gives (core/language.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..core.i18n import tr
from ..core.language import resolve_language
from .create import new_workspace, read_record
from .upgrade import upgrade_workspace


def run_new(args) -> int:
    root = new_workspace(args.name, args.lang, args.source, args.example, company=args.company, year=args.year,
                         market=args.market)
    print(tr("workspace.created", read_record(root)["lang"], folder=root, plan=root / "plan",
             notebooks=root / "notebooks"))
    return 0


def _workspace_language(args) -> str:
    """A workspace command's language: --messages when given, else the one asked when the workspace was
    created (`planlib new --lang`, which its notebooks speak too), else its plan's."""
    asked = args.messages if args.messages_given else read_record(args.workspace).get("lang")
    return resolve_language(asked, Path(args.workspace) / "plan", workspace=args.workspace)


def run_lab(args) -> int:
    from .lab import run_lab as start

    read_record(args.workspace)  # not a workspace: said before anything starts
    code = start(args.workspace, args.port, not args.no_browser, say=lambda url: print(url, flush=True))
    print(tr("workspace.lab_stopped", _workspace_language(args)), file=sys.stderr)
    return code


def run_upgrade(args) -> int:
    read_record(args.workspace)  # not a workspace: said before anything is written
    lang = _workspace_language(args)
    for result in upgrade_workspace(args.workspace):
        print(tr("workspace.added" if result.added else "workspace.upgraded", lang, notebook=result.notebook))
        for line in result.kept:
            print(tr("workspace.kept_cell", lang, line=line))
        for line in result.replaced_edits:
            print(tr("workspace.replaced_edit", lang, line=line))
    return 0
