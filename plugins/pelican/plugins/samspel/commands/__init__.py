"""The ``samspel`` command line: build, serve, check, status, new, linkcheck, deploy, rollback."""
