"""transaudit: audit machine-translated articles for the artifacts MT leaves."""

__version__ = "0.1.0"
