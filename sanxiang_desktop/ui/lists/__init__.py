"""Lists on the Qt side: the list view, its lazy table model, the unit tree."""
