"""Complaints: the register, its book, dialog and model."""
