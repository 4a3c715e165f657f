"""Lesson checks: what a story teaches is checked like the code (codes E701-W712).

The schema says a file is well formed and checks.py that its graph holds together; these checks say that
the story teaches what ../shared/reference/LESSON-RULES.md asks: an unsafe path never ends "safe", an
adult is never left out of a threat, a photo or a secret, a threat story offers to tell an adult at once,
7-9 text stays short and fully vowelled, one name for one thing (scenes/glossary/terms.yaml), one order for
the steps (keep the evidence, report, block, tell). Like every check, each one reads the plain document
defensively, yields Findings with a path, and never tracks lines itself.

Words are counted the same way in every language (runs of letters or digits), so a limit means the same
for an English and an Arabic string; the limits live in config.READING_LEVELS.
"""
from __future__ import annotations

import re
from collections import deque
from functools import lru_cache
from typing import Iterator, Optional

from .config import HELP_ROLES, READING_LEVELS, SENSITIVE_DECISION_TOPICS, THREAT_TOPICS
from .errors import WARNING
from .findings import Finding


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _items(value: object) -> list:
    return value if isinstance(value, list) else []


def _text(value: object, lang: str) -> str:
    text = _mapping(value).get(lang)
    return text if isinstance(text, str) else ""


# -- words ----------------------------------------------------------------------------------------------
HARAKAT = re.compile("[\u064b-\u0652\u0670]")  # tanween, fatha, damma, kasra, shadda, sukun, dagger alef
#: The vowels proper: what makes a text "vowelled" rather than lightly marked (a light text keeps shadda and
#: the tanween of شكرًا, which every Arabic writer writes).
VOWELS = re.compile("[\u064c-\u0650\u0652]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_WORD = re.compile(r"[\w\u064b-\u0652\u0670\u0640'’-]+")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_SENTENCE_END = re.compile(r"[.!?؟…:;؛]+[\"'»”)]*\s+|[.!?؟…]+[\"'»”)]*$")


def words(text: str) -> list[str]:
    """The words of a string: runs of letters/digits (an Arabic word keeps its harakat); a {help:...}
    placeholder counts as one word."""
    text = _PLACEHOLDER.sub(" placeholder ", text)
    return [w for w in _WORD.findall(text) if any(ch.isalnum() for ch in w)]


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s and words(s)]


def bare(text: str) -> str:
    """Arabic without harakat and tatweel, English in lower case: what the glossary compares."""
    return HARAKAT.sub("", text).replace("\u0640", "").replace("’", "'").lower()


def _arabic_words(text: str) -> list[str]:
    return [w for w in words(_PLACEHOLDER.sub(" ", text)) if _ARABIC_LETTER.search(w)]


def vowelled_share(text: str, marks: re.Pattern = HARAKAT) -> Optional[float]:
    """The share of Arabic words of two letters or more that carry a mark of `marks` (None: no such word)."""
    arabic = [w for w in _arabic_words(text) if len(_ARABIC_LETTER.findall(w)) >= 2]
    if not arabic:
        return None
    return sum(1 for w in arabic if marks.search(w)) / len(arabic)


# -- walking a scenario ---------------------------------------------------------------------------------
def _nodes(data: dict) -> dict:
    return _mapping(data.get("nodes"))


def _choices(node: object) -> list[tuple[int, dict]]:
    return [(i, c) for i, c in enumerate(_items(_mapping(node).get("choices"))) if isinstance(c, dict)]


def _band(data: dict) -> Optional[str]:
    band = data.get("age_band")
    return band if isinstance(band, str) and band in READING_LEVELS else None  # a list is the schema's E104


def _node_topics(data: dict, node: dict) -> set[str]:
    own = [t for t in _items(node.get("topics")) if isinstance(t, str)]
    return set(own or [t for t in _items(data.get("topics")) if isinstance(t, str)])


def texts(data: dict) -> Iterator[tuple[str, tuple, object]]:
    """(kind, path, {lang: text}) for every string a child reads: messages, prompts, choices, feedback,
    endings. kind is one of message, prompt, choice, why, instead, ending."""
    for node_id, node in _nodes(data).items():
        node = _mapping(node)
        base = ("nodes", node_id)
        for j, message in enumerate(_items(node.get("messages"))):
            yield "message", base + ("messages", j, "text"), _mapping(message).get("text")
        if "prompt" in node:
            yield "prompt", base + ("prompt",), node.get("prompt")
        for i, choice in _choices(node):
            yield "choice", base + ("choices", i, "text"), choice.get("text")
            feedback = _mapping(choice.get("feedback"))
            for key in ("why", "instead"):
                if key in feedback:
                    yield key, base + ("choices", i, "feedback", key), feedback.get(key)
        end = _mapping(node.get("end"))
        if "text" in end:
            yield "ending", base + ("end", "text"), end.get("text")


# -- E701: an unsafe path never ends "safe" -------------------------------------------------------------
def check_safe_endings(data: dict) -> Iterator[Finding]:
    """An ending whose outcome is `safe` must not be reachable through any choice marked `safe: false`
    (E701): that path is `recovered` (what went well is named, what is missing said) or `unsafe`."""
    nodes = _nodes(data)
    start = data.get("start")
    if not isinstance(start, str) or start not in nodes:
        return
    # breadth-first over (node, the first unsafe choice taken so far or None)
    first_unsafe: dict[str, tuple] = {}
    seen = {(start, None)}
    queue = deque([(start, None)])
    while queue:
        node_id, unsafe = queue.popleft()
        node = _mapping(nodes.get(node_id))
        if unsafe is not None and node_id not in first_unsafe:
            first_unsafe[node_id] = unsafe
        for i, choice in _choices(node):
            target = choice.get("next")
            if not isinstance(target, str) or target not in nodes:
                continue
            taken = unsafe if unsafe is not None or choice.get("safe") is not False else (node_id, i)
            state = (target, taken)
            if state not in seen and len(seen) < 50_000:
                seen.add(state)
                queue.append(state)
    for node_id, (src, i) in first_unsafe.items():
        end = _mapping(_mapping(nodes.get(node_id)).get("end"))
        if end.get("outcome") == "safe":
            words_ = _text(dict(_choices(nodes[src])).get(i, {}).get("text"), "en")
            yield Finding("E701", ("nodes", node_id, "end", "outcome"),
                          f"ending '{node_id}' says 'safe' but is reached after the unsafe choice {i + 1} of "
                          f"'{src}' (\"{_short(words_)}\"): make this ending 'recovered' or 'unsafe', or "
                          "lead that path to its own ending")


def check_safe_needs_adult(data: dict) -> Iterator[Finding]:
    """An ending whose outcome is `safe` is reached only by paths on which an adult was told (W712): a
    story that ends "safe" after block and report alone teaches that telling is optional."""
    nodes = _nodes(data)
    start = data.get("start")
    if not isinstance(start, str) or start not in nodes:
        return
    untold, queue = {start}, deque([start])  # nodes reachable without a tell-an-adult choice
    while queue:
        for _i, choice in _choices(nodes.get(queue.popleft())):
            target = choice.get("next")
            if choice.get("action") == "tell_adult" or not isinstance(target, str) or target not in nodes:
                continue
            if target not in untold:
                untold.add(target)
                queue.append(target)
    for node_id in sorted(untold):
        node = _mapping(nodes.get(node_id))
        if _mapping(node.get("end")).get("outcome") == "safe" and not _adult_speaks(data, node):
            yield Finding("W712", ("nodes", node_id, "end", "outcome"),
                          f"ending '{node_id}' says 'safe' but can be reached without telling an adult: make it "
                          "'recovered' (name the step that is missing), or let that path tell an adult",
                          severity=WARNING)


def _adult_speaks(data: dict, node: dict) -> bool:
    """The ending's own messages come from an adult (the child has told them, off screen)."""
    roles = {cid: _mapping(c).get("role") for cid, c in _mapping(data.get("characters")).items()}
    return any(roles.get(_mapping(m).get("from")) == "adult" for m in _items(node.get("messages")))


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# -- E702, E703, W709, W711: adults are told ---------------------------------------------------------------
def _mentions(text: str, terms) -> bool:
    b = f" {bare(text)} "
    return any(_term_in(term, b) for term in terms)


def _term_in(term: str, bare_text: str) -> bool:
    term = bare(term)
    return re.search(r"(?<![\w])" + re.escape(term) + r"(?![\w])", bare_text) is not None


def _without(text: str, terms) -> str:
    """The bare text with every listed phrase cut out."""
    b = f" {bare(text)} "
    for term in terms:
        b = re.sub(r"(?<![\w])" + re.escape(bare(term)) + r"(?![\w])", " ", b)
    return b


def check_adult_told(data: dict) -> Iterator[Finding]:
    """In a decision about a threat, blackmail, a photo, a secret or something upsetting, a choice marked
    safe must not leave every adult out (E702): 'tell only a friend', 'ignore it and say nothing' are at
    best kind words with `safe: false`. A story about threats offers to tell an adult at its first
    decision (E703), and its safe choices never put telling off ('tonight', 'later': W709). A child who has
    just told an adult is not asked again whom to tell (W711)."""
    glossary = load_glossary()
    adults, alone = glossary["adult_words"], glossary["alone_words"]
    nodes = _nodes(data)
    for node_id, node in nodes.items():
        node = _mapping(node)
        if not _node_topics(data, node) & SENSITIVE_DECISION_TOPICS:
            continue
        for i, choice in _choices(node):
            if choice.get("safe") is not True or choice.get("action") in ("tell_adult", "report"):
                continue
            text = _mapping(choice.get("text"))
            en, ar = _text(text, "en"), _text(text, "ar")
            # "no adults" names adults only to leave them out: read the adults in what is left
            names_adult = _mentions(_without(en, alone["en"]), adults["en"]) \
                or _mentions(_without(ar, alone["ar"]), adults["ar"])
            leaves_out = choice.get("action") in ("ignore", "delete", "reply") \
                or _mentions(en, alone["en"]) or _mentions(ar, alone["ar"])
            if leaves_out and not names_adult:
                yield Finding("E702", ("nodes", node_id, "choices", i, "safe"),
                              f"\"{_short(en)}\" is marked safe but leaves every adult out of a decision about "
                              f"{', '.join(sorted(_node_topics(data, node) & SENSITIVE_DECISION_TOPICS))}: "
                              "make it 'safe: false' (its feedback can still say what was good about it), or "
                              "let the child tell an adult")
    topics = {t for t in _items(data.get("topics")) if isinstance(t, str)}
    start = data.get("start")
    if topics & THREAT_TOPICS and isinstance(start, str) and start in nodes:
        first = _first_decision(nodes, start)
        if first is not None and not any(c.get("action") == "tell_adult" for _i, c in _choices(nodes[first])):
            yield Finding("E703", ("nodes", first, "choices"),
                          f"the story is about {', '.join(sorted(topics & THREAT_TOPICS))} but its first "
                          f"decision ('{first}') offers no way to tell an adult: add a choice with "
                          "'action: tell_adult' (tell Mum or Dad now and show them)")
        later = glossary["later_words"]
        for node_id, node in nodes.items():
            for i, choice in _choices(node):
                text = _mapping(choice.get("text"))
                if choice.get("safe") is True and (_mentions(_text(text, "en"), later["en"])
                                                   or _mentions(_text(text, "ar"), later["ar"])):
                    yield Finding("W709", ("nodes", node_id, "choices", i, "text"),
                                  f"\"{_short(_text(text, 'en'))}\" puts telling off: under a threat an adult is "
                                  "told now, not tonight or later", severity=WARNING)
    for node_id, node in nodes.items():
        for i, choice in _choices(node):
            target = choice.get("next")
            if choice.get("action") != "tell_adult" or not isinstance(target, str) or target not in nodes:
                continue
            named = {w for _j, c in _choices(nodes[target]) if c.get("action") == "tell_adult"
                     for w in _adults_named(_text(c.get("text"), "en"), adults["en"])}
            if len(named) >= 2:  # "My teacher" / "Mum": the next step asks again whom to tell
                yield Finding("W711", ("nodes", target, "choices"),
                              f"the child has just told an adult (choice {i + 1} of '{node_id}'), and "
                              f"'{target}' asks again whom to tell ({', '.join(sorted(named))}): follow the adult "
                              "the child chose", severity=WARNING, at_key=True)


def _adults_named(text: str, terms) -> set[str]:
    b = f" {bare(text)} "
    return {bare(t) for t in terms if _term_in(t, b)}


def _first_decision(nodes: dict, start: str) -> Optional[str]:
    """The start node when it is a decision (a node without choices is an ending)."""
    return start if _choices(nodes.get(start)) else None


# -- W704, W705, W706: reading level --------------------------------------------------------------------
_LIMIT_KEYS = {"message": "message", "choice": "choice", "why": "why", "instead": "why", "prompt": "choice",
               "ending": "message"}


def check_reading_level(data: dict) -> Iterator[Finding]:
    """What a child reads fits the age band (config.READING_LEVELS): words per `why`/`instead`, per
    message, choice and ending (W704), words per sentence for 7-9 (W705: one idea per sentence). Each
    language is counted on its own."""
    band = _band(data)
    if band is None:
        return
    level = READING_LEVELS[band]
    for kind, path, value in texts(data):
        limit = level[_LIMIT_KEYS[kind]]
        for lang, text in _mapping(value).items():
            if not isinstance(text, str):
                continue
            n = len(words(text))
            if n > limit:
                yield Finding("W704", path + (lang,),
                              f"{_lang_name(lang)} {kind} has {n} words; ages {band} read at most {limit} in a "
                              f"{kind}: say one thing, more simply", severity=WARNING)
                continue
            most = level.get("sentence")
            if most:
                long = [s for s in sentences(text) if len(words(s)) > most]
                if long:
                    yield Finding("W705", path + (lang,),
                                  f"{_lang_name(lang)} {kind}: a sentence of {len(words(long[0]))} words "
                                  f"(\"{_short(long[0].strip())}\"); ages {band}: one idea per sentence, at most "
                                  f"{most} words", severity=WARNING)


def _lang_name(lang: str) -> str:
    from .config import LANGUAGE_NAMES
    return LANGUAGE_NAMES.get(lang, lang)


def check_harakat(data: dict) -> Iterator[Finding]:
    """One vowelling policy per story (W706). Ages 7-9: fully vowelled (harakat on the words, as a child
    learns to read; the setting can hide them). Ages 10-13: the file's own majority decides — fully
    vowelled, or light (marks only where a word would be misread) — and a string that breaks it is named."""
    band = _band(data)
    shares = []
    for _kind, path, value in texts(data):
        text = _text(value, "ar")
        if text and len(_arabic_words(text)) >= 3 and vowelled_share(text) is not None:
            shares.append((path + ("ar",), vowelled_share(text), vowelled_share(text, VOWELS)))
    if not shares:
        return
    full = READING_LEVELS.get(band or "", {}).get("harakat") == "full" \
        or sum(1 for _p, marked, _v in shares if marked >= 0.5) * 2 > len(shares)
    for path, marked, vowelled in shares:
        if full and marked < READING_LEVELS["vowelled_share"]:
            why = "ages 7-9 read fully vowelled Arabic" if band == "7-9" else "this story is fully vowelled"
            yield Finding("W706", path, f"Arabic text with harakat on {marked:.0%} of its words: {why}; "
                          "add the vowel marks", severity=WARNING)
        elif not full and vowelled > READING_LEVELS["light_share"]:
            yield Finding("W706", path, f"Arabic text with vowels on {vowelled:.0%} of its words, in a story "
                          "vowelled only where a word would be misread: keep one policy in a file",
                          severity=WARNING)


# -- W707, W708: one name for one thing, one order for the steps -----------------------------------------
#: Strings that tell the child what to do (feedback and endings tell what happened, in its own order).
_INSTRUCTIONS = ("choice", "instead", "message", "prompt")

def check_terms(data: dict) -> Iterator[Finding]:
    """Canonical names of the actions and helpers (W707, from scenes/glossary/terms.yaml) and the order of
    the steps in one instruction — a choice, an `instead`, a message (W708): report with or before block,
    as in "keep the messages, report, block, tell"."""
    glossary = load_glossary()
    for kind, path, value in texts(data):
        for lang, text in _mapping(value).items():
            if not isinstance(text, str):
                continue
            b = f" {bare(text)} "
            for term in glossary["terms"]:
                variant = next((v for v in term["avoid"].get(lang, ()) if _term_in(v, b)), None)
                if variant is not None:  # one finding per term and string, naming the first variant
                    yield Finding("W707", path + (lang,), f"{_lang_name(lang)} '{variant}': the stories say "
                                  f"\"{term['canonical'].get(lang, '')}\" for {term['meaning']}",
                                  severity=WARNING)
            if kind not in _INSTRUCTIONS or (kind == "choice" and _is_unsafe_choice(data, path)):
                continue  # feedback and endings tell what happened; an unsafe choice is a mistake on purpose
            steps = glossary["steps"]
            at = {name: _first_at(b, steps[name].get(lang, ())) for name in steps}
            if at["report"] is not None and at["block"] is not None and at["block"] < at["report"]:
                yield Finding("W708", path + (lang,), f"{_lang_name(lang)}: 'block' comes before 'report'; the "
                              "stories teach one order: keep the messages, report, block, tell (a report needs "
                              "the account and its messages)", severity=WARNING)


def _is_unsafe_choice(data: dict, path: tuple) -> bool:
    if len(path) < 4 or path[2] != "choices":
        return False
    choice = dict(_choices(_nodes(data).get(path[1]))).get(path[3], {})
    return choice.get("safe") is False


def _first_at(bare_text: str, terms) -> Optional[int]:
    found = []
    for term in terms:
        m = re.search(r"(?<![\w])" + re.escape(bare(term)), bare_text)
        if m:
            found.append(m.start())
    return min(found) if found else None


# -- E710: a fixed order says why -------------------------------------------------------------------------
def check_choice_order(data: dict) -> Iterator[Finding]:
    """`order: fixed` keeps the author's order of a decision's choices on screen; it needs an
    `order_reason` (E710), because a fixed order lets a child who always presses the first button win."""
    for node_id, node in _nodes(data).items():
        node = _mapping(node)
        if node.get("order") == "fixed" and not str(node.get("order_reason") or "").strip():
            yield Finding("E710", ("nodes", node_id, "order"),
                          f"'{node_id}' keeps its choices in the written order: say why in 'order_reason' "
                          "(e.g. the steps must be read in this order), or remove 'order: fixed' so each play "
                          "shuffles them")


# -- E713: help channels by role -------------------------------------------------------------------------
_HELP = re.compile(r"\{help:([^{}]*)\}")


def check_help_roles(data: dict) -> Iterator[Finding]:
    """`{help:ROLE}` names one of config.HELP_ROLES (E713): the region file in use fills in the channel, so a
    story never writes a number itself."""
    from .errors import did_you_mean
    for _kind, path, value in texts(data):
        for lang, text in _mapping(value).items():
            for role in _HELP.findall(text) if isinstance(text, str) else ():
                if role not in HELP_ROLES:
                    yield Finding("E713", path + (lang,), f"'{{help:{role}}}' names no help channel"
                                  f"{did_you_mean(role, HELP_ROLES)}; roles: {', '.join(HELP_ROLES)}")


# -- the glossary -----------------------------------------------------------------------------------------
def glossary_path():
    from aman_game import SCENES_DIR
    return SCENES_DIR / "glossary" / "terms.yaml"


@lru_cache(maxsize=None)
def load_glossary() -> dict:
    """scenes/glossary/terms.yaml as plain data, read with the safe reader; an unreadable glossary gives
    empty lists (validate reports the file's own problems when it checks scenes/glossary/)."""
    empty = {"terms": [], "adult_words": {"en": [], "ar": []}, "alone_words": {"en": [], "ar": []},
             "later_words": {"en": [], "ar": []},
             "steps": {k: {} for k in ("evidence", "report", "block", "delete")}}
    try:
        from .yaml_reader import read_document
        data = read_document(glossary_path(), str(glossary_path())).data
    except Exception:  # the glossary's own problems are its validation's business
        return empty
    data = _mapping(data)
    out = dict(empty)
    for key in ("adult_words", "alone_words", "later_words"):
        out[key] = {lang: [w for w in _items(v) if isinstance(w, str)]
                    for lang, v in _mapping(data.get(key)).items()}
        for lang in ("en", "ar"):
            out[key].setdefault(lang, [])
    out["steps"] = {name: {lang: [w for w in _items(v) if isinstance(w, str)]
                           for lang, v in _mapping(_mapping(data.get("steps")).get(name)).items()}
                    for name in ("evidence", "report", "block", "delete")}
    out["terms"] = []
    for term in _items(data.get("terms")):
        term = _mapping(term)
        canonical = {k: v for k, v in _mapping(term.get("canonical")).items() if isinstance(v, str)}
        avoid = {lang: [w for w in _items(v) if isinstance(w, str)] for lang, v in _mapping(term.get("avoid")).items()}
        meaning = term.get("meaning") if isinstance(term.get("meaning"), str) else str(term.get("id", ""))
        out["terms"].append({"canonical": canonical, "avoid": avoid, "meaning": meaning})
    return out


SCENARIO_CHECKS = (check_safe_endings, check_safe_needs_adult, check_adult_told, check_reading_level, check_harakat, check_terms,
                   check_choice_order, check_help_roles)
