"""The product catalogue: its page and table model."""
