"""Pass `meetings` (part of `concepts`): two movers meeting, two services leaving together.

- Two movers a distance apart, moving toward each other at their speeds, asked when they
  meet -> `A bus is 725 miles from a car. The bus travels towards the car at a speed of 34
  miles per hour. The car travels towards the bus at a speed of 76 miles per hour. The bus
  meets the car. How many hours does the bus travel?`
- Two services leaving a place every N and every M minutes, asked when they next leave
  together -> `A ship leaves a station with an interval of 54 minutes. A train leaves the
  station with an interval of 42 minutes. The ship leaves the station with the train. What
  is the time of the next departure of the ship with the train?`

The first mover (service) named in the text is the first in the canonical form.
"""

from __future__ import annotations

import re

from agent.rewrite.conservation import keeps_stated_numbers
from agent.rewrite.motion import MOTION_VERBS  # noqa: F401 - documents which verbs move

VEHICLES = {"car", "bus", "train", "truck", "boat", "ship", "cyclist", "plane", "bike", "runner", "walker", "taxi", "van", "tram", "ferry"}
_NUM = r"\d+(?:\.\d+)?"
_SPEED = rf"({_NUM})\s+([a-z]+)\s+per\s+hour"
_DISTANCE = re.compile(rf"({_NUM})\s+(miles|kilometers|meters)\s+(?:apart|from)|(?:distance|are)\s+(?:between\s+.+?\s+)?is\s+({_NUM})\s+(miles|kilometers|meters)|start\s+({_NUM})\s+(miles|kilometers)\s+apart")


@keeps_stated_numbers
def define_meeting(text: str) -> str | None:
    """Canonical ACE for a meeting or a common departure, or None."""
    met = _meet(text)
    if met is not None:
        return met if _asked_unit(text) in (None, "hour") else None  # the canonical asks hours
    left = _departures(text)
    return left if _asked_unit(text) in (None, "minute") else None  # the canonical asks minutes


def _asked_unit(text: str) -> str | None:
    """The time unit the question asks in, if it names one (`in hours`, `How many minutes`)."""
    question = re.split(r"(?<=[.?!])\s+", text.strip())[-1]
    m = re.search(r"\b(?:in|how many)\s+(second|minute|hour|day)s?\b", question, re.I)
    return m.group(1).lower() if m else None


def _movers(text: str) -> list[str]:
    names = [w for w in re.findall(r"\b([a-z]+)\b", text) if w in VEHICLES]
    return list(dict.fromkeys(names))


def _meet(text: str) -> str | None:
    if not re.search(r"\bmeet\b", text) or not re.search(r"\btowards?\b|\beach other\b", text):
        return None
    movers = _movers(text)
    distance = _DISTANCE.search(text)
    if len(movers) != 2 or distance is None:
        return None
    value, unit = next((distance.group(i), distance.group(i + 1)) for i in (1, 3, 5) if distance.group(i))
    speeds = {}
    for mover in movers:
        # the mover's own speed: after the mover as a subject, not after `toward the boat`
        m = re.search(rf"(?<!toward the )(?<!towards the )\b{mover}\b[^.;:]*?(?:at|going)\s+{_SPEED}", text)
        if m is None:
            return None
        speeds[mover] = f"{m.group(1)} {m.group(2)}"
    a, b = movers
    return (
        f"A {a} is {value} {unit} from a {b}. "
        f"The {a} travels towards the {b} at a speed of {speeds[a]} per hour. "
        f"The {b} travels towards the {a} at a speed of {speeds[b]} per hour. "
        f"The {a} meets the {b}. How many hours does the {a} travel?"
    )


def _departures(text: str) -> str | None:
    intervals = re.findall(rf"every\s+({_NUM})\s+minutes", text) or re.findall(rf"every\s+({_NUM})\s+and\s+every\s+({_NUM})\s+minutes", text)
    if len(intervals) == 1 and isinstance(intervals[0], tuple):
        intervals = list(intervals[0])
    if len(intervals) != 2 or not re.search(r"\btogether\b|\bsame\s+(?:time|moment)\b", text):
        return None
    movers = _movers(text)
    if len(movers) != 2:
        return None
    a, b = movers
    x, y = intervals
    return (
        f"A {a} leaves a station with an interval of {x} minutes. A {b} leaves the station with an interval of {y} minutes. "
        f"The {a} leaves the station with the {b}. What is the time of the next departure of the {a} with the {b}?"
    )
