"""The pure engine of crex: no Django import anywhere below this package.

Every module here works on plain Python values so that it can be unit-tested and
benchmarked without a database, and reused by the intake, sharing and statistics apps.
"""
