"""Every line pattern the cleaner uses, each named and tied to its reason slug.

Patterns match a whole *normalised* line (straight quotes, single spaces, stripped), never a part
of one: boilerplate lives on lines of its own, and a body sentence that merely mentions cookies or
subscriptions does not match. Gathered here so they can be read, tested and extended in one place.
"""

from __future__ import annotations

import re

from storyline.clean import reasons as R

# Picture agencies and the words that end a photo credit.
AGENCY = (
    r"(?:AP(?: Photo)?|AFP(?: Photo)?|Reuters|REUTERS|Getty(?: Images)?|EPA(?:-EFE)?|EFE|Sputnik|"
    r"TASS|Anadolu(?: Agency)?|Xinhua|Bloomberg|Pool|POOL|Shutterstock|PA(?: Wire| Images| Media)?|"
    r"Alamy|Corbis|NurPhoto|SOPA Images|LightRocket|ZUMA(?: Press| Wire)*|Kremlin|SIPA|Sipa|"
    r"Abaca|DPA|dpa|Picture Alliance|picture alliance|Rex|REX|Rex Features|Handout|HANDOUT|"
    r"[\w.'-]+(?: [\w.'-]+){0,3} (?:Press Service|Press Office|Photo|Photos|Agency|Images|Pool)|"
    r"File|FILE)"
)

# (name, reason, pattern): one named pattern per kind of boilerplate line.
LINE_RULES: list[tuple[str, str, str]] = [
    # Paywalls and subscription nags.
    (
        "paywall_meter",
        R.PAYWALL,
        (
            r"(?i:you(?:'ve| have) (?:read|viewed|used|reached|had) .{0,40}?(?:(?:free|"
            r"complimentary) "
            r"(?:articles?|stories|story|pieces|reads)|(?:article|story|monthly|free) limit|"
            r"limit of (?:free )?(?:articles|stories)).{0,160})"
        ),
    ),
    (
        "paywall_subscribe",
        R.PAYWALL,
        (
            r"(?i:(?:please )?(?:subscribe|sign up|register|log ?in|sign in|join)(?: now| today| "
            r"for "
            r"free| free)?"
            r" (?:to|and) (?:continue|read|keep reading|unlock|get (?:full |unlimited )?access|"
            r"access|"
            r"view|see|enjoy).{0,160})"
        ),
    ),
    (
        "paywall_for_subscribers",
        R.PAYWALL,
        (
            r"(?i:(?:this|the full) (?:article|story|content|piece|page) is (?:only |exclusively )?"
            r"(?:for|available (?:only )?(?:to|for)|reserved for) (?:our )?(?:paid |paying |"
            r"premium |"
            r"digital )?"
            r"(?:subscribers|members).{0,120})"
        ),
    ),
    (
        "paywall_already",
        R.PAYWALL,
        r"(?i:already (?:a subscriber|a member|have an account|registered|subscribed)\??.{0,80})",
    ),
    (
        "paywall_access",
        R.PAYWALL,
        (
            r"(?i:(?:get|start|unlock|try) (?:unlimited|full|digital|premium|instant) "
            r"access.{0,120}|"
            r"(?:subscribe|subscribe now|subscribe today|subscribe here)[.!]?|"
            r"(?:to )?continue reading.{0,40}?(?:subscribe|sign in|log in|register).{0,80}|"
            r"(?:subscriber|subscribers|premium)[- ](?:only|exclusive)(?: content| article| "
            r"story)?[.!]?|"
            r"(?:support|fund|power) (?:our|independent|quality) journalism.{0,120}|"
            r"become a (?:paying )?(?:member|subscriber|supporter)(?: today| now| here)?[.!]?)"
        ),
    ),
    # Prompts to comment.
    (
        "comment_prompt",
        R.COMMENT_PROMPT,
        (
            r"(?i:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|cancel reply|"
            r"(?:\d+ )?comments?(?: \(\d+\))?|show comments|view comments|hide comments|"
            r"load(?:ing)? "
            r"comments|"
            r"(?:read|see|view) (?:all )?(?:\d+ )?comments|join the (?:conversation|discussion|"
            r"debate)|"
            r"have your say|be the first to comment|comments are (?:closed|disabled|moderated)|"
            r"comments? (?:have|has) been (?:closed|disabled)|"
            r"(?:you must|please) (?:be )?(?:logged in|log in|sign in|signed in|register) to "
            r"(?:post|leave|add|write|make) (?:a )?(?:comment|reply)|"
            r"your email address will not be published|required fields are marked ?\*?|"
            r"(?:comment|reply|post comment|submit comment)|(?:notify me of|save my "
            r"name).{0,120})[.!]?"
        ),
    ),
    # Cookie, privacy and consent notices.
    (
        "consent_using",
        R.CONSENT,
        (
            r"(?i:by (?:using|continuing to use|visiting|accessing|browsing)(?: \S+){1,4},? you"
            r" (?:agree|consent|accept|acknowledge).{0,400})"
        ),
    ),
    (
        "consent_cookies",
        R.CONSENT,
        (
            r"(?i:(?:we|this (?:site|website)|our (?:site|website)|[\w.&'-]+(?: [\w.&'-]+)? and "
            r"(?:its "
            r"|our )?"
            r"partners) (?:use|uses|may use|are using) cookies(?: and similar technologies)?"
            r"(?:[.!](?: .{0,400})?|(?: to| and| on| so| for| in order| that| which)\b.{0,400})|"
            r"(?:accept|reject|decline|allow|manage|customi[sz]e) (?:all |necessary |optional )?"
            r"(?:cookies|cookie settings)|cookie (?:settings|preferences|policy|notice|"
            r"consent))[.!]?"
        ),
    ),
    (
        "consent_choices",
        R.CONSENT,
        (
            r"(?i:(?:accept|reject|decline|allow|manage|customi[sz]e) (?:all |necessary |optional "
            r")?"
            r"(?:settings|preferences|choices)|(?:we value|your) privacy(?: choices)?|"
            r"(?:by continuing|if you continue) to (?:use|browse) (?:this|our) (?:site|"
            r"website).{0,300}|"
            r"privacy (?:policy|settings|preferences|dashboard)|do not sell my personal "
            r"information)[.!]?"
        ),
    ),
    # Share buttons and follow prompts.
    (
        "share_buttons",
        R.SHARE,
        (
            r"(?i:(?:share|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|pinterest|"
            r"reddit|"
            r"telegram|messenger|copy link|copy url|save|flipboard)"
            r"(?:[ |,/]+(?:share|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|"
            r"pinterest|"
            r"reddit|telegram|messenger|copy link|copy url|save|flipboard))*)"
        ),
    ),
    (
        "share_this",
        R.SHARE,
        (
            r"(?i:share (?:this|the) (?:article|story|page|post|video)(?: on \w+| via \w+)?|"
            r"share (?:on|via) (?:facebook|twitter|x|linkedin|whatsapp|email|reddit|telegram)|"
            r"share this|share or comment on this article|"
            r"follow (?:us|[\w.@'-]+(?: [\w.@'-]+){0,3}) on (?:twitter|facebook|instagram|x|"
            r"linkedin|"
            r"telegram|youtube|threads|bluesky|tiktok|google news)\b.{0,120}|"
            r"click here (?:to|for)\b.{0,160}|(?:download|get) (?:our|the) (?:free "
            r")?app\b.{0,120})[.!]?"
        ),
    ),
    # Newsletter sign-ups.
    (
        "newsletter",
        R.NEWSLETTER,
        (
            r"(?i:(?:sign up|subscribe|register) (?:for|to) (?:our|the|a|\w+'s)? ?(?:free "
            r")?(?:[\w-]+ "
            r"){0,4}"
            r"(?:newsletters?|e-?mails?|alerts|briefings?|digest|bulletin)\b.{0,160}|"
            r"(?:get|receive) (?:our|the) (?:free )?(?:[\w-]+ ){0,3}(?:newsletter|briefing|"
            r"digest)\b.{0,160}|"
            r"(?:enter your email(?: address)?|we'll never share your email|thank you for signing "
            r"up|"
            r"you(?:'ve| have) (?:been )?(?:successfully )?(?:signed up|subscribed)).{0,160})"
        ),
    ),
    # Links to other articles.
    (
        "related",
        R.RELATED,
        (
            r"(?i:(?:read more|more|related|see also|also read|read also|recommended|most read|"
            r"more on this(?: story)?|related (?:articles?|stories|content|coverage|topics)|"
            r"more from [\w ]{1,40}|trending|you may also like|don't miss|must read)(?:\s*[:>|"
            r"-].{0,200})?)"
        ),
    ),
    # Advertisement markers and media placeholders.
    (
        "advert",
        R.ADVERT,
        (
            r"(?i:advertisement|advertising|sponsored(?: content)?|ad|story continues (?:below|"
            r"after)"
            r"(?: (?:this )?advertisement)?|continue reading (?:the )?(?:main )?(?:story|article) "
            r"?(?:below)?|"
            r"scroll to continue(?: with content)?|media playback is unsupported on your device|"
            r"(?:watch|play|replay)(?: video)?|video|(?:loading|loading\.\.\.|loading video)|"
            r"your browser does not support.{0,80})[.!]?"
        ),
    ),
    # Labelled captions and credits (BBC style: "Image caption ...", "Image copyright ...").
    ("caption_label", R.CAPTION, r"(?i:(?:image|media|photo|video) caption\b.{0,400})"),
    (
        "credit_label",
        R.PHOTO_CREDIT,
        r"(?i:(?:image|photo|picture) (?:copyright|source|credit)\b.{0,100})",
    ),
    # Wire and reporting credits.
    (
        "credit",
        R.CREDIT,
        (
            r"(?i:this (?:story|article|report|content|piece|post|interview)(?: \w+){0,2}? "
            r"(?:reported|written|produced|published|provided|distributed|republished|syndicated|"
            r"reproduced|contributed|prepared|appeared|ran|posted|reprinted)(?: \w+){0,3}? (?:by|"
            r"from|"
            r"in|on|"
            r"with|via|at|courtesy of) .{2,150}|"
            r"(?:originally|first) (?:published|appeared|posted|ran) (?:in|on|by|at) .{2,150}|"
            r"(?:additional )?(?:reporting|writing|editing|research|compiled|translation|"
            r"translated) "
            r"by "
            r"[^.!?]{2,240}\.?|"
            r"(?:source|courtesy|credit)s?: .{2,80}|"
            r"(?:distributed|provided) by .{2,100}\.?|"
            r"by (?:the )?(?:associated press|reuters|agence france-presse|afp|ap|bloomberg|tass|"
            r"xinhua|"
            r"sputnik|anadolu agency|upi|dpa)(?: staff| reporters?| writers?| news)?\.?)"
        ),
    ),
    (
        "credit_contributed",
        R.CREDIT,
        r"(?i:.{2,160}? contributed (?:reporting |to )?(?:to )?this (?:report|story|article)\.?)",
    ),
    (
        "copyright",
        R.COPYRIGHT,
        (
            r"(?i:(?:©|\(c\)|copyright)\s*.{0,300}|this material may not be (?:published|"
            r"reproduced).{0,200})"
        ),
    ),
    ("copyright_rights", R.COPYRIGHT, r"(?i:.{0,150}all rights reserved\.?.{0,50})"),
    # Picture credits on a line of their own.
    (
        "photo_credit_slash",
        R.PHOTO_CREDIT,
        r"\(?(?:[\w.'-]+(?: [\w.'-]+){0,5}) ?/ ?(?:[\w.' -]{1,50}/ ?){0,3}"
        + AGENCY
        + r"(?: via Getty Images| via AP| via Reuters)?\)?\.?",
    ),
    (
        "photo_credit_agency",
        R.PHOTO_CREDIT,
        r"\(?(?:" + AGENCY + r")(?: ?/ ?[\w.' -]{1,40}){0,3}\)?\.?",
    ),
    (
        "photo_credit_label",
        R.PHOTO_CREDIT,
        (
            r"(?i:\(?(?:photos?|photograph|photography|picture|image|pic|photo credit|credit|file "
            r"photo|"
            r"illustration)(?: by\s+|\s*:\s*)[^()]{1,80}\)?)"
        ),
    ),
]

# Lines longer than this are only tried against LONG_LINE_RULES: the other patterns describe
# short lines, and trying them on every body paragraph would cost most of the cleaning time.
SHORT_LINE = 200
LONG_LINE_RULES = frozenset(
    "paywall_meter paywall_subscribe paywall_for_subscribers paywall_access consent_using "
    "consent_cookies consent_choices newsletter related caption_label credit copyright".split()
)

# Patterns that open with a wildcard scan the whole line; each is tried only on lines holding its
# word (lowercased), which most body lines do not.
RULE_NEEDLES: dict[str, str] = {
    "credit_contributed": "contributed",
    "copyright_rights": "rights reserved",
    "photo_credit_slash": "/",
    "consent_cookies": "cookie",
    "paywall_meter": "you",
}

# A line that ends in a picture credit is a caption: "...: Getty", "... (Photo: Reuters)",
# "... Photograph: Murad Sezer/Reuters", "... REUTERS/Umit Bektas". Matched against the tail only.
CAPTION_TAIL = re.compile(
    r"(?::\s*(?:Getty(?: Images)?|AFP(?:/Getty(?: Images)?)?|Reuters|AP|EPA|PA|Rex|REX|"
    r"Shutterstock|"
    r"Alamy|AP Photo|Sputnik|TASS|Anadolu(?: Agency)?|Xinhua|Bloomberg(?: via Getty Images)?)"
    r"|\(\s*(?i:photos?|photograph|picture|image|credit|photo credit)\s*:?\s*[^()]{1,60}\)"
    r"|\((?:Reuters|REUTERS|AP|AFP|Getty Images|EPA|AP Photo/[^()]{1,40}|Reuters/[^()]{1,40}|"
    r"REUTERS/[^()]{1,40}|AFP via Getty Images|Photo by [^()]{1,50})\)"
    r"|\b(?:Photograph|Photo|Picture|Image|PHOTO|Credit)\s*:\s*[A-Z][^.:]{1,60}"
    r"|\b(?:REUTERS|AP Photo|AFP PHOTO|EPA-EFE|AFP)\s*/\s*[\w][\w .'/-]{1,60}"
    r"|/(?:Getty Images|AFP via Getty Images|AP|Reuters|REUTERS|AFP|EPA))\s*\.?\s*$"
)
CAPTION_TAIL_WINDOW = 90  # characters at the end of a line that CAPTION_TAIL looks at

# "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Reuters", "By Jane Doe | Moscow".
_NAME = (
    r"(?:[A-Z][\w'.-]*|[A-Z]\.)"
    r"(?: (?:[A-Z][\w'.-]*|[A-Z]\.|de|da|van|von|der|al|bin|la|le|du|di)){1,3}"
)
BYLINE = re.compile(
    r"(?i:by)\s+(?P<name>" + _NAME + r"(?:(?:,| and| &) " + _NAME + r")*)"
    r"(?:\s*(?:,|\||-|in)\s*[^.!?]{1,60})?"
)

BYLINE_PARTICLES = frozenset("de da van von der den al bin ibn la le du di del dos das ter".split())
# Capitalised words that do not occur in a person's name, so a lone line with one is not a byline.
NOT_NAME_WORDS = frozenset(
    """the a an and or of in on at to for from with by as is are was were be been has have had will
    would can could should may might must do does did not no it its this that these those he she
    they we you i his her their our my new says said say after before over under into about
    against amid why how what when where who which while more most than up down out off""".split()
    + """monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december today yesterday news live update updated
    breaking exclusive analysis opinion comment editorial world politics business""".split()
)

SENTENCE_END = re.compile(r"[.!?…][\"')\]]*$")
