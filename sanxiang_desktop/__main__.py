"""Entry point: a subcommand runs the command line; no subcommand opens the GUI."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from .cli.main import COMMANDS
    first = next((a for a in argv if not a.startswith("-")), None)
    if first in COMMANDS or first in EXTRA_COMMANDS or "--help" in argv[:1] or "-h" in argv[:1] or "--version" in argv:
        from .cli.main import main as cli_main
        return cli_main(argv)
    from .app import main as gui_main
    return gui_main(argv)


# Subcommands added by later layers (sync, printing, spreadsheets) register here too.
EXTRA_COMMANDS: set[str] = set()

if __name__ == "__main__":
    sys.exit(main())
