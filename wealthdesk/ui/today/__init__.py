"""Today and the care round: the Today page, care list, calls, messages and events."""
