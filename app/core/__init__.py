"""Domain model and rules. Standard library only."""
