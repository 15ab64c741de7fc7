"""Intake: the public reporting portal, the REST API and (later) e-mail and feed import."""
