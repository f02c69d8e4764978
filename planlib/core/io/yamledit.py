"""Edit a YAML document in place, keeping what the analyst wrote around the change.

Forms save audit.yaml or plan.yaml as data; writing that data with a plain
dump would drop every comment and the compact `{...}` style of the file.
ruamel.yaml's round-trip mode keeps them: the new data is merged into the
file's own tree, so untouched keys keep their comments, order and style.
(Reading stays with PyYAML's safe loader everywhere else.)
"""
from __future__ import annotations

import io


def _merge(old, new):
    """`new`'s values, put into `old`'s containers where both are of the same kind (so comments stay)."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old[key], value) if key in old else value
        return old
    if isinstance(old, list) and isinstance(new, list):
        del old[len(new):]
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merge(old[index], value)
            else:
                old.append(value)
        return old
    return old if type(old) is type(new) and old == new else new


def edited_text(old_text: str | None, data) -> str:
    """The YAML text of `data`, written over `old_text` so that its comments and layout survive."""
    from ruamel.yaml import YAML

    yaml = YAML()  # round trip
    yaml.width = 4096  # never fold a line the analyst wrote on one
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of the kit's own files
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    tree = yaml.load(old_text) if old_text and old_text.strip() else None
    merged = _merge(tree, data) if tree is not None else data
    out = io.StringIO()
    yaml.dump(merged, out)
    return out.getvalue()
