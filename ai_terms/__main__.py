"""Entry point: the fast path or typer, and the one place errors become exit codes."""

from __future__ import annotations

import os
import sys

from .errors import EXIT_OK, AitermsError
from .messages import Message, literal, msg

EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70
EXIT_OUTPUT = 74  # EX_IOERR: the output could not be written (disk full, closed terminal)


def _error(message: Message, lang: str) -> None:
    """One line on stderr, in the language of the command line."""
    from .sources.sanitize import clean_line

    sys.stderr.write(f"aiterms: {clean_line(message.text(lang))}\n")
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


def _run_typer(args: list[str], lang: str) -> int:
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
        said = literal(exc.format_message())  # click's own words stay English
        if isinstance(exc, click_exceptions.UsageError):
            path = exc.ctx.command_path if exc.ctx is not None else "aiterms"
            said = msg("see_help", text=said, command=path)
        _error(msg("error", text=said), lang)
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
    from .options import hoist_globals, implicit_show, message_lang

    lang = "en"
    try:
        try:
            args = implicit_show(hoist_globals(args))
            lang = message_lang(args)
            handled = False
            if not os.environ.get("AITERMS_NO_FASTPATH"):
                from .cli.fast import try_fast

                handled = try_fast(args)
            code = EXIT_OK if handled else _run_typer(args, lang)
        finally:
            for note in NOTES:
                _error(note, lang)
            for warning in WARNINGS:
                _error(msg("warning", text=warning), lang)
        return code
    except AitermsError as exc:
        if exc.text(lang):
            _error(exc.said, lang)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (`aiterms list | head -1`): stop quietly, and keep Python's own flush at exit quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except OSError as exc:  # the environment's problem (disk full, file system), not a bug
        reason = str(exc.strerror or exc)
        what = literal(f"{exc.filename}: {reason}") if exc.filename else msg("cannot_write", reason=reason)
        try:
            _error(what, lang)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # nothing left for Python's own flush at exit to fail on
        except OSError:
            pass
        return EXIT_OUTPUT
    except Exception as exc:
        _error(msg("internal_error", text=f"{type(exc).__name__}: {exc}"), lang)
        return EXIT_INTERNAL


def main() -> None:
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
