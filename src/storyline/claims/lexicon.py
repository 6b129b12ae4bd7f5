"""Word lists the claim extractor binds numbers with: what a count measures and which event it
belongs to. Kept in one place so they can be read, extended and tested together."""

from __future__ import annotations

import re

# Lemma -> event class. A toll is the same measure whether the text says "killed 43", "43 dead",
# "43 deaths", "claimed 43 lives" or "a death toll of 43".
EVENT_CLASSES: dict[str, str] = {
    **dict.fromkeys(["kill", "die", "dead", "death", "fatality", "perish", "massacre", "slay",
                     "toll", "life", "body", "corpse", "fatal", "murder", "execute", "behead",
                     "drown"],
                    "killed"),
    **dict.fromkeys(["injure", "wound", "hurt", "injury", "injured", "wounded", "maim"], "injured"),
    **dict.fromkeys(["missing", "disappear", "unaccounted"], "missing"),
    **dict.fromkeys(["arrest", "detain", "detention", "jail", "imprison", "custody", "capture",
                     "seize"],
                    "arrested"),
    **dict.fromkeys(["evacuate", "evacuation"], "evacuated"),
    **dict.fromkeys(["homeless", "displace", "displaced"], "homeless"),
    **dict.fromkeys(["rescue", "save"], "rescued"),
    **dict.fromkeys(["hospitalize", "hospitalise", "hospital", "treat"], "hospitalised"),
    **dict.fromkeys(["casualty"], "casualties"),
    # an amount taken: "stole gems worth 85 million euros", "snatched $108 million worth of rings"
    **dict.fromkeys(["steal", "stole", "stolen", "rob", "snatch", "loot", "nab", "burgle",
                     "embezzle", "pilfer", "swindle"], "stolen"),
}
# A count of the people of a place ("North Korea's 22 million people", "its 23 million people").
POPULATION = "population"
# The children of a parent named in passing ("a mother of 12", "father of three").
FAMILY = "children"
PARENTS = frozenset({"mother", "father", "parent", "mom", "dad", "grandmother", "grandfather",
                     "grandparent", "grandmom", "granddad"})
CLASS_NAMES = frozenset(EVENT_CLASSES.values()) | {POPULATION, FAMILY}

# Cumulative measures only grow as counting goes on: a later, higher report is an update.
# People freed (hostages, prisoners) are let go in batches and counted as they come out.
CUMULATIVE = frozenset({"killed", "injured", "arrested", "evacuated", "homeless", "rescued",
                        "hospitalised", "casualties", "missing", "release", "free"})

# A price a market sets anew each trading day ("closed at $19.50", "fell 50 cents to $20"): two
# days' prices are two moments, not two claims about one.
MARKET_EVENTS = frozenset({"close", "open", "trade", "end", "finish", "fall", "rise", "climb",
                           "slip", "drop", "gain", "lose", "jump", "tumble", "quote", "sell"})
# ... and so does a session's volume: stems of the words of a sentence about a trading session
MARKET_WORDS = frozenset({"volume", "trad", "session", "composite"})

# Nouns that name people in general: "43 people", "44 victims", "174 dead" count the same thing.
PEOPLE = frozenset({"people", "person", "victim", "dead", "body", "life", "fatality", "casualty",
                    "individual", "resident", "inhabitant", "wounded", "injured", "other", "man",
                    "adult"})
# Nouns for a body of troops: "90,000 Ruritanian soldiers" and "its forces ... now number about
# 70,000" count one army. (Servicemen, named one by one in a toll, are left apart.)
TROOPS = frozenset({"soldier", "troop", "force"})

# Who a toll or an arrest count names by their role: "99 alleged Mafia members seized", "4,299
# political opponents died". Counted as people, the role kept as a qualifier ("member"), so they
# compare with "89 people arrested" but not with "18 soldiers killed". (Soldiers, police and
# civilians are left out: a report counting them counts a part of a toll, not the toll.)
ROLES = frozenset({"member", "opponent", "suspect", "activist", "supporter", "dissident"})

# Verbs that report rather than happen: "officials said 14 people" binds 14 to what comes next.
REPORTING = frozenset({"say", "tell", "report", "state", "announce", "add", "claim", "confirm",
                       "estimate", "believe", "put", "quote", "according", "show", "list"})

# Verbs that hold no event of their own: the event is further up the tree.
LIGHT = frozenset({"be", "have", "include", "bring", "reach", "rise", "climb", "stand", "total",
                   "number", "go", "jump", "increase", "raise", "revise", "put", "leave",
                   "value", "cost", "price", "estimate", "worth"})

# Nouns and verbs that put a price on something ("$108 million worth of rings", "diamonds valued
# at 85 million euros"): an amount bound to them measures the event around them, not a noun.
VALUATION = frozenset({"worth", "value", "valued", "valuation", "cost", "price", "priced"})

# Words that announce a revised figure ("the toll rose to 357").
UPDATE_CUES = frozenset({"rise", "rose", "risen", "climb", "climbed", "increase", "increased",
                         "jump", "jumped", "raise", "raised", "revise", "revised", "mount",
                         "mounted", "mounting", "grow", "grew", "now", "latest", "new", "updated",
                         "bring", "brought", "bringing", "swell", "swelled"})

# Phrases anywhere in a sentence that say its figure is a running or revised count: "as of
# Thursday", "so far", "still", "three remain missing", "down from officials' earlier estimate",
# "lowered the toll".
REVISION = re.compile(
    r"\b(?:as of|so far|up from|down from|still|remain(?:s|ed|ing)? missing|earlier (?:estimate|figure|count|toll)s?|"
    r"(?:toll|count|number|figure)s? (?:of \\w+ )?(?:has |had )?(?:rose|rise[sn]?|risen|climb(?:ed|s)?|jump(?:ed|s)?|"
    r"increase[sd]?|fell|fall(?:en|s)?|drop(?:ped|s)?)|"
    r"(?:lower|rais|revis)(?:ed|ing|es|e)? (?:the |its |their )?(?:\w+ )?(?:death )?(?:toll|count|figure|estimate))\b",
    re.IGNORECASE)

# Who takes part in a contest, and the words that tell one of them left it: a report that says a
# team "withdrew at the last minute" has a smaller field than the reports before it, for a reason.
ENTRANTS = frozenset({"nation", "country", "team", "athlete", "competitor", "participant",
                      "delegation", "entrant", "candidate", "boat", "yacht", "club"})
WITHDRAWAL = re.compile(
    r"\b(?:withdr[ae]w|withdrawn|withdrawing|withdrawal|pull(?:ed|s|ing)? out|"
    r"dr(?:opped|ops|opping) out|scratched|boycott(?:ed|ing|s)?)\b", re.IGNORECASE)

# Currency words wire copy writes before the figure ("dlrs 512,000"), as a parsed token.
CURRENCY_FIRST = frozenset({"dlrs", "dlr", "dlrs."})

# Units a number can be bound to without a noun: "10 percent", "$2.5bn".
MONEY_UNITS = frozenset({"USD", "EUR", "GBP", "JPY", "AUD", "CAD", "HKD", "INR", "CNY", "RUB",
                         "TRY"})

STOPWORDS = frozenset("""a an the and or but if of in on at to for from by with as is are was were be been
being has have had do does did this that these those it its their his her he she they we you i
not no nor so than then there here which who whom whose what when where why how all any both each
few more most other some such only own same too very can will just should now said says say told
also after before over under into out up down about against between through during again further
once mr mrs ms dr would could may might must shall while because until since upon per""".split())

# Units of measure a counted noun can be: "18 feet long", "four kilometers away", "13 tons". A
# figure in one of them measures an object or a distance, not a set of things, so it is a claim
# even with no event ("the unit is 18 feet long"), and its unit, not an event class, says what it
# measures. Units are not converted: news converts with rounding ("four kilometers (two miles)"),
# so only figures written in one unit are compared.
MEASURE_UNITS: dict[str, str] = {
    **dict.fromkeys(["mile"], "mi"), **dict.fromkeys(["kilometer", "kilometre", "km"], "km"),
    **dict.fromkeys(["meter", "metre"], "m"), **dict.fromkeys(["foot", "feet", "ft"], "ft"),
    **dict.fromkeys(["inch"], "in"), **dict.fromkeys(["yard"], "yd"),
    **dict.fromkeys(["ton", "tonne"], "t"), **dict.fromkeys(["kilogram", "kilo", "kg"], "kg"),
    **dict.fromkeys(["acre"], "acre"), **dict.fromkeys(["hectare"], "ha"),
}
MEASURE_UNIT_NAMES = frozenset(MEASURE_UNITS.values()) | {"nmi"}  # "nautical mile" (below)

# Words that make a count a running tally of one actor ("his career total of 47", "12 goals this
# season", "so far"), or a sports record written as wins-losses ("53-3, 47 KOs"): two reports
# giving two values of it are two moments of one count, not a conflict. ("record" alone is not
# one: "a record 43 nations" is a single figure.)
# (Hyphens come spaced out in some feeds: "all - time".)
TALLY = re.compile(
    r"\b(?:career|season|so far|to date|all\s*-\s*time)\b"
    r"|\(?\b\d{1,3}-\d{1,3}(?:-\d{1,3})?,\s*\d+\s+(?:KOs?|knockouts|wins|goals)\b",
    re.IGNORECASE)

# Which dimension a length measures, from the word after it ("63 feet long and 78 feet wide"). A
# length with no such word ("77 feet from end to end", "four kilometers away") is an extent:
# news uses length and distance for one object alike, but never width for its length.
LENGTH_UNITS = frozenset({"mi", "nmi", "km", "m", "ft", "in", "yd"})
# Metres in each length unit: "about 200 ft" and "about 150 metres" of one fall are compared once
# both are in metres (news converts with rounding, so converted figures get some slack).
METRES = {"mi": 1609.344, "nmi": 1852.0, "km": 1000.0, "m": 1.0, "ft": 0.3048, "in": 0.0254,
          "yd": 0.9144}
# A mile at sea is longer than one on land: "a 350-nautical-mile race" is a "648-km race".
NAUTICAL = re.compile(r"^\s*-?\s*nautical\b", re.IGNORECASE)
# (the unit may be hyphened to the word, "a 300-mile-wide cyclone", or its conversion come between,
# "the 300-mile (480-kilometer) wide cyclone")
DIMENSION = re.compile(r"^(?:-|\s)*[a-z]+(?:\s*\([^()]{1,25}\))?(?:-|\s)+"
                       r"(?:(?P<w>wide|across|in width)|(?P<h>high|tall|in height)"
                       r"|(?P<d>deep|in depth))\b", re.IGNORECASE)

# A compass direction after a distance, past its unit and a converted figure in parentheses
# ("15 miles southeast of Montpelier", "20 km (12 miles) south of the capital", "50 km to the
# north"; a conversion too: "(12 miles) south"), and the name of the place it is counted from,
# if one follows "of".
HEADING = re.compile(
    r"^\s*[a-z]+\.?\s*\)?\s*(?:\([^()]{1,25}\)\s*)?(?:to\s+the\s+)?"
    r"(?P<dir>(?:north|south)(?:-?(?:east|west))?|east|west)(?:ward)?\b"
    r"(?:\s+of\s+(?P<ref>[^,.;:()]{1,40}))?", re.IGNORECASE)
# A distance counted from a named place with no direction given ("60 miles (96 kilometers) from
# the Sorrel Keys", "6 km away from Sela"): the name it is counted from. (Only a name: "slipped 140
# metres from a ledge" tells where a fall began, not how far one place lies from another.)
FROM_PLACE = re.compile(
    r"^\s*[a-z]+\.?\s*\)?\s*(?:\([^()]{1,25}\)\s*)?(?:away\s+)?from\s+"
    r"(?P<ref>(?:the\s+)?[A-Z][^,.;:()]{0,40})")
# Degrees of each compass point: two headings 90 degrees or more apart are two directions, nearer
# ones ("north", "northeast") one direction told loosely.
COMPASS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
           "southwest": 225, "west": 270, "northwest": 315}

# Words that say what kind of body a name is; reports drop them ("the Seaview Recovery Center",
# "Seaview Recovery").
ORG_KIND_WORDS = frozenset({"center", "centre", "inc", "corp", "corporation", "co", "company",
                         "group", "ltd", "llc", "plc", "institute", "foundation", "association"})

# What a player makes in a game: a figure of these is the player's, as an amount is its earner's
# ("Hale scored 20 points", "Ford posted 23 points" are two players' games).
SCORES = frozenset({"point", "goal", "rebound", "assist", "touchdown", "yard", "run"})
