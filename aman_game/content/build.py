"""Turn a validated Document (plain data + positions) into the frozen model. Runs only on files that
passed every check, so it may index the data directly."""
from __future__ import annotations

from .model import (App, Character, Choice, Ending, Feedback, Loc, Message, Node, Question, Quiz, Region,
                    Resource, Scenario, TeacherNotes, Text, frozen_mapping)
from .yaml_reader import Document


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc

    def loc(self, path: tuple) -> Loc:
        return Loc(self.doc.file, *self.doc.position(path, at_key=bool(path)))

    def text(self, value: dict | None, path: tuple, voice: dict | None = None) -> Text | None:
        """The string at `path`; `voice` is the recordings map written beside it, if any."""
        if value is None:
            return None
        return Text(frozen_mapping(value), Loc(self.doc.file, *self.doc.position(path)),
                    frozen_mapping(voice or {}))

    def voiced(self, holder: dict, key: str, path: tuple) -> Text | None:
        """holder[key] with its recordings: `voice` beside `text`, `<key>_voice` beside any other key."""
        voice_key = "voice" if key == "text" else f"{key}_voice"
        return self.text(holder.get(key), path + (key,), holder.get(voice_key))

    def choice(self, c: dict, path: tuple) -> Choice:
        fb = c["feedback"]
        feedback = Feedback(self.voiced(fb, "why", path + ("feedback",)),
                            self.voiced(fb, "instead", path + ("feedback",)),
                            self.loc(path + ("feedback",)))
        return Choice(self.voiced(c, "text", path), c["action"], c["safe"], c.get("points", 0),
                      feedback, c["next"], Loc(self.doc.file, *self.doc.position(path)))

    def node(self, node_id: str, n: dict) -> Node:
        path = ("nodes", node_id)
        messages = tuple(
            Message(m["from"], self.voiced(m, "text", path + ("messages", i)), m.get("card"),
                    Loc(self.doc.file, *self.doc.position(path + ("messages", i))))
            for i, m in enumerate(n.get("messages", ())))
        choices = tuple(self.choice(c, path + ("choices", i)) for i, c in enumerate(n.get("choices", ())))
        end = None
        if "end" in n:
            end = Ending(n["end"]["outcome"], self.voiced(n["end"], "text", path + ("end",)),
                         self.loc(path + ("end",)))
        return Node(node_id, messages, self.voiced(n, "prompt", path), choices, end,
                    self.loc(path), tuple(n.get("topics", ())), n.get("order", "shuffled"))

    def scenario(self) -> Scenario:
        d = self.doc.data
        characters = frozen_mapping(
            (cid, Character(cid, self.text(c["name"], ("characters", cid, "name")), c["role"], c.get("avatar"),
                            self.loc(("characters", cid))))
            for cid, c in d["characters"].items())
        nodes = frozen_mapping((nid, self.node(nid, n)) for nid, n in d["nodes"].items())
        tn = d["teacher_notes"]
        notes = TeacherNotes(
            self.text(tn["objective"], ("teacher_notes", "objective")),
            tuple(self.text(t, ("teacher_notes", "discussion", i)) for i, t in enumerate(tn["discussion"])),
            self.text(tn["if_child_discloses"], ("teacher_notes", "if_child_discloses")),
            tuple(self.text(t, ("teacher_notes", "warning_signs", i))
                  for i, t in enumerate(tn.get("warning_signs", ()))),
            self.loc(("teacher_notes",)))
        app = App(d["app"]["look"], self.text(d["app"]["name"], ("app", "name")), self.loc(("app",)))
        return Scenario(d["id"], self.text(d["title"], ("title",)), self.text(d["summary"], ("summary",)),
                        d["age_band"], tuple(d["topics"]), d["sensitivity"], app, characters, d["start"], nodes,
                        notes, self.doc.file, Loc(self.doc.file, *self.doc.position(())))

    def region(self) -> Region:
        d = self.doc.data
        resources = tuple(
            Resource(r["kind"], self.text(r["name"], ("resources", i, "name")), r["confirmed"],
                     self.text(r.get("description"), ("resources", i, "description")), r.get("phone"),
                     r.get("url"), Loc(self.doc.file, *self.doc.position(("resources", i))), r.get("id"))
            for i, r in enumerate(d["resources"]))
        return Region(d["region"], self.text(d["name"], ("name",)), resources, bool(d.get("default", False)),
                      self.doc.file, Loc(self.doc.file, *self.doc.position(())))

    def quiz(self) -> Quiz:
        questions = []
        for i, q in enumerate(self.doc.data["questions"]):
            path = ("questions", i)
            questions.append(Question(
                q["id"], q["topic"], q["form"], self.text(q["text"], path + ("text",)),
                tuple(self.text(o, path + ("options", j)) for j, o in enumerate(q["options"])),
                q["correct"], self.text(q["explain"], path + ("explain",)),
                Loc(self.doc.file, *self.doc.position(path))))
        return Quiz(tuple(questions), self.doc.data["age_band"], self.doc.file,
                    Loc(self.doc.file, *self.doc.position(())))


def build(doc: Document, kind: str):
    """The model object for a validated document of `kind` ("scenario", "region" or "quiz")."""
    return getattr(_Builder(doc), kind)()
