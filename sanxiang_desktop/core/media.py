"""What is kept of a photo or a scanned sign-in sheet attached to an activity (the rule; the GUI
does the pixel work with Qt).

Photos are scaled down to 1600 px on the long side and saved as JPEG (quality 85) unless the clerk
ticks 保留原图: a phone photo of 5 MB becomes ~300 KB, which keeps databases and packages small
enough for a USB stick and e-mail. Sign-in sheets keep 2400 px, enough for handwritten names to
stay readable. PDFs are kept as they are.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

PHOTO_MAX_PX = 1600
SCAN_MAX_PX = 2400          # sign-in sheets keep enough pixels for the names to stay readable
JPEG_QUALITY = 85
STORED_MIME = "image/jpeg"


@dataclass(frozen=True)
class ImagePolicy:
    max_px: int             # longest side after scaling, in pixels
    quality: int            # JPEG quality, 0-100
    mime: str = STORED_MIME


def image_policy(kind: str, mime: str, keep_original: bool) -> ImagePolicy | None:
    """Returns how to store a chosen file of attachment `kind` ("photo", "signin", ...) and type
    `mime`: an ImagePolicy (scale to at most max_px on the long side, save as JPEG), or None to
    store the bytes as they are (the clerk asked for the original, or it is a PDF). Raises nothing."""
    if keep_original or mime == "application/pdf":
        return None
    return ImagePolicy(SCAN_MAX_PX if kind == "signin" else PHOTO_MAX_PX, JPEG_QUALITY)


def stored_name(file_name: str) -> str:
    """Returns the name a scaled-down image is stored under: the chosen file's stem with `.jpg`."""
    return f"{PurePath(file_name).stem}.jpg"


def needs_reencoding(is_jpeg: bool, width: int, height: int, policy: ImagePolicy) -> bool:
    """Returns False for a JPEG already within the policy's size (re-encoding would only lose
    quality), True for anything bigger or in another format."""
    return not (is_jpeg and max(width, height) <= policy.max_px)


__all__ = ["ImagePolicy", "image_policy", "stored_name", "needs_reencoding",
           "PHOTO_MAX_PX", "SCAN_MAX_PX", "JPEG_QUALITY"]
