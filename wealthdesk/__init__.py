"""WealthDesk: the desk application of a bank branch's wealth-management room."""

__version__ = "0.1.0"
APP_NAME = "WealthDesk"
ORG_NAME = "WealthDesk"
