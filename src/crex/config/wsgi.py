"""WSGI entry point (``crex serve`` runs it under waitress)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crex.config.settings")
application = get_wsgi_application()
