"""Reusable widgets: the virtual table model for previews, plots, file fields."""
