"""The printed forms, each a function from plain data to a documents.model.Document."""
