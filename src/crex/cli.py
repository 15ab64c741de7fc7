"""The ``crex`` command.

``crex serve`` runs the web application; every other word is a Django management
command (``crex migrate``, ``crex demo``, ``crex createadmin``, ``crex shell``...).
"""

from __future__ import annotations

import argparse
import os
import sys


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crex.config.settings")
    import django

    django.setup()


def serve(argv: list[str]) -> int:
    """Migrate (on the embedded SQLite default) and serve the application with waitress."""
    parser = argparse.ArgumentParser(prog="crex serve", description=serve.__doc__)
    parser.add_argument("--host", default=os.environ.get("CREX_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("CREX_PORT", "8000")))
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument(
        "--no-migrate", action="store_true", help="do not apply migrations before serving"
    )
    args = parser.parse_args(argv)
    _setup()
    from django.conf import settings
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    from crex.config.wsgi import application

    if not args.no_migrate:
        call_command("migrate", interactive=False, verbosity=0)
    print(f"crex serving on http://{args.host}:{args.port}/", flush=True)
    waitress_serve(
        application,
        host=args.host,
        port=args.port,
        threads=args.threads,
        ident="crex",
        # Bodies above this never reach Django; the API's own limit is lower still.
        max_request_body_size=settings.DATA_UPLOAD_MAX_MEMORY_SIZE + settings.CREX_MAX_UPLOAD_BYTES,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``crex`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["serve"]:
        return serve(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crex.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["crex", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
