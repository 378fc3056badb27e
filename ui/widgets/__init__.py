"""Widgets used by several screens: the search box, date fields, charts, the service history."""
