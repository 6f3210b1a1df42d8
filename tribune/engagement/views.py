"""Reader engagement views: thin, form POST + redirect without JavaScript, JSON for the enhanced page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Site

from tribune.core.crossorigin import same_site_only
from tribune.delivery.policy import request_is_shareable
from tribune.delivery.tags import article_tag, reactions_tag, tag_request
from tribune.engagement import selectors, services
from tribune.engagement.forms import CommentForm, ReportForm, TokenForm
from tribune.engagement.identity import (
    Reader,
    form_token_issue,
    reader_from_request,
    reader_hash_from_cookie,
    reader_remember,
)
from tribune.engagement.models import Comment, CommentPolicy, CommentStatus, Poll
from tribune.engagement.services import RefusalCode, Refused
from tribune.newsroom.models import Article
from tribune.newsroom.selectors import article_get_for_reader

# The HTTP status that tells a client what went wrong, per kind of refusal.
REFUSAL_STATUS = {
    RefusalCode.INVALID: 400,
    RefusalCode.SPAM: 400,
    RefusalCode.CLOSED: 403,
    RefusalCode.BANNED: 403,
    RefusalCode.DUPLICATE: 409,
    RefusalCode.ALREADY: 409,
    RefusalCode.TOO_FAST: 429,
}

COMMENTS_ANCHOR = "reacties"
FORM_ANCHOR = "reageer"
POLL_ANCHOR = "lezersvraag"


class SeeOther(HttpResponseRedirect):
    """After a POST, the browser GETs the page again (no "resend form?" on reload)."""

    status_code = 303


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _policy(request: HttpRequest) -> CommentPolicy:
    site = Site.find_for_request(request)
    # Without any Wagtail site (a bare database) the defaults apply.
    return CommentPolicy.for_site(site) if site is not None else CommentPolicy()


def _reader(request: HttpRequest, form: TokenForm, *, min_fill_seconds: int = 0) -> Reader:
    token = form.read_token(min_fill_seconds=min_fill_seconds)
    return reader_from_request(request, fallback_nonce=token.nonce)


def _done(
    request: HttpRequest,
    url: str,
    message: str,
    *,
    reader: Reader | None,
    level: int = messages.SUCCESS,
    payload: dict[str, Any] | None = None,
) -> HttpResponse:
    if _wants_json(request):
        response: HttpResponse = JsonResponse({"ok": True, "message": message, **(payload or {})})
    else:
        messages.add_message(request, level, message)
        response = SeeOther(url)
    if reader is not None:
        reader_remember(response, reader)
    return response


def _refused(request: HttpRequest, refusal: Refused, url: str) -> HttpResponse:
    status = REFUSAL_STATUS.get(refusal.code, 400)
    if _wants_json(request):
        return JsonResponse({"ok": False, "message": refusal.message, "field": refusal.field}, status=status)
    messages.error(request, refusal.message)
    response = SeeOther(url)
    return response


def article_engagement_context(
    request: HttpRequest, article: Article, *, comment_form: CommentForm | None = None
) -> dict[str, Any]:
    """What the article page shows under the article: the poll, the thread and the comment form."""
    # A shared page is the same for every reader (it is cached); the reader's own vote and
    # likes show on the page right after the action, which is never shared.
    reader_hash = None if request_is_shareable(request) else reader_hash_from_cookie(request)
    sort = selectors.sort_from_query(request.GET.get("sorteer"))
    try:
        thread = selectors.comment_thread(
            article=article, sort=sort, cursor=request.GET.get("reacties"), reader_hash=reader_hash
        )
    except selectors.InvalidCommentCursor:
        # A stale or mangled link still shows the article, with its first page of comments.
        thread = selectors.comment_thread(article=article, sort=sort, reader_hash=reader_hash)
    reply_to = None
    raw_parent = comment_form.data.get("parent") if comment_form is not None else request.GET.get("antwoord")
    if raw_parent and str(raw_parent).isdigit() and len(str(raw_parent)) <= 18:
        reply_to = Comment.objects.filter(
            pk=int(raw_parent), article=article, status=CommentStatus.PUBLISHED, parent__isnull=True
        ).first()
    token = form_token_issue()
    return {
        "thread": thread,
        # Most articles ask an open question or none: no need to look for tallies.
        "poll": (
            selectors.poll_for_reader(article=article, reader_hash=reader_hash)
            if selectors.article_has_poll(article=article)
            else None
        ),
        # None for a fresh form: the template draws it from the token and reply_to alone.
        "comment_form": comment_form,
        "form_token": token,
        "reply_to": reply_to,
        "comments_open": article.comments_open(),
        "comment_sorts": selectors.CommentSort,
        "comment_max_length": settings.TRIBUNE_COMMENT_MAX_LENGTH,
    }


@same_site_only
@require_POST
def comment_post(request: HttpRequest, pk: int) -> HttpResponse:
    from tribune.newsroom.views import render_article

    article = article_get_for_reader(pk=pk)
    try:
        form = CommentForm(request.POST)
    except RequestDataTooBig:
        # Over DATA_UPLOAD_MAX_MEMORY_SIZE: a browser without JavaScript sends the form URL-encoded,
        # so a megabyte of "<" arrives as three. It is a comment that is too long, not a broken request.
        refusal = Refused(
            _("Uw reactie is te lang: maximaal %(max)s tekens.") % {"max": settings.TRIBUNE_COMMENT_MAX_LENGTH},
            field="body",
        )
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": refusal.message, "field": refusal.field}, status=413)
        form = CommentForm(initial={"token": form_token_issue()})
        form.refusal = refusal
        return render_article(request, article, comment_form=form, status=413)
    form.is_valid()  # only parses; the rules are in form.check() and the service
    reader = None
    try:
        token = form.check()
        reader = reader_from_request(request, fallback_nonce=token.nonce)
        parent = None
        if (parent_id := form.parent_id()) is not None:
            parent = Comment.objects.filter(pk=parent_id).select_related("parent").first()
            if parent is None:
                raise Refused(_("U kunt niet meer antwoorden op die reactie."), field="parent")
        outcome = services.comment_create(
            article=article,
            author_name=request.POST.get("name", ""),
            email=request.POST.get("email", ""),
            body=request.POST.get("body", ""),
            parent=parent,
            reader=reader,
            policy=_policy(request),
        )
    except Refused as refusal:
        status = REFUSAL_STATUS.get(refusal.code, 400)
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": refusal.message, "field": refusal.field}, status=status)
        # Without JavaScript: the article again, with what the reader typed and why it was refused.
        form.refusal = refusal
        data = request.POST.copy()
        data["token"] = form_token_issue()
        form.data = data
        return render_article(request, article, comment_form=form, status=status)
    comment = outcome.comment
    published = comment.status == CommentStatus.PUBLISHED
    anchor = comment.anchor() if published else FORM_ANCHOR
    payload: dict[str, Any] = {"status": comment.status, "anchor": anchor, "parent": comment.parent_id}
    if published and _wants_json(request):
        payload["html"] = render_to_string(
            "engagement/comment.html",
            {"comment": comment, "is_reply": comment.parent_id is not None, "comments_open": True},
            request=request,
        )
    level = messages.SUCCESS if comment.status != CommentStatus.REJECTED else messages.ERROR
    return _done(
        request, f"{article.get_absolute_url()}#{anchor}", outcome.message, reader=reader, level=level, payload=payload
    )


def _public_comment(pk: int) -> Comment:
    comment = selectors.comment_get_public(pk=pk)
    if comment is None or not comment.article.live:
        raise Http404("comment")
    return comment


@same_site_only
@require_POST
def comment_like(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _public_comment(pk)
    url = f"{comment.article.get_absolute_url()}#{comment.anchor()}"
    try:
        reader = _reader(request, TokenForm(request.POST))
        liked = services.comment_like(comment=comment, reader=reader)
    except Refused as refusal:
        return _refused(request, refusal, url)
    comment.refresh_from_db(fields=["like_count"])
    message = _("Bedankt voor uw waardering.") if liked else _("U vond deze reactie al goed.")
    return _done(request, url, message, reader=reader, payload={"liked": liked, "count": comment.like_count})


@same_site_only
@require_http_methods(["GET", "POST"])
def comment_report(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _public_comment(pk)
    if comment.status != CommentStatus.PUBLISHED:
        raise Http404("comment")
    url = f"{comment.article.get_absolute_url()}#{comment.anchor()}"
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                reader = _reader(request, form)
                reported = services.comment_report(
                    comment=comment,
                    reader=reader,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                    policy=_policy(request),
                )
            except Refused as refusal:
                return _refused(request, refusal, url)
            message = _("Bedankt. De redactie bekijkt uw melding.") if reported else _("U hebt deze reactie al gemeld.")
            return _done(request, url, message, reader=reader, payload={"reported": reported})
        status = 400
    else:
        form = ReportForm(initial={"token": form_token_issue()})
        status = 200
    return render(request, "engagement/report.html", {"comment": comment, "form": form}, status=status)


def comment_thread(request: HttpRequest, pk: int) -> HttpResponse:
    """One comment with all its replies (where "Alle antwoorden" leads)."""
    comment = selectors.comment_with_replies(pk=pk)
    if comment is None or not comment.article.live:
        raise Http404("comment")
    tag_request(request, article_tag(comment.article_id), reactions_tag(comment.article_id))
    return render(
        request,
        "engagement/thread.html",
        {
            "comment": comment,
            "article": comment.article,
            "form_token": form_token_issue(),
            "comments_open": comment.article.comments_open(),
        },
    )


@same_site_only
@require_POST
def poll_vote(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_get_for_reader(pk=pk)
    poll = Poll.objects.filter(pk=article.pk).first()
    if poll is None:
        raise Http404("poll")
    url = f"{article.get_absolute_url()}#{POLL_ANCHOR}"
    try:
        reader = _reader(request, TokenForm(request.POST))
        raw = request.POST.get("option", "")
        if not raw.isdigit() or len(raw) > 2:
            raise Refused(_("Kies een van de antwoorden."), field="option")
        voted = services.poll_vote(poll=poll, position=int(raw), reader=reader)
    except Refused as refusal:
        return _refused(request, refusal, url)
    payload: dict[str, Any] = {"voted": voted}
    if _wants_json(request):
        view = selectors.poll_for_reader(article=article, reader_hash=reader.reader_hash)
        payload["html"] = render_to_string(
            "engagement/poll.html", {"poll": view, "form_token": form_token_issue()}, request=request
        )
    message = _("Bedankt voor uw stem.") if voted else _("U hebt al gestemd.")
    return _done(request, url, message, reader=reader, payload=payload)
