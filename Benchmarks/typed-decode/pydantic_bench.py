#!/usr/bin/env python3
"""Typed decode benchmark, pydantic side: generates the replies (JSONL shared with the
Swift benchmark) and times `Model.model_validate_json` on each, per example type.

usage: pydantic_bench.py generate OUT.jsonl [N]   # N replies per type (default 2000)
       pydantic_bench.py bench IN.jsonl [RUNS]    # prints JSON: {type: replies_per_second}
"""
import datetime as dt
import json
import random
import statistics
import sys
import time
from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal, Optional, Union

from pydantic import AnyUrl, BaseModel, ConfigDict, Field

EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"  # format: email (email-validator is not installed)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- Invoice -------------------------------------------------------------------------
class Party(Strict):
    name: str
    address: Optional[str] = None
    taxID: Optional[str] = None


class LineItem(Strict):
    description: str
    quantity: Annotated[float, Field(gt=0)]
    unitPrice: Decimal
    amount: Decimal


class Invoice(Strict):
    number: Annotated[str, Field(min_length=1, max_length=64)]
    issueDate: dt.date
    dueDate: Optional[dt.date] = None
    vendor: Party
    customer: Party
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    lineItems: Annotated[list[LineItem], Field(min_length=1)]
    subtotal: Annotated[Decimal, Field(ge=0)]
    tax: Optional[Annotated[Decimal, Field(ge=0)]] = None
    total: Annotated[Decimal, Field(ge=0)]


# --- VoiceNote -----------------------------------------------------------------------
class Priority(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


class ActionItem(Strict):
    task: str
    owner: Optional[str] = None
    dueDate: Optional[dt.date] = None
    priority: Priority


class VoiceNote(Strict):
    title: Annotated[str, Field(min_length=1, max_length=80)]
    summary: Annotated[str, Field(max_length=600)]
    actionItems: list[ActionItem]


# --- ContactCard ---------------------------------------------------------------------
class PhoneKind(str, Enum):
    mobile = "mobile"
    work = "work"
    home = "home"
    fax = "fax"


class PhoneNumber(Strict):
    kind: PhoneKind
    number: Annotated[str, Field(pattern=r"^\+[1-9][0-9]{6,14}$")]


class ContactCard(Strict):
    full_name: Annotated[str, Field(min_length=1)]
    job_title: Optional[str] = None
    organization: Optional[str] = None
    email_address: Optional[Annotated[str, Field(pattern=EMAIL)]] = None
    phone_numbers: list[PhoneNumber]
    website: Optional[AnyUrl] = None


# --- SentimentClassification ---------------------------------------------------------
class Sentiment(str, Enum):
    positive = "positive"
    negative = "negative"
    neutral = "neutral"
    mixed = "mixed"


class AspectSentiment(Strict):
    aspect: Annotated[str, Field(max_length=40)]
    sentiment: Sentiment


class SentimentClassification(Strict):
    sentiment: Sentiment
    confidence: Annotated[float, Field(ge=0, le=1)]
    aspects: list[AspectSentiment]
    evidence: Annotated[list[str], Field(max_length=5)]


# --- Meeting -------------------------------------------------------------------------
class Role(str, Enum):
    organizer = "organizer"
    required = "required"
    optional = "optional"


class Attendee(Strict):
    name: str
    email: Optional[Annotated[str, Field(pattern=EMAIL)]] = None
    role: Role


class InPersonBody(Strict):
    address: str


class OnlineBody(Strict):
    url: AnyUrl


class PhoneBody(Strict):
    number: str
    accessCode: Optional[str] = None


class Empty(Strict):
    pass


class InPerson(Strict):
    inPerson: InPersonBody


class Online(Strict):
    online: OnlineBody


class Phone(Strict):
    phone: PhoneBody


class Unspecified(Strict):
    unspecified: Empty


class Meeting(Strict):
    title: Annotated[str, Field(min_length=1, max_length=120)]
    start: dt.datetime
    end: Optional[dt.datetime] = None
    location: Union[InPerson, Online, Phone, Unspecified]
    attendees: Annotated[list[Attendee], Field(min_length=1)]
    agenda: list[str]


# --- ProductReview -------------------------------------------------------------------
class ProductReview(Strict):
    product: str
    rating: Annotated[int, Field(ge=1, le=5)]
    headline: Optional[Annotated[str, Field(max_length=120)]] = None
    pros: Annotated[list[str], Field(max_length=10)]
    cons: Annotated[list[str], Field(max_length=10)]
    wouldRecommend: bool
    verifiedPurchase: Optional[bool] = None


MODELS = {
    "invoice": Invoice,
    "voice-note": VoiceNote,
    "contact-card": ContactCard,
    "sentiment-classification": SentimentClassification,
    "meeting": Meeting,
    "product-review": ProductReview,
}

# --- Reply generation ----------------------------------------------------------------
WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango".split()


def words(r, lo, hi):
    return " ".join(r.choice(WORDS) for _ in range(r.randint(lo, hi)))


def date(r):
    return f"2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"


def money(r):
    return round(r.uniform(1, 5000), 2)


def invoice(r):
    items = [{"description": words(r, 2, 6), "quantity": r.randint(1, 20), "unitPrice": money(r), "amount": money(r)}
             for _ in range(r.randint(1, 8))]
    out = {"number": f"INV-2025-{r.randint(1, 9999):04d}", "issueDate": date(r),
           "vendor": {"name": words(r, 1, 3).title(), "address": words(r, 3, 6), "taxID": f"DE{r.randint(10**8, 10**9)}"},
           "customer": {"name": words(r, 1, 3).title()}, "currency": r.choice(["EUR", "USD", "GBP"]),
           "lineItems": items, "subtotal": money(r), "total": money(r)}
    if r.random() < 0.5:
        out["dueDate"] = date(r)
        out["tax"] = money(r)
    return out


def voice_note(r):
    items = []
    for _ in range(r.randint(0, 5)):
        item = {"task": words(r, 3, 8), "priority": r.choice(["low", "medium", "high"])}
        if r.random() < 0.6:
            item["owner"] = words(r, 1, 2).title()
        if r.random() < 0.5:
            item["dueDate"] = date(r)
        items.append(item)
    return {"title": words(r, 2, 6), "summary": words(r, 10, 60), "actionItems": items}


def contact_card(r):
    out = {"full_name": words(r, 2, 3).title(),
           "phone_numbers": [{"kind": r.choice(["mobile", "work", "home", "fax"]), "number": f"+{r.randint(1, 9)}{r.randint(10**7, 10**11)}"}
                             for _ in range(r.randint(0, 3))]}
    if r.random() < 0.7:
        out["job_title"] = words(r, 1, 3).title()
        out["organization"] = words(r, 1, 2).title()
        out["email_address"] = f"{r.choice(WORDS)}.{r.choice(WORDS)}@example.com"
        out["website"] = f"https://www.{r.choice(WORDS)}.example.com/"
    return out


def sentiment(r):
    labels = ["positive", "negative", "neutral", "mixed"]
    return {"sentiment": r.choice(labels), "confidence": round(r.random(), 3),
            "aspects": [{"aspect": words(r, 1, 2), "sentiment": r.choice(labels)} for _ in range(r.randint(0, 4))],
            "evidence": [words(r, 3, 10) for _ in range(r.randint(0, 5))]}


def meeting(r):
    locations = [{"inPerson": {"address": words(r, 3, 6)}}, {"online": {"url": f"https://meet.example.com/{r.choice(WORDS)}"}},
                 {"phone": {"number": f"+1{r.randint(10**9, 10**10)}", "accessCode": str(r.randint(1000, 9999))}},
                 {"unspecified": {}}]
    out = {"title": words(r, 2, 6), "start": f"{date(r)}T{r.randint(0, 23):02d}:{r.choice(['00', '30'])}:00Z",
           "location": r.choice(locations),
           "attendees": [{"name": words(r, 2, 2).title(), "role": r.choice(["organizer", "required", "optional"]),
                          **({"email": f"{r.choice(WORDS)}@example.org"} if r.random() < 0.5 else {})}
                         for _ in range(r.randint(1, 6))],
           "agenda": [words(r, 2, 6) for _ in range(r.randint(0, 5))]}
    return out


def review(r):
    out = {"product": words(r, 1, 4).title(), "rating": r.randint(1, 5), "pros": [words(r, 2, 6) for _ in range(r.randint(0, 4))],
           "cons": [words(r, 2, 6) for _ in range(r.randint(0, 4))], "wouldRecommend": r.random() < 0.6}
    if r.random() < 0.5:
        out["headline"] = words(r, 3, 8)
        out["verifiedPurchase"] = r.random() < 0.5
    return out


GENERATORS = {"invoice": invoice, "voice-note": voice_note, "contact-card": contact_card,
              "sentiment-classification": sentiment, "meeting": meeting, "product-review": review}


def generate(path, n):
    r = random.Random(42)
    with open(path, "w") as f:
        for name, make in GENERATORS.items():
            for _ in range(n):
                f.write(json.dumps({"type": name, "reply": json.dumps(make(r), indent=r.choice([None, 2]))}) + "\n")


def bench(path, runs):
    replies = {}
    for line in open(path):
        row = json.loads(line)
        replies.setdefault(row["type"], []).append(row["reply"])
    results = {}
    for name, texts in replies.items():
        model = MODELS[name]
        for text in texts:  # every reply must be valid
            model.model_validate_json(text)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            for text in texts:
                model.model_validate_json(text)
            times.append(time.perf_counter() - start)
        results[name] = len(texts) / statistics.median(times)
    print(json.dumps(results))


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2000)
    else:
        bench(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 7)
