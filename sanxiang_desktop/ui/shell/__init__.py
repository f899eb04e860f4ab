"""The window frame: application, launcher, main window and its actions, settings (INI), i18n, errors, the database worker, undo."""
