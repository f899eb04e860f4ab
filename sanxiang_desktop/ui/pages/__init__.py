"""The pages of a unit: the page contract (base), the record panel and every record page."""
