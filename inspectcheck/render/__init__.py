"""Render stage: a Report -> text for people or JSON for machines."""
