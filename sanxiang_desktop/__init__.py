"""sanxiang-desktop: offline records for grassroots science associations' "3+1" work."""

__version__ = "0.1.0"
