"""The commands, between the options ``cli.py`` builds and the library.

Each takes its frozen options (``mtcheck.options``), the rule set and the
streams, and returns an exit status (``mtcheck.exits``).
"""
