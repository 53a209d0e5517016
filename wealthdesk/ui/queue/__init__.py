"""The visitor queue: the queue page, its model, the desk's session and the end of service."""
