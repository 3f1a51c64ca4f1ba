"""jobsieve: a vetted feed of remote assistant jobs.

This package holds what the parts share: settings, the listing record, the store and the CLI.
"""
