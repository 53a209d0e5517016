"""The client screen: the service page and its tabs."""
