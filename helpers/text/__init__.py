"""Sourced Markdown and HTML blocks the notebooks show."""
