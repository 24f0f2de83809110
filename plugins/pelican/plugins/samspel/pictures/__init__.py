"""Pictures: files, derivatives, and the pictures on the pages."""
