#!/usr/bin/env python3
"""Generate a synthetic corpus of news-like articles for benchmarking hcx.

    scripts/gen-corpus.py --mb 10 --out target/bench-corpus/10mb --seed 1

The corpus is made of "events" (a summit, a flood, an election, a festival, a donor
conference, a protest, a treaty signing). Each event is covered by several sources that
report the same figures with their own hedges, spellings and sometimes different values,
so `hcx diff` has agreements, differences and conflicts to find. Around the figures sit
the numbers hcx must learn to ignore: dates, years, ordinals, durations, times and URLs.

Files are 3-8 KB of plain text (.txt), spread over sub-folders of at most 500 files. The
output is deterministic for a given --seed and --mb. Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import textwrap
from pathlib import Path

MB = 1_000_000
FILES_PER_DIR = 500
MARKER = ".gen-corpus.json"

# --------------------------------------------------------------------------- words

SMALL_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]
TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
              "ninety"]

SYLLABLES_A = ["bra", "ko", "vel", "tam", "quo", "ris", "dun", "pel", "gar", "mi", "zan",
               "tor", "lu", "fen", "sab", "or", "ki", "wen", "hal", "dro", "ny", "cas",
               "bel", "ust", "va", "ner", "shi", "pom", "ter", "gla"]
SYLLABLES_B = ["dor", "ia", "mont", "vale", "stad", "ora", "ek", "ovo", "ana", "burg",
               "ley", "ira", "osa", "und", "avi", "eth", "mar", "is", "ton", "ul"]
NOUN_ENDS = ["lets", "ons", "ers", "kins", "ites", "als", "ards", "ines", "ocks", "ums"]

REGIONS = ["northern", "southern", "coastal", "eastern", "western", "central", "upland",
           "river", "border", "island"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_SHORT = ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
OUTLETS = ["Daily Lantern", "Harbour Courier", "Evening Ledger", "Morning Signal",
           "Valley Herald", "Capital Wire", "Northern Post", "Global Dispatch",
           "Plains Gazette", "City Observer", "Coast Tribune", "Sentinel Online"]
DOMAINS = ["lantern-news.example", "harbourcourier.example", "ledger.example.org",
           "signal.example.net", "valleyherald.example", "capitalwire.example",
           "northpost.example.com", "dispatch.example.org"]
OFFICIAL_ROLES = ["a spokesperson for the organisers", "the deputy minister",
                  "the regional governor", "a senior police official",
                  "the head of the electoral commission", "the mayor",
                  "a United Nations coordinator", "the civil defence chief",
                  "an aid agency official", "the festival director"]


def invent_place(rng: random.Random) -> str:
    return (rng.choice(SYLLABLES_A) + rng.choice(SYLLABLES_B)).capitalize()


def invent_person(rng: random.Random) -> str:
    first = (rng.choice(SYLLABLES_A) + rng.choice(SYLLABLES_A)).capitalize()
    last = (rng.choice(SYLLABLES_A) + rng.choice(SYLLABLES_B)).capitalize()
    return f"{first} {last}"


def invent_noun(rng: random.Random) -> str:
    """A made-up plural noun such as 'tamorkins', for hcx's automatic topics."""
    return rng.choice(SYLLABLES_A) + rng.choice(SYLLABLES_A)[:2] + rng.choice(NOUN_ENDS)


def words_for(n: int) -> str:
    """English words for 0..999 ('seventy-two', 'three hundred and six')."""
    if n < 20:
        return SMALL_WORDS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS_WORDS[tens] + ("" if ones == 0 else "-" + SMALL_WORDS[ones])
    hundreds, rest = divmod(n, 100)
    head = SMALL_WORDS[hundreds] + " hundred"
    return head if rest == 0 else head + " and " + words_for(rest)


# ------------------------------------------------------------------------ figures

def fmt_count(rng: random.Random, n: int, allow_words: bool = True) -> str:
    """A count as a reporter might write it."""
    if allow_words and n < 100 and rng.random() < 0.35:
        return words_for(n)
    if n >= 1_000_000 and rng.random() < 0.7:
        value = n / 1_000_000
        text = f"{value:.1f}".rstrip("0").rstrip(".")
        return f"{text} million"
    if n >= 1000:
        if rng.random() < 0.85:
            return f"{n:,}"
        return str(n)
    if n >= 200 and n % 100 == 0 and rng.random() < 0.25:
        return words_for(n // 100) + " hundred"
    return str(n)


def fmt_money(rng: random.Random, dollars: float) -> str:
    style = rng.random()
    if dollars >= 1e9:
        value = f"{dollars / 1e9:.1f}".rstrip("0").rstrip(".")
        if style < 0.4:
            return f"${value}bn"
        if style < 0.7:
            return f"${value} billion"
        return f"US${value} billion"
    value = f"{dollars / 1e6:.1f}".rstrip("0").rstrip(".")
    if style < 0.4:
        return f"${value} million"
    if style < 0.7:
        return f"${value}m"
    return f"{value} million dollars"


def fmt_percent(rng: random.Random, pct: float) -> str:
    text = f"{pct:.1f}".rstrip("0").rstrip(".")
    return f"{text}%" if rng.random() < 0.6 else f"{text} percent"


HEDGES = ["more than", "at least", "nearly", "about", "as many as", "up to", "over",
          "some", "around", "almost", "roughly", "fewer than"]


def variant(rng: random.Random, value: float, integral: bool = True) -> tuple[float, str]:
    """How one source reports an event's figure: the same, hedged, rounded or different."""
    roll = rng.random()
    hedge = ""
    if roll < 0.40:
        new = value
    elif roll < 0.65:
        new = value
        if rng.random() < 0.5:
            magnitude = 10 ** max(0, len(str(int(value))) - 2)
            new = max(magnitude, round(value / magnitude) * magnitude)
        hedge = rng.choice(HEDGES)
    elif roll < 0.80:
        magnitude = 10 ** max(0, len(str(int(value))) - 2)
        new = round(value / magnitude) * magnitude
        hedge = rng.choice(["about", "nearly", "some", "around", "more than"])
    else:
        new = value * rng.uniform(0.6, 1.4)
        if rng.random() < 0.5:
            hedge = rng.choice(HEDGES)
    if integral:
        new = max(1, int(round(new)))
    return new, hedge


def hedged(hedge: str, text: str, capital: bool = False) -> str:
    out = f"{hedge} {text}" if hedge else text
    return out[0].upper() + out[1:] if capital else out


# ------------------------------------------------------------------------- events

class Event:
    """One story: its place, time and true figures, shared by all its sources."""

    KINDS = ["summit", "disaster", "election", "festival", "donors", "protest", "treaty"]

    def __init__(self, rng: random.Random, index: int, nouns: list[str]):
        self.index = index
        self.kind = rng.choice(self.KINDS)
        self.place = invent_place(rng)
        self.region = rng.choice(REGIONS)
        self.year = rng.randint(1998, 2026)
        self.month = rng.randrange(12)
        self.day = rng.randint(1, 26)
        self.weekday = rng.choice(WEEKDAYS)
        self.person = invent_person(rng)
        self.edition = rng.randint(2, 40)
        self.days = rng.randint(2, 6)
        # A few made-up things the sources also count: automatic topics.
        self.things = [(rng.choice(nouns), rng.randint(3, 4000), rng.choice(
            ["counted", "registered", "listed", "inspected", "recovered", "shipped",
             "repaired", "catalogued"])) for _ in range(rng.randint(2, 4))]
        r = rng.randint
        self.figures: dict[str, float] = {
            "delegates": r(300, 9000), "countries": r(20, 190), "reporters": r(60, 900),
            "agencies": r(20, 250), "side": r(5, 60), "signed": r(10, 120),
            "killed": r(3, 900), "injured": r(10, 4000), "missing": r(2, 300),
            "displaced": r(500, 2_500_000), "destroyed": r(40, 30000),
            "damaged": r(100, 90000), "magnitude": round(rng.uniform(4.5, 8.4), 1),
            "aid": r(2, 900) * 1e6 if rng.random() < 0.8 else r(1, 12) * 1e9 + r(1, 9) * 1e8,
            "turnout": round(rng.uniform(31, 88), 1), "votes": r(20000, 9_000_000),
            "seats": r(12, 240), "candidates": r(3, 900), "stations": r(200, 40000),
            "visitors": r(2000, 900000), "performers": r(20, 600), "stalls": r(30, 1500),
            "protesters": r(500, 200000), "arrests": r(5, 700), "pledged": r(3, 70),
            "ratified": r(5, 60),
        }


def sentence_pool(ev: Event) -> dict[str, list]:
    """Templates per figure; each takes (rng, text) and returns one sentence."""
    month = MONTHS[ev.month]
    place = ev.place
    return {
        "delegates": [
            lambda g, t: f"The opening session in {place} welcomed {t} delegates from across the region.",
            lambda g, t: f"{hedged('', t, True)} delegates registered for the meeting, according to the organisers.",
            lambda g, t: f"Organisers said {t} participants attended the plenary on {month} {ev.day}.",
        ],
        "countries": [
            lambda g, t: f"Delegations from {t} countries attended the {ev.days}-day gathering.",
            lambda g, t: f"Representatives of {t} nations took part in the talks.",
        ],
        "reporters": [
            lambda g, t: f"The event was covered by {t} reporters, many of them from abroad.",
            lambda g, t: f"{hedged('', t, True)} journalists were accredited for the closing ceremony.",
        ],
        "agencies": [
            lambda g, t: f"Crews from {t} press agencies set up in the media centre.",
            lambda g, t: f"In all, {t} news outlets sent correspondents to {place}.",
        ],
        "side": [
            lambda g, t: f"Alongside the main programme, {t} side events were held in nearby halls.",
        ],
        "signed": [
            lambda g, t: f"By the end of the {ordinal(ev.days)} day, {t} countries had signed the accord.",
            lambda g, t: f"{hedged('', t, True)} states signed the text at the ceremony in {place}.",
        ],
        "ratified": [
            lambda g, t: f"So far {t} countries have ratified the agreement, officials said.",
        ],
        "killed": [
            lambda g, t: f"The disaster killed {t} people in the {ev.region} districts.",
            lambda g, t: f"Officials said {t} people died, and the death toll may rise further.",
            lambda g, t: f"Rescue teams confirmed the deaths of {t} villagers near {place}.",
        ],
        "injured": [
            lambda g, t: f"Another {t} people were injured and taken to hospitals in {place}.",
            lambda g, t: f"{hedged('', t, True)} residents were hurt, the health ministry said.",
        ],
        "missing": [
            lambda g, t: f"{hedged('', t, True)} people remain missing as the search continues.",
        ],
        "displaced": [
            lambda g, t: f"The floods displaced {t} people, many of whom are sheltering in schools.",
            lambda g, t: f"Authorities evacuated {t} residents from low-lying areas.",
        ],
        "destroyed": [
            lambda g, t: f"{hedged('', t, True)} homes were destroyed, according to a preliminary count.",
            lambda g, t: f"The water flattened {t} houses in the {ev.region} valley.",
        ],
        "damaged": [
            lambda g, t: f"A further {t} buildings were damaged.",
        ],
        "magnitude": [
            lambda g, t: f"The magnitude {t} earthquake struck at {g.randint(1, 11)}:{g.randint(10, 59)} local time.",
        ],
        "aid": [
            lambda g, t: f"Donors pledged {t} in emergency aid for the {ev.region} provinces.",
            lambda g, t: f"The government has released {t} in relief assistance so far.",
        ],
        "pledged": [
            lambda g, t: f"{hedged('', t, True)} governments pledged funding at the conference.",
        ],
        "turnout": [
            lambda g, t: f"Turnout was {t}, the electoral commission said on {ev.weekday}.",
            lambda g, t: f"Voter turnout reached {t} in the {ev.region} constituencies.",
        ],
        "votes": [
            lambda g, t: f"The governing party won {t} votes in the first round.",
            lambda g, t: f"{hedged('', t, True)} ballots were cast across the country.",
        ],
        "seats": [
            lambda g, t: f"The opposition won {t} seats in the {ev.edition * 10}-member chamber.",
        ],
        "candidates": [
            lambda g, t: f"{hedged('', t, True)} candidates stood for office this year.",
        ],
        "stations": [
            lambda g, t: f"Voting took place at {t} polling stations, which opened at 7 am.",
        ],
        "visitors": [
            lambda g, t: f"The festival drew {t} visitors over {words_for(ev.days)} days.",
            lambda g, t: f"{hedged('', t, True)} spectators attended the final night in {place}.",
        ],
        "performers": [
            lambda g, t: f"{hedged('', t, True)} performers from {g.randint(5, 40)} ensembles appeared on the {ordinal(g.randint(2, 9))} stage.",
        ],
        "stalls": [
            lambda g, t: f"Traders ran {t} stalls along the waterfront.",
        ],
        "protesters": [
            lambda g, t: f"{hedged('', t, True)} protesters marched through central {place} on {ev.weekday}.",
            lambda g, t: f"Police estimated that {t} demonstrators gathered outside parliament.",
        ],
        "arrests": [
            lambda g, t: f"Police arrested {t} people during the clashes.",
            lambda g, t: f"There were {t} arrests by nightfall, the interior ministry said.",
        ],
    }


KIND_FIGURES = {
    "summit": ["delegates", "countries", "reporters", "agencies", "side", "signed"],
    "treaty": ["signed", "ratified", "countries", "delegates", "reporters", "agencies"],
    "disaster": ["killed", "injured", "missing", "displaced", "destroyed", "damaged",
                 "magnitude", "aid"],
    "donors": ["aid", "pledged", "countries", "delegates", "displaced"],
    "election": ["turnout", "votes", "seats", "candidates", "stations"],
    "festival": ["visitors", "performers", "stalls", "reporters", "arrests"],
    "protest": ["protesters", "arrests", "injured", "killed", "reporters"],
}


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def render_figure(rng: random.Random, key: str, value: float) -> str:
    if key == "magnitude":
        return f"{value:.1f}"
    if key == "turnout":
        new, hedge = variant(rng, value, integral=False)
        return hedged(hedge, fmt_percent(rng, round(new, 1)))
    if key == "aid":
        new, hedge = variant(rng, value, integral=False)
        return hedged(hedge, fmt_money(rng, new))
    new, hedge = variant(rng, value)
    return hedged(hedge, fmt_count(rng, int(new)))


def filler(rng: random.Random, ev: Event, source: int) -> str:
    """A sentence with numbers that are not claims: dates, years, ordinals, durations."""
    month = MONTHS[ev.month]
    choices = [
        lambda: f"The {ordinal(ev.edition)} edition opened on {ev.weekday}, {month} {ev.day}, {ev.year}.",
        lambda: f"It was the first such event in {ev.place} since {ev.year - rng.randint(3, 40)}.",
        lambda: f"Talks ran for {words_for(ev.days)} days, from {month} {ev.day} to {month} {ev.day + ev.days - 1}.",
        lambda: f"A {rng.randint(2, 15)}-year plan agreed in {ev.year - 1} set out the next steps.",
        lambda: f"{ev.person}, {rng.randint(30, 78)}, said the {ordinal(rng.randint(2, 30))} session would follow in {MONTHS[(ev.month + 3) % 12]}.",
        lambda: f"The briefing began at {rng.randint(7, 11)}:{rng.choice(['00', '15', '30', '45'])} am and lasted {rng.randint(2, 5)} hours.",
        lambda: f"Full statements were posted at https://{rng.choice(DOMAINS)}/{ev.year}/{ev.month + 1:02d}/{ev.place.lower()}-{rng.randint(100, 9999)}.",
        lambda: f"An earlier report dated {ev.day}/{ev.month + 1}/{ev.year} gave no details.",
        lambda: f"On {rng.choice(MONTHS_SHORT)} {rng.randint(1, 28)}, a committee of {rng.choice(REGIONS)} officials met for the {ordinal(rng.randint(2, 12))} time.",
        lambda: f"\"We have worked on this for {words_for(rng.randint(2, 19))} years,\" {rng.choice(OFFICIAL_ROLES)} told the {rng.choice(OUTLETS)}.",
        lambda: f"The {ev.region} highway, Route {rng.randint(1, 99)}, reopened after {rng.randint(2, 72)} hours.",
        lambda: f"Officials expect a final report by the end of {ev.year + 1}.",
        lambda: f"The agreement covers the period from {ev.year} to {ev.year + rng.randint(2, 12)}.",
        lambda: f"Local markets stayed open, and schools in the {ev.region} district resumed classes on {WEEKDAYS[(WEEKDAYS.index(ev.weekday) + 2) % 7]}.",
        lambda: f"The {rng.randint(10, 90)}-minute address by {ev.person} was broadcast live.",
    ]
    return rng.choice(choices)()


def invented(rng: random.Random, ev: Event, versions: dict[str, str]) -> str:
    noun, value, verb = rng.choice(ev.things)
    if noun not in versions or rng.random() < 0.2:
        new, hedge = variant(rng, value)
        versions[noun] = hedged(hedge, fmt_count(rng, int(new)))
    text = versions[noun]
    forms = [
        f"Inspectors {verb} {text} {noun} in the {ev.region} depots.",
        f"By {ev.weekday}, workers had {verb} {text} {noun}.",
        f"{text[0].upper() + text[1:]} {noun} were {verb} before the deadline.",
    ]
    return rng.choice(forms)


def quote_line(rng: random.Random, ev: Event) -> str:
    lines = [
        f"\"This is a moment the people of {ev.place} will remember,\" {ev.person} said.",
        f"{ev.person} thanked the volunteers and called for calm.",
        f"Residents described long queues and patchy phone coverage.",
        f"The organisers did not respond to a request for comment.",
        f"Critics said the figures released so far were incomplete.",
        f"The {rng.choice(OUTLETS)} could not independently verify the account.",
    ]
    return rng.choice(lines)


# ----------------------------------------------------------------------- articles

def article(rng: random.Random, ev: Event, source: int, target: int) -> str:
    pool = sentence_pool(ev)
    keys = KIND_FIGURES[ev.kind]
    outlet = OUTLETS[(ev.index + source) % len(OUTLETS)]
    domain = DOMAINS[(ev.index * 3 + source) % len(DOMAINS)]
    lines: list[str] = []
    lines.append(f"{ev.place}: {ev.kind} coverage, report {source + 1} ({outlet})")
    if rng.random() < 0.7:
        lines.append(f"Source: https://{domain}/news/{ev.year}/{ev.place.lower()}-{ev.index}-{source}")
    lines.append("")
    size = sum(len(line) + 1 for line in lines)
    wrap = rng.random() < 0.25
    # Each source settles on its own version of every figure and mostly sticks to it;
    # now and then it gives another (an update, a rounder number, a typo).
    versions = {key: render_figure(rng, key, ev.figures[key]) for key in keys}
    while size < target:
        sentences: list[str] = []
        for _ in range(rng.randint(2, 6)):
            roll = rng.random()
            if roll < 0.45:
                key = rng.choice(keys)
                if rng.random() < 0.8:
                    text = versions[key]
                else:
                    text = render_figure(rng, key, ev.figures[key])
                sentences.append(rng.choice(pool[key])(rng, text))
            elif roll < 0.60:
                sentences.append(invented(rng, ev, versions))
            elif roll < 0.85:
                sentences.append(filler(rng, ev, source))
            else:
                sentences.append(quote_line(rng, ev))
        para = " ".join(sentences)
        if wrap:
            block = textwrap.fill(para, width=76)
        else:
            block = para
        if rng.random() < 0.05:
            block += "\n\n" + rng.choice([f"photo_{rng.randint(1000, 99999)}.jpg",
                                          f"Comments ({rng.randint(0, 80)})",
                                          f"https://{domain}/gallery/{rng.randint(1, 999)}"])
        lines.append(block)
        lines.append("")
        size += len(block) + 2
    return "\n".join(lines)


def generate(out: Path, mb: float, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    nouns = sorted({invent_noun(rng) for _ in range(600)})
    target_bytes = int(mb * MB)
    total = 0
    files = 0
    event_index = 0
    while total < target_bytes:
        ev = Event(rng, event_index, nouns)
        for source in range(rng.randint(3, 8)):
            if total >= target_bytes:
                break
            size = rng.randint(3000, 8000)
            text = article(rng, ev, source, size)
            folder = out / f"part{files // FILES_PER_DIR:04d}"
            if files % FILES_PER_DIR == 0:
                folder.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            (folder / f"ev{event_index:06d}_{ev.kind}_s{source}.txt").write_bytes(data)
            total += len(data)
            files += 1
        event_index += 1
    return files, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, required=True,
                        help="corpus size in MB (10^6 bytes)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--force", action="store_true",
                        help="regenerate even if a matching corpus is already there")
    args = parser.parse_args()

    params = {"mb": args.mb, "seed": args.seed, "version": 1}
    marker = args.out / MARKER
    if not args.force and marker.exists():
        try:
            done = json.loads(marker.read_text())
        except (OSError, ValueError):
            done = {}
        if {k: done.get(k) for k in params} == params:
            print(f"gen-corpus: reusing {args.out} ({done['files']} files, "
                  f"{done['bytes']} bytes)", file=sys.stderr)
            return 0
    if args.out.exists():
        if not marker.exists() and any(args.out.iterdir()):
            print(f"gen-corpus: {args.out} exists and was not made by this script; "
                  "not overwriting it", file=sys.stderr)
            return 2
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    files, total = generate(args.out, args.mb, args.seed)
    marker.write_text(json.dumps({**params, "files": files, "bytes": total}) + "\n")
    print(f"gen-corpus: wrote {files} files, {total} bytes to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
