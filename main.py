"""Ticketwise entry point: ``python main.py`` starts the GUI; ``--help`` lists the CLI."""

from app.bootstrap import main

if __name__ == "__main__":
    raise SystemExit(main())
