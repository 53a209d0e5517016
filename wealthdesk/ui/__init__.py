"""Qt widgets, dialogs and item models; they call services, never the database."""
