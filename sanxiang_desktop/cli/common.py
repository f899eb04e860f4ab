"""Exit codes and error reporting shared by every command (ARCHITECTURE.md contract)."""
from __future__ import annotations

import json
import sys

OK, BUG, REJECTED, NEEDS_CONFIRMATION = 0, 1, 2, 3


class CliError(Exception):
    """Bad input: printed in English and Chinese, exit 2 (or 3), no traceback."""

    def __init__(self, message_en: str, message_zh: str, code: int = REJECTED):
        super().__init__(message_en)
        self.message_en, self.message_zh, self.code = message_en, message_zh, code


def fail(message_en: str, message_zh: str, code: int = REJECTED) -> "CliError":
    return CliError(message_en, message_zh, code)


def print_error(err: CliError) -> None:
    print(f"error: {err.message_en}\n错误：{err.message_zh}", file=sys.stderr)


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
