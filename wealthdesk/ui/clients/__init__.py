"""The client book: the clients page, the book, the client form and the import."""
