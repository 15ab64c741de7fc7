"""The JSON REST API for partner systems (django-ninja): reports in and out."""
