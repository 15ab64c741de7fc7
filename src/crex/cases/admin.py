"""Cases are deliberately not in the Django admin: like reports, they are only read
through the visibility rules and changed through audited actions, never edited raw."""
