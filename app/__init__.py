"""Ticketwise: file support tickets a help desk can act on at once, and follow them to the end."""

__version__ = "0.1.0"
APP_NAME = "Ticketwise"
