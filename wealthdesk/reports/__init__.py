"""Printed and exported documents (reportlab): notices, agendas, the day close."""
