"""planlib: the logic behind the marketing action plan workbooks.

Notebooks call `load_plan`, then the step modules; everything is a pure
function of the plan files, the period, the as-of date and the language.
"""
__version__ = "0.1.0"

from .errors import PlanError, Problem  # noqa: E402
from .plan import Plan, export_plan, import_plan, load_plan  # noqa: E402
from .keyfigures import summary  # noqa: E402
from .progress import overview  # noqa: E402
from .linter import smart  # noqa: E402
from .templates import new_plan  # noqa: E402

__all__ = ["Plan", "PlanError", "Problem", "load_plan", "import_plan", "export_plan", "new_plan",
           "summary", "overview", "smart", "__version__"]

