"""The dashboard: its page, model, delegates and checklist."""
