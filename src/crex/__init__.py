"""crex: Cybercrime Reporting and EXchange."""

__version__ = "0.1.0"
