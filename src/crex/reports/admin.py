"""Reports are deliberately not in the Django admin.

Every query that returns reports or observables must go through
`crex.reports.visibility.visible_reports`, and every change through the audited actions
in `crex.reports.services`; the admin would bypass both. Analysts and administrators
work on reports in the workspace (``/workspace/``).
"""
