"""The desk and its lock: the desk's context, its state, the lock screen and PIN,
stepping away, the day's queue closing, backups and restore, the first start."""
