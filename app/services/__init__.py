"""Orchestration over store and connectors: the outbox, drafts, background work."""
