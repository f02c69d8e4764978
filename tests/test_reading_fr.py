"""The reading tier in French: both samples' reports, notebooks, forms, commands and workshop pages."""
from __future__ import annotations

import pytest
from reading_tier import (  # noqa: F401 - the tier's tests, collected here for French
    plans, pytestmark, reports, test_every_command_speaks_one_language, test_every_notebook_and_form_reads_right,
    test_every_report_page_reads_right, test_workshop_pages_and_messages_read_right)


@pytest.fixture(scope="module")
def lang() -> str:
    return "fr"
