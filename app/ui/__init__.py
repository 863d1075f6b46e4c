"""PySide6 widgets. Owns every user-visible string."""
