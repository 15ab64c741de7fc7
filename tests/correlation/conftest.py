"""Correlation tests file reports the way the workspace tests do, and process them (so
that correlation links them and proposes cases) with `ingest`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crex.accounts.models import Organisation
from crex.reports.models import Report
from crex.reports.pipeline import process_report
from tests.reports.conftest import FileReport, file_report, login

__all__ = ["Ingest", "file_report", "ingest", "login"]

Ingest = Callable[..., Report]


@pytest.fixture
def ingest(file_report: FileReport) -> Ingest:
    """File a report with ``narrative`` and run the processing pipeline on it."""

    def file(narrative: str, organisation: Organisation | None = None, **fields: object) -> Report:
        report = file_report(organisation, narrative=narrative, **fields)
        process_report(report)
        report.refresh_from_db()
        return report

    return file
