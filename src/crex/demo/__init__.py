"""Realistic demo data: organisations in several EU countries and hundreds of reports."""
