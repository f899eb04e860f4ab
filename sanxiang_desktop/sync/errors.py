"""Errors of the sync package container.

Every refusal of a file that came from outside is a PackageError with a stable
machine ``code`` (scripts, the CLI's ``--json`` output and tests match on it)
and a message in English and Chinese, because it reaches the command line and
the GUI as it is.
"""
from __future__ import annotations

from typing import Any


class PackageError(Exception):
    """A package (or part, or key) was refused.

    Codes used by the container layer:
    ``empty``, ``not_zip``, ``damaged``, ``bad_member``, ``too_large``,
    ``bad_signature``, ``bad_manifest``, ``newer_format``, ``key_mismatch``,
    ``untrusted``, ``payload_mismatch``, ``decrypt_failed``, ``bad_key``,
    ``is_part``, ``not_part``, ``missing_part``, ``duplicate_part``,
    ``foreign_part``, ``damaged_part``.
    ``wrong_recipient`` is left to the record layer (recipient unit check).

    ``details`` carries machine-readable facts for the caller (e.g. the list of
    missing part numbers) so it need not parse the message.
    """

    def __init__(self, code: str, message_en: str, message_zh: str, **details: Any) -> None:
        self.code = code
        self.message_en = message_en
        self.message_zh = message_zh
        self.details = details
        super().__init__(code, message_en, message_zh)

    def __str__(self) -> str:
        return f"{self.message_en} / {self.message_zh}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.message_en!r})"


class UntrustedSender(PackageError):
    """The signature is valid, but no key is on record for the sending unit.

    The clerk has to confirm ``fingerprint`` (read out over the phone) before the
    package may be imported; ``sender_public`` is what gets stored once confirmed.
    """

    def __init__(self, sender_unit: str, fingerprint: str, key_id: str,
                 sender_public: bytes) -> None:
        self.sender_unit = sender_unit
        self.fingerprint = fingerprint
        self.key_id = key_id
        self.sender_public = sender_public
        super().__init__(
            "untrusted",
            f"Unit {sender_unit} is not yet a trusted sender. Confirm that its key "
            f"fingerprint is {fingerprint} (ask the sender by phone) before importing.",
            f"单位 {sender_unit} 尚未被信任。请先与发送方电话核对其密钥指纹为 {fingerprint}，"
            f"确认后再导入。",
            sender_unit=sender_unit, fingerprint=fingerprint, key_id=key_id,
        )


class ExchangeError(Exception):
    """A refused exchange action (not a damaged file): bilingual, for the CLI and the GUI."""

    def __init__(self, code: str, message_en: str, message_zh: str):
        super().__init__(f"{message_en} / {message_zh}")
        self.code, self.message_en, self.message_zh = code, message_en, message_zh
