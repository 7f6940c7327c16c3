"""The command line: the typer app and the fast path for plain show and search."""
