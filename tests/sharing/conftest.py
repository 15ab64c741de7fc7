"""Fixtures for the sharing tests: reports filed and processed the way intake does."""

from __future__ import annotations

from tests.correlation.conftest import Ingest, file_report, ingest, login

__all__ = ["Ingest", "file_report", "ingest", "login"]
