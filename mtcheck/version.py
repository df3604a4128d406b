"""The one place the version is written (read by the build too)."""

__version__ = "0.1.0"
