"""Entry point: the fast path or typer, and the one place errors become exit codes."""

from __future__ import annotations

import os
import sys

from .errors import EXIT_OK, AitermsError

EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70
EXIT_OUTPUT = 74  # EX_IOERR: the output could not be written (disk full, closed terminal)


def _error(message: str) -> None:
    from .sources.sanitize import clean_line

    sys.stderr.write(f"aiterms: {clean_line(message)}\n")
    sys.stderr.flush()


def _configure_stdio() -> None:
    """Never fail on an ASCII-only terminal or pipe: unencodable characters are replaced, not fatal."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf16", "utf32") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (OSError, ValueError):
                pass


def _run_typer(args: list[str]) -> int:
    from typer import Abort
    from typer._click import exceptions as click_exceptions  # typer >=0.26 vendors click
    from typer.main import get_command

    from .cli.app import app

    command = get_command(app)
    if not args:
        args = ["--help"]  # bare `aiterms` shows the help, successfully
    try:
        result = command.main(args=args, prog_name="aiterms", standalone_mode=False)
    except click_exceptions.ClickException as exc:
        hint = ""
        if isinstance(exc, click_exceptions.UsageError):
            path = exc.ctx.command_path if exc.ctx is not None else "aiterms"
            hint = f" (see '{path} --help')"
        _error(f"error: {exc.format_message()}{hint}")
        return exc.exit_code
    except Abort:
        return EXIT_INTERRUPTED
    return result if isinstance(result, int) else EXIT_OK


def run(args: list[str]) -> int:
    """Run one command line; the exit code is returned, never raised."""
    if args[:1] == ["__complete"]:  # the completion scripts' callback: candidates only, never a message
        from .cli.complete import main as complete

        return complete(args[1:])
    _configure_stdio()
    from .index.store import NOTES, WARNINGS

    WARNINGS.clear()
    NOTES.clear()
    try:
        try:
            from .options import hoist_globals, implicit_show

            args = implicit_show(hoist_globals(args))
            handled = False
            if not os.environ.get("AITERMS_NO_FASTPATH"):
                from .cli.fast import try_fast

                handled = try_fast(args)
            code = EXIT_OK if handled else _run_typer(args)
        finally:
            for note in NOTES:
                _error(note)
            for warning in WARNINGS:
                _error(f"warning: {warning}")
        return code
    except AitermsError as exc:
        if exc.message:
            _error(exc.message)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (`aiterms list | head -1`): stop quietly, and keep Python's own flush at exit quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except OSError as exc:  # the environment's problem (disk full, file system), not a bug
        what = f"{exc.filename}: {exc.strerror}" if exc.filename else f"cannot write output: {exc.strerror or exc}"
        try:
            _error(what)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # nothing left for Python's own flush at exit to fail on
        except OSError:
            pass
        return EXIT_OUTPUT
    except Exception as exc:
        _error(f"internal error: {type(exc).__name__}: {exc} (please report this)")
        return EXIT_INTERNAL


def main() -> None:
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
