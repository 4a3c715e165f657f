"""Configuration of the content format: the languages every string must have, the vocabularies, and the
limits that keep a hostile or broken file from costing more than a few milliseconds and megabytes.

Everything that would otherwise be hard-coded in several places lives here once. The JSON Schemas in
scenes/ repeat the vocabularies for editors; a test keeps the two in step.
"""
from __future__ import annotations

#: Every human-readable string is a map language -> text that must carry at least these languages.
REQUIRED_LANGUAGES: tuple[str, ...] = ("ar", "en")

#: Names used in messages to authors ("missing Arabic text ('ar')").
LANGUAGE_NAMES: dict[str, str] = {"ar": "Arabic", "en": "English", "fr": "French"}

AGE_BANDS = ("7-9", "10-13")
TOPICS = (
    "friend_request", "fake_identity", "gift_offer", "secret_keeping", "private_app",
    "photo_request", "personal_info", "voice_chat", "blackmail",
    # passwords and sign-in codes; a picture or link that feels wrong; an adult the child already knows;
    # AI-made fake pictures; class group chats; helping a friend who is being groomed (the bystander)
    "account_security", "upsetting_content", "known_adult", "fake_images", "group_chat", "bystander",
)
SENSITIVITIES = ("normal", "high")

# --- the quiz (scenes/quiz/<band>.yaml, one bank per age band) -------------------------------------------
#: Items a class is asked before and after playing, at most: 7-9 children read (or hear) fewer.
QUIZ_MAX_ITEMS: dict[str, int] = {"7-9": 5, "10-13": 8}
#: Items of the delayed check a returning child answers on a later day.
QUIZ_DELAYED_ITEMS = 3
#: Words per string, per band (LESSON-RULES §3: 7-9 one short idea, read-aloud friendly).
QUIZ_WORD_LIMITS: dict[str, dict[str, int]] = {
    "7-9": {"text": 20, "options": 12, "explain": 20},
    "10-13": {"text": 32, "options": 20, "explain": 32},
}
#: Options that let a child answer without reading the others (LESSON-RULES §5): not allowed.
QUIZ_BANNED_OPTIONS = ("all of the above", "none of the above", "both of the above", "كل ما سبق",
                       "جميع ما سبق", "لا شيء مما سبق", "كل ما ذكر")
APP_LOOKS = ("messenger", "game_lobby")
ROLES = ("stranger", "friend", "adult", "guide")
#: picture: a photo shared in the chat, drawn as a placeholder card (never a real image); hidden_picture: a
#: picture that feels wrong, drawn blurred behind a warning (nothing explicit is ever on screen).
CARDS = ("friend_request", "gift", "photo_request", "link", "voice_invite", "picture", "hidden_picture")
#: ignore: the child leaves the message unanswered; delete: the child deletes the chat (each has its own
#: notice in the mock app); leave: the child leaves a voice or group chat, or closes what they were sent;
#: tell_friend: the child talks to a friend (never a safe answer to a threat, a photo or a secret alone).
ACTIONS = ("block", "report", "tell_adult", "reply", "accept", "ignore", "delete", "decline", "send", "leave",
           "tell_friend")
OUTCOMES = ("safe", "recovered", "unsafe")
RESOURCE_KINDS = ("phone", "app", "web", "person")

# --- what a lesson must be (content/pedagogy.py; the numbers from LESSON-RULES.md §3, measured on the
# shipped stories) --------------------------------------------------------------------------------------
#: Words a child reads per string, by age band and kind of string (why/instead share "why"; a prompt counts
#: as a choice, an ending as a message); "sentence": most words in one sentence (one idea per sentence);
#: "harakat": "full" when every story of the band is fully vowelled.
READING_LEVELS: dict = {
    "7-9": {"why": 15, "message": 20, "choice": 20, "sentence": 12, "harakat": "full"},
    "10-13": {"why": 25, "message": 35, "choice": 25, "sentence": None, "harakat": None},
    # a "fully vowelled" string has marks on at least this share of its words (shipped 7-9 stories: 100 %);
    # a "light" one has vowels proper (not shadda, not the tanween of شكرًا) on at most that share (shipped
    # light stories: 90 % of their strings at or under 45 %)
    "vowelled_share": 0.75,
    "light_share": 0.6,
}
#: Decisions about these topics need an adult in every safe choice (pedagogy E702).
SENSITIVE_DECISION_TOPICS = frozenset({"blackmail", "photo_request", "secret_keeping", "upsetting_content",
                                       "fake_images", "known_adult"})
#: Stories about these offer to tell an adult at their first decision (E703) and never later (W709).
THREAT_TOPICS = frozenset({"blackmail", "fake_images"})

#: The bands each topic of the source document is taught in (`validate --coverage` reports a gap as
#: MISSING): threats, fake pictures, known adults, group chats and the bystander are for ages 10-13.
_BOTH = ("7-9", "10-13")
COVERAGE: dict[str, tuple[str, ...]] = {
    "friend_request": _BOTH, "fake_identity": _BOTH, "gift_offer": _BOTH, "secret_keeping": _BOTH,
    "private_app": _BOTH, "photo_request": _BOTH, "personal_info": _BOTH, "voice_chat": _BOTH,
    "account_security": _BOTH, "upsetting_content": _BOTH, "blackmail": ("10-13",),
    "fake_images": ("10-13",), "known_adult": ("10-13",), "group_chat": ("10-13",), "bystander": ("10-13",),
}

#: Roles of the help channels a story may name as {help:ROLE}; a region file gives each channel its role.
HELP_ROLES = ("home", "school", "police_report", "report_app", "safety_site", "support")

#: The child playing is always this implicit character; a scenario must not define it.
PLAYER_CHARACTER = "me"

POINTS_MIN, POINTS_MAX = 0, 10
CHOICES_MIN, CHOICES_MAX = 2, 4

# --- limits of the safe reader -------------------------------------------------------------------------
#: Bigger files are refused before they are read (a long scenario is ~30 kB).
MAX_FILE_BYTES = 2 * 1024 * 1024
#: Deepest nesting of mappings/lists (a scenario needs about 8).
MAX_DEPTH = 40
#: Values after alias expansion; an alias bomb hits this long before it costs memory or time.
MAX_VALUES = 100_000

#: Problems listed per file; past this a file is more broken than useful to list line by line.
MAX_PROBLEMS_PER_FILE = 200

#: Keys whose value is a path relative to assets/ that must exist.
ASSET_KEYS = ("avatar",)
