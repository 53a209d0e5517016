"""The branch: the lobby and waiting-area windows, the server dialog, and live updates
from other desks."""
