"""planlib: the logic behind the marketing action plan workbooks.

Notebooks call `load_plan`, then the step modules; everything is a pure
function of the plan files, the period, the as-of date and the language.
Names below load on first use, so `import planlib` (and the command line's
start) stays fast.
"""
__version__ = "0.1.0"

_EXPORTS = {
    "PlanError": "planlib.core.errors", "Problem": "planlib.core.errors", "Plan": "planlib.core.plan",
    "export_plan": "planlib.core.plan", "new_plan": "planlib.steps",
    "load_plan": "planlib.steps", "import_plan": "planlib.steps",
    "summary": "planlib.steps.summary", "overview": "planlib.steps.progress",
    "smart": "planlib.steps.objectives.linter", "start": "planlib.notebook.session",
    "what_changed": "planlib.versions.show",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'planlib' has no attribute '{name}'")
