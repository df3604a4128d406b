"""The exit statuses of every command, in one place (README "Exit status")."""

from __future__ import annotations

EXIT_CLEAN = 0  # nothing found, or everything fixed
EXIT_FINDINGS = 1  # findings remain (or a threshold was missed)
EXIT_ERROR = 2  # a usage, config, rule or input error
EXIT_INTERRUPTED = 130  # Ctrl-C or SIGTERM, as shells report SIGINT
