"""The content: what communicators may write (the contract), and reading it. No Pelican here."""
