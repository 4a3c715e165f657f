#!/usr/bin/env python3
"""Generate the game's short sound cues into assets/sounds/ with the standard library only.

Soft sine tones with quick fades (no clicks), quiet enough for a room of 25 PCs:
message — a light two-note pop; safe — a rising three-note chime; unsafe — a gentle falling two-note
tone (a nudge, not an alarm: the game never scolds); tap — a tiny click; finish — a short fanfare.
Run: python tools/make_sounds.py
"""
from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def tone(freq: float, seconds: float, volume: float = 0.35, harmonics=(1.0, 0.25, 0.08)) -> list[float]:
    n = int(RATE * seconds)
    attack, release = int(RATE * 0.008), int(RATE * min(0.12, seconds * 0.6))
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, i / max(1, attack)) * min(1.0, (n - i) / max(1, release))
        env *= math.exp(-3.0 * t / max(seconds, 1e-3))
        v = sum(a * math.sin(2 * math.pi * freq * (k + 1) * t) for k, a in enumerate(harmonics))
        out.append(volume * env * v / sum(harmonics))
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def write(name: str, samples: list[float]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / f"{name}.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32000)) for s in samples))


def main() -> None:
    write("message", tone(880, 0.07, 0.3) + tone(1320, 0.11, 0.3))
    write("safe", tone(784, 0.11) + tone(988, 0.11) + tone(1175, 0.26))
    write("unsafe", tone(523, 0.16, 0.3) + tone(440, 0.28, 0.3))
    write("tap", tone(1600, 0.035, 0.2, (1.0,)))
    write("finish", tone(659, 0.1) + tone(784, 0.1) + tone(988, 0.1) + silence(0.03) + tone(1319, 0.35))
    print(f"wrote {len(list(OUT.glob('*.wav')))} cues to {OUT}")


if __name__ == "__main__":
    main()
