"""Program data shipped with sanxiang-desktop (division tree, translations, fonts)."""
