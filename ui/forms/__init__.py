"""Forms for every record kind, validating while the clerk types."""
