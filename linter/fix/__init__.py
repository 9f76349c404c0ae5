"""Applying fixes: to text, to Word drafts, and writing a file back safely."""
