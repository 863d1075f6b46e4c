"""``python -m app`` runs the same entry point as ``main.py``."""

from app.bootstrap import main

raise SystemExit(main())
