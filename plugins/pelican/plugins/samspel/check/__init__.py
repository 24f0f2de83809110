"""The content check (``samspel check``): every mistake in content/ named at once, in sv/nb."""
