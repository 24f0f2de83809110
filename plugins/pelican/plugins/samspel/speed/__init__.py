"""Speed machinery: every cache of the build, kept apart from the features."""
