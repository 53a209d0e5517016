"""WealthDesk's icons, translations and styles (shipped as the package wealthdesk.resources)."""
