"""Words the screens show for content codes (topics, actions, outcomes, age bands), marked for translation.

Each value is an English msgid marked with N_ (extracted by Babel) and translated with i18n._ at draw time.
"""
from __future__ import annotations

from ..i18n import N_, gettext as _

TOPICS = {
    "friend_request": N_("Friend requests"),
    "fake_identity": N_("People who pretend"),
    "gift_offer": N_("Gifts from strangers"),
    "secret_keeping": N_("Secrets"),
    "private_app": N_("Moving to a private app"),
    "photo_request": N_("Photo requests"),
    "personal_info": N_("Personal information"),
    "voice_chat": N_("Voice chat"),
    "blackmail": N_("Threats"),
    "account_security": N_("Passwords and codes"),
    "upsetting_content": N_("Pictures that feel wrong"),
    "known_adult": N_("Adults we know"),
    "fake_images": N_("Fake pictures"),
    "group_chat": N_("Group chats"),
    "bystander": N_("Helping a friend"),
}

#: "What went well": a sentence per safe action practised.
WENT_WELL = {
    "block": N_("You blocked someone who made you uneasy."),
    "report": N_("You reported a problem in the app."),
    "tell_adult": N_("You told a trusted adult."),
    "decline": N_("You said no."),
    "ignore": N_("You did not answer a stranger."),
    "reply": N_("You answered kindly and safely."),
    "send": N_("You shared only what was safe."),
    "accept": N_("You accepted only what was safe."),
    "leave": N_("You left a chat that felt wrong."),
    "tell_friend": N_("You talked to a friend, and did not stay alone with it."),
}

OUTCOMES = {
    "safe": N_("You stayed safe!"),
    "recovered": N_("You found your way back to safety."),
    "unsafe": N_("This time it went wrong. Let's learn from it."),
}

AGE_BANDS = {"7-9": N_("Ages 7–9"), "10-13": N_("Ages 10–13")}

CARD_TITLES = {
    "friend_request": N_("Friend request"),
    "gift": N_("Gift"),
    "photo_request": N_("Photo request"),
    "link": N_("Link"),
    "voice_invite": N_("Voice chat invite"),
    "picture": N_("Photo"),
    "hidden_picture": N_("Hidden picture"),
}

RESOURCE_KINDS = {"phone": N_("Phone"), "app": N_("App"), "web": N_("Website"), "person": N_("Person")}


def topic(code: str) -> str:
    return _(TOPICS[code]) if code in TOPICS else code.replace("_", " ")


def age_band(code: str) -> str:
    return _(AGE_BANDS[code]) if code in AGE_BANDS else code
