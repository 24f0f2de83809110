"""The progress counter, its chart and the project's phases."""
