"""Installation keys: one Ed25519 key pair per installation.

The same key signs (Ed25519) and, converted to X25519 with libsodium's
``to_curve25519`` functions, receives sealed-box encrypted payloads, so an
installation has to publish and a clerk has to confirm one key only.

All cryptography is PyNaCl (libsodium); nothing here is home-made.
"""
from __future__ import annotations

import nacl.exceptions
import nacl.hash
import nacl.public
import nacl.signing
from nacl.encoding import RawEncoder

from .errors import PackageError

PUBLIC_KEY_SIZE = 32
SIGNATURE_SIZE = 64

# Distinct BLAKE2b personalisations so the key id and the fingerprint are
# independent digests (one can never be mistaken for a prefix of the other).
_PERSON_KEY_ID = b"sanxiang-keyid"
_PERSON_FINGERPRINT = b"sanxiang-fpr"

# Crockford base32: no I, L, O, U, so a fingerprint read over the phone has no
# look-alike letters.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD_ALIASES = {"O": "0", "I": "1", "L": "1"}


def _bad_key(what_en: str, what_zh: str) -> PackageError:
    return PackageError("bad_key", f"Invalid key: {what_en}.", f"密钥无效：{what_zh}。")


def _check_public(public_bytes: bytes) -> bytes:
    if not isinstance(public_bytes, (bytes, bytearray)) or len(public_bytes) != PUBLIC_KEY_SIZE:
        raise _bad_key("a public key must be 32 bytes", "公钥必须为 32 字节")
    return bytes(public_bytes)


def key_id_of(public_bytes: bytes) -> str:
    """Returns short stable id of a public key: 16 hex digits (64 bits) of BLAKE2b."""
    digest = nacl.hash.blake2b(_check_public(public_bytes), digest_size=8,
                               person=_PERSON_KEY_ID, encoder=RawEncoder)
    return digest.hex()


def fingerprint(public_bytes: bytes) -> str:
    """Returns human-readable fingerprint, e.g. ``K4F7-9QX2-B81D-6M3T``.

    80 bits of BLAKE2b as 16 Crockford base32 characters in four groups: short
    enough to read over the phone, long enough that nobody can make a second
    key with the same fingerprint.
    """
    digest = nacl.hash.blake2b(_check_public(public_bytes), digest_size=10,
                               person=_PERSON_FINGERPRINT, encoder=RawEncoder)
    number = int.from_bytes(digest, "big")
    chars = [_CROCKFORD[(number >> shift) & 31] for shift in range(75, -1, -5)]
    text = "".join(chars)
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


def normalize_fingerprint(text: str) -> str:
    """Canonical form of a fingerprint typed by a person.

    Case, spaces and dashes do not matter and the Crockford look-alikes
    (O for 0, I/L for 1) are accepted. Returns "" when the text cannot be a
    fingerprint, so a comparison with a real one simply fails.
    """
    cleaned = "".join(ch for ch in str(text).upper() if ch not in " -\t")
    cleaned = "".join(_CROCKFORD_ALIASES.get(ch, ch) for ch in cleaned)
    if len(cleaned) != 16 or any(ch not in _CROCKFORD for ch in cleaned):
        return ""
    return "-".join(cleaned[i:i + 4] for i in range(0, 16, 4))


def fingerprint_matches(public_bytes: bytes, typed: str) -> bool:
    """Returns True when ``typed`` (as a clerk entered it) is the fingerprint of the key."""
    normal = normalize_fingerprint(typed)
    return bool(normal) and normal == fingerprint(public_bytes)


def verify(public_bytes: bytes, data: bytes, signature: bytes) -> bool:
    """Check an Ed25519 signature; any malformed input is simply ``False``.
    Returns True for a good signature."""
    try:
        nacl.signing.VerifyKey(bytes(public_bytes)).verify(bytes(data), bytes(signature))
    except (nacl.exceptions.CryptoError, TypeError, ValueError):
        return False
    return True


def box_public_from_verify(public_bytes: bytes) -> nacl.public.PublicKey:
    """Returns the X25519 encryption key that belongs to an Ed25519 verify key."""
    try:
        return nacl.signing.VerifyKey(_check_public(public_bytes)).to_curve25519_public_key()
    except nacl.exceptions.CryptoError:
        # libsodium refuses points that are not on the curve or of small order.
        raise _bad_key("not a usable Ed25519 public key", "不是可用的 Ed25519 公钥") from None


class KeyPair:
    """An installation's key pair. ``private_bytes`` is the 32-byte seed the caller stores."""

    __slots__ = ("_signing",)

    def __init__(self, signing_key: nacl.signing.SigningKey) -> None:
        self._signing = signing_key

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(nacl.signing.SigningKey.generate())

    @classmethod
    def from_private_bytes(cls, b: bytes) -> KeyPair:
        if not isinstance(b, (bytes, bytearray)) or len(b) != 32:
            raise _bad_key("a private key must be 32 bytes", "私钥必须为 32 字节")
        return cls(nacl.signing.SigningKey(bytes(b)))

    @property
    def private_bytes(self) -> bytes:
        return bytes(self._signing)

    @property
    def public_bytes(self) -> bytes:
        return bytes(self._signing.verify_key)

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_bytes)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_bytes)

    def sign(self, data: bytes) -> bytes:
        """Detached 64-byte Ed25519 signature."""
        return self._signing.sign(bytes(data)).signature

    def box_private(self) -> nacl.public.PrivateKey:
        return self._signing.to_curve25519_private_key()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KeyPair) and other.public_bytes == self.public_bytes

    def __hash__(self) -> int:
        return hash(self.public_bytes)

    def __repr__(self) -> str:
        # Never the private seed: reprs end up in logs and tracebacks.
        return f"KeyPair(key_id={self.key_id!r})"
