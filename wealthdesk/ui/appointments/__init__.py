"""Appointments: the page, the book, the booking dialog, the week view and reminders."""
