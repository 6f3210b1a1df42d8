"""What the content API answers, as pydantic models: these are the OpenAPI document's schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field


class Error(Schema):
    detail: str = Field(description="What went wrong, in English.")


class SectionOut(Schema):
    slug: str
    name: str
    url: str


class SectionDetail(SectionOut):
    description: str
    colour: str


class AuthorOut(Schema):
    slug: str
    name: str
    url: str


class AuthorDetail(AuthorOut):
    role: str
    bio: str


class TagOut(Schema):
    slug: str
    name: str
    kind: str


class TagDetail(TagOut):
    url: str
    description: str


class ImageOut(Schema):
    url: str
    width: int
    height: int
    caption: str
    credit: str


class ArticleSummary(Schema):
    id: int
    url: str
    headline: str
    slug: str
    lead: str
    section: SectionOut
    authors: list[AuthorOut]
    tags: list[TagOut]
    published_at: datetime
    updated_at: datetime
    image: ImageOut | None
    reaction_count: int


class ArticleLink(Schema):
    id: int
    headline: str
    url: str


class ParagraphBlock(Schema):
    type: Literal["paragraph"]
    html: str


class SubheadingBlock(Schema):
    type: Literal["subheading"]
    text: str


class ReadAlsoBlock(Schema):
    type: Literal["read_also"]
    article: ArticleLink | None = Field(description="Null when the linked article is no longer live.")


class ImageBlock(Schema):
    type: Literal["image"]
    image: ImageOut | None
    caption: str


class ExternalLinkBlock(Schema):
    type: Literal["external_link"]
    url: str
    title: str
    description: str


class QuoteBlock(Schema):
    type: Literal["quote"]
    text: str
    attribution: str


class ReaderQuestionBlock(Schema):
    type: Literal["reader_question"]
    question: str
    kind: str
    options: list[str]
    closed: bool


Block = Annotated[
    ParagraphBlock
    | SubheadingBlock
    | ReadAlsoBlock
    | ImageBlock
    | ExternalLinkBlock
    | QuoteBlock
    | ReaderQuestionBlock,
    Field(discriminator="type"),
]


class ArticleDetail(ArticleSummary):
    body: list[Block]


class ArticlePage(Schema):
    items: list[ArticleSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page; null on the last page.")


class RecentArticle(Schema):
    id: int
    url: str
    headline: str
    slug: str
    lead: str
    section: SectionOut
    published_at: datetime
    image: ImageOut | None
    reaction_count: int


class RecentList(Schema):
    items: list[RecentArticle]


class Reply(Schema):
    id: int
    author_name: str
    body: str
    published_at: datetime | None
    like_count: int


class CommentOut(Reply):
    is_featured: bool
    replies: list[Reply]
    more_replies: bool = Field(description="True when the comment has more published replies than shown.")


class CommentPage(Schema):
    items: list[CommentOut]
    next_cursor: str | None


class PollOptionOut(Schema):
    position: int
    label: str
    votes: int
    percent: int


class PollOut(Schema):
    question: str
    is_closed: bool
    total: int
    options: list[PollOptionOut]


class SectionList(Schema):
    items: list[SectionDetail]


class AuthorPage(Schema):
    items: list[AuthorDetail]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")


class TagPage(Schema):
    items: list[TagDetail]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")
