"""Writes for reader engagement: comments, moderation, likes, reports, poll votes.

Every write is one transaction. Counters move with F() increments guarded by a
conditional UPDATE on the comment's status, so a count changes exactly once per
state change however many requests race for it. A refused submission raises
`Refused` before anything is written.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tribune.delivery.services import cache_purge
from tribune.delivery.tags import poll_tag, reactions_tag
from tribune.engagement.identity import Reader, text_hash
from tribune.engagement.models import (
    AUTHOR_NAME_MAX_LENGTH,
    ArticleEngagement,
    Ban,
    BanKind,
    Comment,
    CommentDecision,
    CommentLike,
    CommentPolicy,
    CommentReport,
    CommentStatus,
    DecisionAction,
    ModerationMode,
    Poll,
    PollOption,
    PollVote,
    RejectionReason,
    ReportReason,
    Rule,
)
from tribune.engagement.ratelimit import rate_limiter
from tribune.engagement.selectors import poll_question
from tribune.engagement.signals import comment_published
from tribune.newsroom.models import Article

# What counts as a link in plain text: the same pattern the renderer turns into <a>.
LINK_PATTERN = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+")


class RefusalCode:
    INVALID = "invalid"
    CLOSED = "closed"
    BANNED = "banned"
    DUPLICATE = "duplicate"
    TOO_FAST = "too_fast"
    SPAM = "spam"
    ALREADY = "already"


class Refused(Exception):
    """A submission that is not accepted; `message` is for the reader, in Dutch."""

    def __init__(self, message: str, *, code: str = RefusalCode.INVALID, field: str | None = None) -> None:
        super().__init__(message)
        self.message, self.code, self.field = message, code, field


@dataclass(frozen=True)
class CommentOutcome:
    comment: Comment
    rule: str

    @property
    def message(self) -> str:
        if self.comment.status == CommentStatus.PUBLISHED:
            return _("Bedankt, uw reactie staat online.")
        if self.comment.status == CommentStatus.REJECTED:
            return _("Uw reactie werd niet geplaatst: ze bevat een woord dat hier niet is toegelaten.")
        if self.rule == Rule.LINK_LIMIT:
            return _("Bedankt. Uw reactie bevat veel links en wordt eerst nagekeken door de redactie.")
        return _("Bedankt. Uw reactie verschijnt zodra een moderator ze heeft nagekeken.")


def _count_links(text: str) -> int:
    return len(LINK_PATTERN.findall(text))


def _contains_any(text: str, words: list[str]) -> str | None:
    folded = text.casefold()
    for word in words:
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded):
            return word
    return None


def _clean_text(value: str, *, field: str, label: str, max_length: int) -> str:
    if "\x00" in value:
        raise Refused(_("%(label)s bevat ongeldige tekens.") % {"label": label}, field=field)
    value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not value:
        raise Refused(_("Vul %(label)s in.") % {"label": label.lower()}, field=field)
    if len(value) > max_length:
        raise Refused(
            _("%(label)s is te lang: maximaal %(max)s tekens, u schreef er %(count)s.")
            % {"label": label, "max": max_length, "count": len(value)},
            field=field,
        )
    return value


def comment_validate(*, author_name: str, body: str, email: str = "") -> tuple[str, str, str]:
    """Clean the reader's input or refuse it with a message naming the field."""
    name = " ".join(
        _clean_text(author_name, field="name", label=_("Uw naam"), max_length=AUTHOR_NAME_MAX_LENGTH).split()
    )
    text = _clean_text(body, field="body", label=_("Uw reactie"), max_length=settings.TRIBUNE_COMMENT_MAX_LENGTH)
    email = email.strip()
    if email:
        from django.core.validators import validate_email

        try:
            validate_email(email)
        except Exception as exc:
            raise Refused(_("Dat e-mailadres klopt niet."), field="email") from exc
        if len(email) > 254:
            raise Refused(_("Dat e-mailadres klopt niet."), field="email")
    return name, text, email


def _decide(*, text: str, reader: Reader, policy: CommentPolicy) -> tuple[str, str]:
    """The status a new comment gets, and the rule that decided it."""
    if _contains_any(text, policy.blocked_list):
        return CommentStatus.REJECTED, Rule.BLOCKED_WORD
    if _contains_any(text, policy.suspect_list):
        return CommentStatus.PENDING, Rule.SUSPECT_WORD
    if _count_links(text) > policy.link_limit:
        return CommentStatus.PENDING, Rule.LINK_LIMIT
    if policy.moderation_mode == ModerationMode.PRE:
        return CommentStatus.PENDING, Rule.PRE_MODERATION
    if policy.moderation_mode == ModerationMode.PRE_FIRST_TIME and not (
        Comment.objects.filter(reader_hash=reader.reader_hash, status=CommentStatus.PUBLISHED).exists()
    ):
        return CommentStatus.PENDING, Rule.FIRST_TIME
    return CommentStatus.PUBLISHED, Rule.POST_MODERATION


def _is_banned(reader: Reader) -> bool:
    return Ban.objects.filter(
        Q(kind=BanKind.ADDRESS, value_hash=reader.address_hash) | Q(kind=BanKind.READER, value_hash=reader.reader_hash)
    ).exists()


def _is_duplicate(*, article: Article, reader: Reader, fingerprint: str) -> bool:
    since = timezone.now() - timedelta(seconds=settings.TRIBUNE_COMMENT_DUPLICATE_SECONDS)
    return Comment.objects.filter(
        Q(article=article) | Q(reader_hash=reader.reader_hash), body_hash=fingerprint, created_at__gte=since
    ).exists()


def _take_rate_slots(reader: Reader) -> None:
    seconds = settings.TRIBUNE_COMMENT_RATE_SECONDS
    if not seconds:
        return
    limiter = rate_limiter()
    reader_key, address_key = f"comment:r:{reader.reader_hash}", f"comment:a:{reader.address_hash}"
    message = ngettext(
        "U reageert te snel. Wacht %(seconds)s seconde en probeer opnieuw.",
        "U reageert te snel. Wacht %(seconds)s seconden en probeer opnieuw.",
        seconds,
    ) % {"seconds": seconds}
    if not limiter.take(reader_key, seconds=seconds):
        raise Refused(message, code=RefusalCode.TOO_FAST)
    if not limiter.take(address_key, seconds=seconds):
        limiter.release(reader_key)
        raise Refused(message, code=RefusalCode.TOO_FAST)


def _release_rate_slots(reader: Reader) -> None:
    """A comment the database failed to store must not cost the reader a wait before sending it again."""
    if not settings.TRIBUNE_COMMENT_RATE_SECONDS:
        return
    limiter = rate_limiter()
    for key in (f"comment:r:{reader.reader_hash}", f"comment:a:{reader.address_hash}"):
        # The database may be what failed: then the slot frees itself after the interval.
        with contextlib.suppress(DatabaseError):
            limiter.release(key)


def _engagement_add(article_id: int, delta: int) -> None:
    # The row may not exist yet; INSERT ... ON CONFLICT DO NOTHING never races into an error.
    ArticleEngagement.objects.bulk_create([ArticleEngagement(article_id=article_id)], ignore_conflicts=True)
    ArticleEngagement.objects.filter(pk=article_id).update(reaction_count=F("reaction_count") + delta)
    _purge_reactions(article_id)


def _purge_reactions(article_id: int) -> None:
    # The count on every teaser of the article and its thread; the pages themselves stay cached.
    cache_purge(tags=[reactions_tag(article_id)])


def _log(
    comment: Comment, action: str, rule: str, *, reason: str = "", detail: str = "", moderator: Any = None
) -> None:
    CommentDecision.objects.create(
        comment=comment, action=action, rule=rule, reason=reason, detail=detail[:200], moderator=moderator
    )


def _announce(comment: Comment) -> None:
    transaction.on_commit(lambda: comment_published.send(sender=Comment, comment=comment))


def comment_create(
    *,
    article: Article,
    author_name: str,
    body: str,
    reader: Reader,
    policy: CommentPolicy,
    email: str = "",
    parent: Comment | None = None,
) -> CommentOutcome:
    """Post a reader's comment (or reply): validated, spam-checked, rate-limited, then decided by the rules."""
    if not article.comments_open():
        raise Refused(_("De reacties bij dit artikel zijn gesloten."), code=RefusalCode.CLOSED)
    name, text, email = comment_validate(author_name=author_name, body=body, email=email)
    if parent is not None:
        if parent.article_id != article.pk or parent.status != CommentStatus.PUBLISHED:
            raise Refused(_("U kunt niet meer antwoorden op die reactie."), field="parent")
        # One level of threading: a reply to a reply joins the same thread.
        if parent.parent_id:
            parent = parent.parent
    if _is_banned(reader):
        raise Refused(_("U kunt op deze site niet meer reageren."), code=RefusalCode.BANNED)
    fingerprint = text_hash(text)
    if _is_duplicate(article=article, reader=reader, fingerprint=fingerprint):
        raise Refused(_("Deze reactie werd al geplaatst."), code=RefusalCode.DUPLICATE)
    _take_rate_slots(reader)
    status, rule = _decide(text=text, reader=reader, policy=policy)
    now = timezone.now()
    try:
        comment = _comment_store(
            article=article,
            parent=parent,
            name=name,
            email=email,
            text=text,
            status=status,
            rule=rule,
            reader=reader,
            fingerprint=fingerprint,
            now=now,
        )
    except DatabaseError:
        _release_rate_slots(reader)
        raise
    return CommentOutcome(comment=comment, rule=rule)


def _comment_store(
    *,
    article: Article,
    parent: Comment | None,
    name: str,
    email: str,
    text: str,
    status: str,
    rule: str,
    reader: Reader,
    fingerprint: str,
    now: Any,
) -> Comment:
    with transaction.atomic():
        if parent is not None and not (
            Comment.objects.select_for_update().filter(pk=parent.pk, status=CommentStatus.PUBLISHED).exists()
        ):
            raise Refused(_("U kunt niet meer antwoorden op die reactie."), field="parent")
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            author_name=name,
            email=email,
            body=text,
            status=status,
            published_at=now if status == CommentStatus.PUBLISHED else None,
            reader_hash=reader.reader_hash,
            address_hash=reader.address_hash,
            address=reader.address if settings.TRIBUNE_ADDRESS_RETENTION_DAYS else None,
            body_hash=fingerprint,
            rejection_reason=RejectionReason.BLOCKED_WORD if status == CommentStatus.REJECTED else "",
        )
        action = {
            CommentStatus.PUBLISHED: DecisionAction.PUBLISHED,
            CommentStatus.PENDING: DecisionAction.QUEUED,
            CommentStatus.REJECTED: DecisionAction.REJECTED,
        }[CommentStatus(status)]
        _log(comment, action, rule, reason=comment.rejection_reason)
        if status == CommentStatus.PUBLISHED:
            # New, so without replies; a reply's parent was checked published under its lock above.
            _engagement_add(article.pk, 1)
            _announce(comment)
    return comment


# --- moderation ---


def _locked(comment: Comment) -> Comment:
    """The comment's current row, locked for this transaction (its thread's top comment first).

    Every status change goes through here, so two moderators, a reader's report and
    a reply cannot interleave between reading a status and writing the next one.
    On SQLite the IMMEDIATE transaction already serialises writers.
    """
    if comment.parent_id:
        Comment.objects.select_for_update().filter(pk=comment.parent_id).first()
    return Comment.objects.select_for_update().get(pk=comment.pk)


def _visible_weight(comment: Comment) -> int:
    """How many comments readers see because this one is published.

    A reply shows only under a published comment, so a top comment carries its
    published replies with it; the reaction count is what readers can see.
    """
    if comment.parent_id:
        return int(Comment.objects.filter(pk=comment.parent_id, status=CommentStatus.PUBLISHED).exists())
    return 1 + Comment.objects.filter(parent_id=comment.pk, status=CommentStatus.PUBLISHED).count()


def _change_status(comment: Comment, status: str, **fields: Any) -> bool:
    """Lock, move to `status`, keep the reaction count in step. False when the status was already that."""
    current = _locked(comment)
    if current.status == status:
        if fields:
            Comment.objects.filter(pk=current.pk).update(**fields)
        return False
    delta = _visible_weight(current)
    if status == CommentStatus.PUBLISHED:
        fields.setdefault("published_at", timezone.now())
    elif current.status != CommentStatus.PUBLISHED:
        delta = 0
    else:
        delta = -delta
    Comment.objects.filter(pk=current.pk).update(status=status, **fields)
    if delta:
        _engagement_add(current.article_id, delta)
    else:
        _purge_reactions(current.article_id)
    return True


@transaction.atomic
def comment_approve(*, comment: Comment, moderator: Any = None) -> bool:
    """Publish a pending or rejected comment, or clear the reports on a published one."""
    changed = _change_status(comment, CommentStatus.PUBLISHED, report_count=0, rejection_reason="")
    open_reports = CommentReport.objects.filter(comment=comment, resolved=False).update(resolved=True)
    if changed or open_reports:
        _log(comment, DecisionAction.PUBLISHED, Rule.MODERATOR, moderator=moderator)
    comment.refresh_from_db()
    if changed:
        _announce(comment)
    return changed


@transaction.atomic
def comment_reject(*, comment: Comment, reason: str, moderator: Any = None, detail: str = "") -> bool:
    """Reject a comment with a statement of reasons. True when it was published (and left the count)."""
    if reason not in RejectionReason.values:
        raise Refused(_("Kies een reden."), field="reason")
    was_published = _locked(comment).status == CommentStatus.PUBLISHED
    _change_status(comment, CommentStatus.REJECTED, rejection_reason=reason, report_count=0, is_featured=False)
    CommentReport.objects.filter(comment=comment, resolved=False).update(resolved=True)
    _log(comment, DecisionAction.REJECTED, Rule.MODERATOR, reason=reason, detail=detail, moderator=moderator)
    comment.refresh_from_db()
    return was_published


@transaction.atomic
def comment_feature(*, comment: Comment, featured: bool = True, moderator: Any = None) -> None:
    """Show a published top-level comment first (only top-level comments open a thread)."""
    if featured and comment.parent_id:
        raise Refused(_("Alleen een reactie bovenaan een gesprek kan uitgelicht worden."))
    condition = {"status": CommentStatus.PUBLISHED} if featured else {}
    if not Comment.objects.filter(pk=comment.pk, **condition).update(is_featured=featured):
        raise Refused(_("Alleen een gepubliceerde reactie kan uitgelicht worden."))
    comment.is_featured = featured
    _purge_reactions(comment.article_id)
    _log(
        comment, DecisionAction.FEATURED if featured else DecisionAction.UNFEATURED, Rule.MODERATOR, moderator=moderator
    )


@transaction.atomic
def comment_ban_author(*, comment: Comment, reason: str, moderator: Any = None) -> int:
    """Block the writer (hashed address and browser), reject this comment and their others still waiting."""
    if reason not in RejectionReason.values:
        raise Refused(_("Kies een reden."), field="reason")
    Ban.objects.bulk_create(
        [
            Ban(
                kind=BanKind.ADDRESS,
                value_hash=comment.address_hash,
                comment=comment,
                reason=reason,
                moderator=moderator,
            ),
            Ban(
                kind=BanKind.READER, value_hash=comment.reader_hash, comment=comment, reason=reason, moderator=moderator
            ),
        ],
        ignore_conflicts=True,
    )
    _log(comment, DecisionAction.AUTHOR_BANNED, Rule.MODERATOR, reason=reason, moderator=moderator)
    rejected = 0
    waiting = Comment.objects.filter(reader_hash=comment.reader_hash, status=CommentStatus.PENDING).exclude(
        pk=comment.pk
    )
    for other in [comment, *waiting]:
        comment_reject(comment=other, reason=reason, moderator=moderator)
        rejected += 1
    return rejected


# --- readers' likes, reports and votes ---


def comment_like(*, comment: Comment, reader: Reader) -> bool:
    """Like a published comment once per reader; False when this reader already did."""
    if comment.status != CommentStatus.PUBLISHED:
        raise Refused(_("Deze reactie is niet meer beschikbaar."))
    try:
        with transaction.atomic():
            CommentLike.objects.create(comment=comment, reader_hash=reader.reader_hash)
            Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
            _purge_reactions(comment.article_id)
    except IntegrityError:
        return False
    return True


def comment_report(*, comment: Comment, reader: Reader, reason: str, policy: CommentPolicy, note: str = "") -> bool:
    """Report a comment once per reader; enough reports hide it until a moderator decides."""
    if reason not in ReportReason.values:
        raise Refused(_("Kies waarom u deze reactie meldt."), field="reason")
    if "\x00" in note:
        raise Refused(_("De toelichting bevat ongeldige tekens."), field="note")
    if comment.status == CommentStatus.REJECTED:
        return True  # already gone; nothing to add
    try:
        with transaction.atomic():
            CommentReport.objects.create(
                comment=comment, reader_hash=reader.reader_hash, reason=reason, note=note.strip()[:300]
            )
            Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
            threshold = policy.reports_to_hide
            if (
                threshold
                and Comment.objects.filter(
                    pk=comment.pk, status=CommentStatus.PUBLISHED, report_count__gte=threshold
                ).exists()
                and _change_status(comment, CommentStatus.PENDING, is_featured=False)
            ):
                _log(comment, DecisionAction.QUEUED, Rule.REPORTS, detail=str(threshold))
    except IntegrityError:
        return False
    return True


def poll_vote(*, poll: Poll, position: int, reader: Reader) -> bool:
    """One vote per reader; False when this reader already voted."""
    if poll.is_closed:
        raise Refused(_("Deze peiling is gesloten."), code=RefusalCode.CLOSED)
    try:
        with transaction.atomic():
            if not PollOption.objects.filter(poll=poll, position=position).update(votes=F("votes") + 1):
                raise Refused(_("Kies een van de antwoorden."), field="option")
            PollVote.objects.create(poll=poll, position=position, reader_hash=reader.reader_hash)
            # Open results show only to those who voted (never on a shared page): the API's tally is what changes.
            cache_purge(tags=[poll_tag(poll.pk)])
    except IntegrityError:
        return False
    return True


@transaction.atomic
def poll_sync(*, article: Article) -> Poll | None:
    """Make the article's Poll row match its published reader question.

    Options are matched by position, so fixing a typo keeps the votes; removing
    the poll from the article removes its votes too.
    """
    value = poll_question(article=article)
    if value is None:
        Poll.objects.filter(article=article).delete()
        return None
    labels = [str(option).strip() for option in value.get("options") or [] if str(option).strip()]
    poll, _created = Poll.objects.update_or_create(
        article=article, defaults={"question": value["question"], "is_closed": bool(value.get("closed"))}
    )
    PollOption.objects.filter(poll=poll, position__gte=len(labels)).delete()
    PollVote.objects.filter(poll=poll, position__gte=len(labels)).delete()
    for position, label in enumerate(labels):
        PollOption.objects.update_or_create(poll=poll, position=position, defaults={"label": label[:100]})
    return poll


def addresses_erase_expired(*, now: Any = None) -> int:
    """Erase raw network addresses older than TRIBUNE_ADDRESS_RETENTION_DAYS (hashes stay for bans)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.TRIBUNE_ADDRESS_RETENTION_DAYS)
    return Comment.objects.filter(address__isnull=False, created_at__lt=cutoff).update(address=None)
