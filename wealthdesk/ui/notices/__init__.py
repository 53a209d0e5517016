"""Door notices: the notice dialog."""
