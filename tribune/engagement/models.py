"""Reader engagement: comments and their moderation, likes, reports, polls.

Counts that listings print (an article's reaction count, a poll's votes) live in
their own rows and move with atomic F() increments in the same transaction as the
comment or vote that changes them: exact under any number of concurrent writers
and app servers. They are not on Article because Wagtail publishes an article by
saving a whole revision snapshot, which would write a stale count back.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from tribune.newsroom.models import Article

AUTHOR_NAME_MAX_LENGTH = 60
HASH_LENGTH = 64  # hex SHA-256


class ArticleEngagement(models.Model):
    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="engagement")
    reaction_count = models.PositiveIntegerField(_("aantal reacties"), default=0)

    class Meta:
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheid")

    def __str__(self) -> str:
        return f"{self.article_id}: {self.reaction_count}"


class ModerationMode(models.TextChoices):
    POST = "post", _("Namoderatie: reacties verschijnen meteen")
    PRE = "pre", _("Voormoderatie: elke reactie wacht op een moderator")
    PRE_FIRST_TIME = "pre_first", _("Voormoderatie voor wie voor het eerst reageert")


@register_setting(icon="comment")
class CommentPolicy(BaseSiteSetting):
    """What the newsroom decides about reader comments on this site (Instellingen > Reacties)."""

    moderation_mode = models.CharField(
        _("moderatie"), max_length=12, choices=ModerationMode.choices, default=ModerationMode.PRE_FIRST_TIME
    )
    blocked_words = models.TextField(
        _("verboden woorden"),
        blank=True,
        help_text=_("Eén woord of uitdrukking per regel. Een reactie die er een bevat, wordt geweigerd."),
    )
    suspect_words = models.TextField(
        _("verdachte woorden"),
        blank=True,
        help_text=_("Eén woord of uitdrukking per regel. Een reactie die er een bevat, gaat naar de wachtrij."),
    )
    link_limit = models.PositiveSmallIntegerField(
        _("maximum aantal links"),
        default=2,
        help_text=_("Een reactie met meer links gaat naar de wachtrij."),
    )
    reports_to_hide = models.PositiveSmallIntegerField(
        _("meldingen voor verbergen"),
        default=3,
        help_text=_("Na zoveel meldingen verdwijnt een gepubliceerde reactie tot een moderator beslist."),
    )

    panels = [
        FieldPanel("moderation_mode"),
        MultiFieldPanel(
            [FieldPanel("blocked_words"), FieldPanel("suspect_words"), FieldPanel("link_limit")],
            heading=_("Filters"),
        ),
        FieldPanel("reports_to_hide"),
    ]

    class Meta:
        verbose_name = _("reacties")

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip().casefold() for line in text.splitlines() if line.strip()]

    @property
    def blocked_list(self) -> list[str]:
        return self._lines(self.blocked_words)

    @property
    def suspect_list(self) -> list[str]:
        return self._lines(self.suspect_words)


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op moderatie")
    PUBLISHED = "published", _("Gepubliceerd")
    REJECTED = "rejected", _("Geweigerd")


class RejectionReason(models.TextChoices):
    """The statement of reasons a moderator picks (Digital Services Act, art. 17)."""

    SPAM = "spam", _("Spam of reclame")
    ABUSE = "abuse", _("Beledigend of intimiderend")
    HATE = "hate", _("Haatdragend of discriminerend")
    PRIVACY = "privacy", _("Schendt iemands privacy")
    ILLEGAL = "illegal", _("Mogelijk onwettig (laster, bedreiging, auteursrecht)")
    MISINFORMATION = "misinformation", _("Misleidend")
    OFF_TOPIC = "off_topic", _("Niet over het artikel")
    BLOCKED_WORD = "blocked_word", _("Bevat een verboden woord")
    OTHER = "other", _("Andere reden")


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam of reclame")
    ABUSE = "abuse", _("Beledigend of intimiderend")
    HATE = "hate", _("Haatdragend of discriminerend")
    PRIVACY = "privacy", _("Schendt iemands privacy")
    ILLEGAL = "illegal", _("Onwettige inhoud")
    OTHER = "other", _("Iets anders")


class Rule(models.TextChoices):
    """Which rule took a moderation decision, as logged for every decision."""

    POST_MODERATION = "post_moderation", _("Namoderatie")
    PRE_MODERATION = "pre_moderation", _("Voormoderatie")
    FIRST_TIME = "first_time", _("Eerste reactie van deze lezer")
    BLOCKED_WORD = "blocked_word", _("Verboden woord")
    SUSPECT_WORD = "suspect_word", _("Verdacht woord")
    LINK_LIMIT = "link_limit", _("Te veel links")
    REPORTS = "reports", _("Meldingen van lezers")
    MODERATOR = "moderator", _("Moderator")


class CommentQuerySet(models.QuerySet["Comment"]):
    def published(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.PUBLISHED)

    def in_queue(self) -> CommentQuerySet:
        """What a moderator must look at: pending, or published with open reports."""
        return self.filter(Q(status=CommentStatus.PENDING) | Q(status=CommentStatus.PUBLISHED, report_count__gt=0))


class Comment(models.Model):
    # No index of its own: comment_article_status starts with the article.
    article = models.ForeignKey(
        Article, verbose_name=_("artikel"), on_delete=models.CASCADE, related_name="comments", db_index=False
    )
    # One level of threading: a reply's parent is always a top-level comment.
    parent = models.ForeignKey(
        "self", verbose_name=_("antwoord op"), null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author_name = models.CharField(_("naam"), max_length=AUTHOR_NAME_MAX_LENGTH)
    # Never shown: only for the newsroom, should it need to contact the writer.
    email = models.EmailField(_("e-mailadres"), blank=True)
    body = models.TextField(_("reactie"))
    status = models.CharField(_("status"), max_length=10, choices=CommentStatus.choices, db_index=False)
    is_featured = models.BooleanField(_("uitgelicht"), default=False)
    like_count = models.PositiveIntegerField(_("vind-ik-leuks"), default=0)
    report_count = models.PositiveIntegerField(_("open meldingen"), default=0)
    created_at = models.DateTimeField(_("geplaatst"), auto_now_add=True)
    published_at = models.DateTimeField(_("gepubliceerd"), null=True, blank=True)
    reader_hash = models.CharField(max_length=HASH_LENGTH, editable=False)
    address_hash = models.CharField(max_length=HASH_LENGTH, editable=False)
    # The raw address, kept only TRIBUNE_ADDRESS_RETENTION_DAYS (then erased by the scheduler).
    address = models.GenericIPAddressField(_("netwerkadres"), null=True, blank=True, editable=False)
    body_hash = models.CharField(max_length=HASH_LENGTH, editable=False)
    rejection_reason = models.CharField(
        _("reden van weigering"), max_length=20, choices=RejectionReason.choices, blank=True
    )

    objects = CommentQuerySet.as_manager()

    # Set by the thread selectors on the comments they return (not columns).
    shown_replies: list[Comment]
    more_replies: bool

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        indexes = [
            # The article's thread, each sort order an index range scan.
            models.Index(
                fields=["article", "-id"],
                condition=Q(status="published", parent__isnull=True),
                name="comment_thread_newest",
            ),
            models.Index(
                fields=["article", "-like_count", "-id"],
                condition=Q(status="published", parent__isnull=True),
                name="comment_thread_liked",
            ),
            models.Index(fields=["parent", "id"], condition=Q(status="published"), name="comment_replies"),
            # The moderation queue and the per-article counts of the newsroom listing.
            models.Index(fields=["status", "-id"], name="comment_status"),
            models.Index(fields=["article", "status"], name="comment_article_status"),
            models.Index(fields=["-id"], condition=Q(report_count__gt=0), name="comment_reported"),
            # Duplicate detection and "has this reader been published before".
            models.Index(fields=["body_hash", "-created_at"], name="comment_body_hash"),
            models.Index(fields=["reader_hash", "status"], name="comment_reader"),
            # The scheduler erases raw addresses past their retention.
            models.Index(fields=["created_at"], condition=Q(address__isnull=False), name="comment_address_kept"),
        ]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.body[:40]}"

    @property
    def is_published(self) -> bool:
        return self.status == CommentStatus.PUBLISHED

    def anchor(self) -> str:
        return f"reactie-{self.pk}"


class DecisionAction(models.TextChoices):
    PUBLISHED = "published", _("Gepubliceerd")
    QUEUED = "queued", _("Naar de wachtrij")
    REJECTED = "rejected", _("Geweigerd")
    FEATURED = "featured", _("Uitgelicht")
    UNFEATURED = "unfeatured", _("Niet meer uitgelicht")
    AUTHOR_BANNED = "banned", _("Schrijver geblokkeerd")


class CommentDecision(models.Model):
    """The moderation log: every decision on a comment, by rule or by moderator."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(_("beslissing"), max_length=12, choices=DecisionAction.choices)
    rule = models.CharField(_("regel"), max_length=20, choices=Rule.choices)
    reason = models.CharField(_("reden"), max_length=20, choices=RejectionReason.choices, blank=True)
    detail = models.CharField(_("toelichting"), max_length=200, blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("moderatiebeslissing")
        verbose_name_plural = _("moderatiebeslissingen")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.get_rule_display()})"


class CommentLike(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="likes")
    reader_hash = models.CharField(max_length=HASH_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "reader_hash"], name="comment_like_once")]

    def __str__(self) -> str:
        return f"like {self.comment_id}"


class CommentReport(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reader_hash = models.CharField(max_length=HASH_LENGTH)
    reason = models.CharField(_("reden"), max_length=12, choices=ReportReason.choices)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when a moderator decided on the comment after this report.
    resolved = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [models.UniqueConstraint(fields=["comment", "reader_hash"], name="comment_report_once")]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.comment_id})"


class BanKind(models.TextChoices):
    ADDRESS = "address", _("Netwerkadres (gehasht)")
    READER = "reader", _("Browser")


class Ban(models.Model):
    """A blocked comment writer, by hashed network address or browser token, never a raw address."""

    kind = models.CharField(_("soort"), max_length=8, choices=BanKind.choices)
    value_hash = models.CharField(max_length=HASH_LENGTH)
    comment = models.ForeignKey(
        Comment, verbose_name=_("aanleiding"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reden"), max_length=20, choices=RejectionReason.choices)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("blokkering")
        verbose_name_plural = _("blokkeringen")
        constraints = [models.UniqueConstraint(fields=["kind", "value_hash"], name="ban_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value_hash[:8]}"


class Poll(models.Model):
    """The poll of an article's reader question, kept in step with the published body."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="poll")
    question = models.CharField(_("vraag"), max_length=200)
    is_closed = models.BooleanField(_("gesloten"), default=False)

    class Meta:
        verbose_name = _("peiling")
        verbose_name_plural = _("peilingen")

    def __str__(self) -> str:
        return self.question


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(_("antwoord"), max_length=100)
    votes = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["poll", "position"], name="poll_option_position")]

    def __str__(self) -> str:
        return self.label


class PollVote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    reader_hash = models.CharField(max_length=HASH_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "reader_hash"], name="poll_vote_once")]

    def __str__(self) -> str:
        return f"{self.poll_id}: {self.position}"


class RateLimitSlot(models.Model):
    """The embedded default's rate limiter: one row per key, busy until `until`."""

    key = models.CharField(max_length=120, primary_key=True)
    until = models.DateTimeField()

    def __str__(self) -> str:
        return self.key
