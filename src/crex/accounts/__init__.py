"""Organisations, their users and roles, and API tokens."""
