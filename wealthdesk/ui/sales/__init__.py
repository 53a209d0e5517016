"""Sales and risk: the sale dialog, the sales book, the questionnaire and the waiting survey."""
