"""Why the cleaner took a line out of an article: one slug per reason, each with a line for `show`.

Slugs are stored with every removed line, so they are part of the store format: add new ones, never
rename or reuse old ones.
"""

from __future__ import annotations

HEADLINE = "headline"
REPEATED_HEADLINE = "repeated-headline"
REPEATED_CAPTION = "repeated-caption"
REPEATED_LINE = "repeated-line"
MASTHEAD = "masthead"
BYLINE = "byline"
CREDIT = "credit"
COPYRIGHT = "copyright"
PHOTO_CREDIT = "photo-credit"
CAPTION = "caption"
PAYWALL = "paywall"
COMMENT_PROMPT = "comment-prompt"
CONSENT = "consent"
SHARE = "share"
NEWSLETTER = "newsletter"
RELATED = "related"
ADVERT = "advert"
RECURRING = "recurring"

REASONS: dict[str, str] = {
    HEADLINE: "the article's headline, kept as its title rather than in the body",
    REPEATED_HEADLINE: "a headline repeated inside the article",
    REPEATED_CAPTION: "a caption-like line (no closing punctuation) that occurs more than once",
    REPEATED_LINE: "a later copy of a sentence already in the article",
    MASTHEAD: "the outlet's name on a line of its own",
    BYLINE: "the author's name ('By Jane Doe', or a lone name under the headline)",
    CREDIT: "a wire or reporting credit ('This story was reported by the Associated Press.')",
    COPYRIGHT: "a copyright or rights notice",
    PHOTO_CREDIT: "a photographer or picture-agency credit ('Name/Agency', '(Photo: Reuters)')",
    CAPTION: "a photo caption (ends with a picture credit, or sits with one)",
    PAYWALL: "a paywall or subscription nag",
    COMMENT_PROMPT: "a prompt to read or write comments",
    CONSENT: "a cookie, privacy or consent notice",
    SHARE: "a share or follow button label",
    NEWSLETTER: "a newsletter or alert sign-up",
    RELATED: "a link to another article ('Read more: ...')",
    ADVERT: "an advertisement marker or media placeholder",
    RECURRING: "a line that recurs across many articles of the same outlet",
}
