"""Correlation tests file reports the way the workspace tests do."""

from tests.reports.conftest import file_report, login

__all__ = ["file_report", "login"]
