"""Entry forms: the generic record form, field widgets, the person picker, attachments."""
