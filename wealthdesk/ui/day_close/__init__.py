"""The day close (日清日结): its page."""
