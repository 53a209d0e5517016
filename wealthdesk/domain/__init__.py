"""Pure rules of the wealth-management desk: no Qt, no database."""
