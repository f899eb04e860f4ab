"""Entry point: a subcommand runs the command line; no subcommand opens the GUI."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from .cli.main import COMMANDS
    first = first_word(argv)
    if first in COMMANDS or first in EXTRA_COMMANDS or "--help" in argv[:1] or "-h" in argv[:1] or "--version" in argv:
        from .cli.main import main as cli_main
        return cli_main(argv)
    if first is not None and not looks_like_a_file(first):
        from .cli.main import unknown_command     # `stat` for `stats`: say so, do not open the window
        return unknown_command(first)
    from .app import main as gui_main
    return gui_main(argv)


# Options of the window (app.py) and of Qt that take a value: that value is not a command.
_VALUE_OPTIONS = {"--db", "--demo", "--lang", "-platform", "-style", "-stylesheet", "-qwindowgeometry",
                  "-qwindowtitle", "-qwindowicon", "-display", "-geometry", "-platformpluginpath", "-platformtheme",
                  "-plugin", "-session", "-reverse"}


def first_word(argv: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg.startswith("-"):
            skip = arg in _VALUE_OPTIONS and arg != "-reverse"
            continue
        return arg
    return None


def looks_like_a_file(word: str) -> bool:
    """`sanxiang-desktop FILE.sxpkg` opens the window with that file: a path, a name with a
    suffix, or an existing file is a file; a bare word is a (mistyped) command."""
    import os
    return os.path.exists(word) or any(sep in word for sep in ("/", "\\", ".")) or ":" in word


# Subcommands added by later layers (sync, printing, spreadsheets) register here too.
EXTRA_COMMANDS: set[str] = set()

if __name__ == "__main__":
    sys.exit(main())
