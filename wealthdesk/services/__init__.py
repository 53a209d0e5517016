"""Use cases, one module per capability: transactions around the domain rules."""
