"""A small but complete bilingual site: one item in every section, so every menu link exists.

The site is tests/data/complete-site/content; ACTIVITY makes more activities like its own.
"""

from __future__ import annotations

from helpers import fixture_files

ACTIVITY = (
    "---\ntitle: {title}\ntype: seminar\nstart: 2025-03-14\nplace: Östersund\n"
    "country: SE\nsummary: {summary}\n---\n{body}\n"
)

#: the files of tests/data/complete-site/content, by path (read-only: copy to change)
COMPLETE_SITE = fixture_files("complete-site")
