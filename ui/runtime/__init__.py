"""What every screen stands on: the worker thread, the context and hub, progress, translations,
icons, settings, permissions, crash handling, automatic backups."""
