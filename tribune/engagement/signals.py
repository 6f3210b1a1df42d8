"""Signals other apps can listen to (webhooks, cache purges), sent after the transaction commits."""

from django.dispatch import Signal

# kwargs: comment. Sent once per comment, when it becomes visible to readers.
comment_published = Signal()
