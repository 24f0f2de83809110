"""Samspel 63's Pelican plugin: content contract, the two sites, calendars, progress."""

from .samspel import register

__all__ = ["register"]
