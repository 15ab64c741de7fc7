"""Settings for the test suite: the real settings, with a throw-away data directory.

Keys, the SQLite file and uploads of a test run never touch ./var.
"""

import os
import tempfile

os.environ.setdefault("CREX_DATA_DIR", tempfile.mkdtemp(prefix="crex-test-"))

from crex.config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
