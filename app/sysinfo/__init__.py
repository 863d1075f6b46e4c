"""Installed browsers and system facts; every collector guarded."""
