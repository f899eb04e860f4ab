"""Storage errors that reach users: each carries an English and a Chinese message."""
from __future__ import annotations


class StoreError(Exception):
    def __init__(self, code: str, message_en: str, message_zh: str):
        super().__init__(f"{message_en} / {message_zh}")
        self.code = code
        self.message_en = message_en
        self.message_zh = message_zh
