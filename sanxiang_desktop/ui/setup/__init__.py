"""First start and upkeep: the wizard, the settings dialog, the backups dialog."""
