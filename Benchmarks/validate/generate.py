#!/usr/bin/env python3
"""Writes a deterministic JSONL corpus of extracted invoices for the validate benchmark.

    generate.py OUT.jsonl [--count N] [--invalid-rate R] [--seed S]

About 5% of the instances break the schema in one way (bad pattern, bad date or email,
missing or extra property, out-of-range number, wrong type, unknown enum value). The
corpus is the same for the same arguments, byte for byte.
"""
import argparse, json, random

CITIES = ["Lyon", "Berlin", "Leeds", "Osaka", "Zurich", "Austin", "Porto", "Gdansk", "Turku", "Quebec"]
STREETS = ["Main St", "Rue de la Paix", "Hauptstrasse", "Station Rd", "Via Roma", "Elm Avenue"]
WORDS = ["steel", "bolt", "cable", "printer", "toner", "desk", "lamp", "service", "license", "support",
         "consulting", "hours", "shipping", "sensor", "valve", "filter", "battery", "monitor"]
COUNTRIES = ["US", "DE", "GB", "JP", "CH", "FR", "PL", "FI", "CA", "PT"]


def party(rng):
    name = " ".join(rng.choice(WORDS).capitalize() for _ in range(2)) + rng.choice([" GmbH", " Ltd", " Inc", " SA"])
    user = name.split()[0].lower()
    out = {
        "name": name,
        "email": f"{user}.{rng.randint(1, 999)}@{user}-corp.example.com",
        "address": {
            "street": f"{rng.randint(1, 300)} {rng.choice(STREETS)}",
            "city": rng.choice(CITIES),
            "postalCode": f"{rng.randint(10000, 99999)}",
            "country": rng.choice(COUNTRIES),
        },
    }
    if rng.random() < 0.5:
        out["taxId"] = rng.choice(COUNTRIES) + "".join(rng.choice("0123456789") for _ in range(9))
    return out


def line_item(rng):
    item = {
        "sku": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)) + f"-{rng.randint(0, 99999):05d}",
        "description": " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))),
        "quantity": rng.randint(1, 40),
        "unitPrice": round(rng.uniform(0.5, 900), 2),
    }
    if rng.random() < 0.3:
        item["discount"] = round(rng.uniform(0, 0.3), 2)
    return item


def invoice(rng, i):
    items = [line_item(rng) for _ in range(rng.randint(1, 2))]
    subtotal = round(sum(it["quantity"] * it["unitPrice"] for it in items), 2)
    tax = round(subtotal * 0.2, 2)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    doc = {
        "invoiceNumber": f"INV-{2020 + i % 5}-{i % 1000000:06d}",
        "issueDate": f"2024-{month:02d}-{day:02d}",
        "dueDate": f"2024-{month:02d}-{min(day + 14, 28):02d}",
        "status": rng.choice(["draft", "sent", "paid", "overdue", "void"]),
        "vendor": party(rng),
        "customer": party(rng),
        "lineItems": items,
        "totals": {"subtotal": subtotal, "tax": tax, "total": round(subtotal + tax, 2),
                   "currency": rng.choice(["USD", "EUR", "GBP", "JPY", "CHF"])},
    }
    if rng.random() < 0.4:
        doc["notes"] = rng.choice([None, "Payment within 14 days.", "Thank you for your business!"])
    if rng.random() < 0.3:
        doc["tags"] = rng.sample(WORDS, rng.randint(1, 3))
    return doc


def break_it(rng, doc):
    """Makes exactly one kind of schema violation."""
    kind = rng.randrange(9)
    if kind == 0:
        doc["invoiceNumber"] = "INV-" + doc["invoiceNumber"][4:].replace("-", "/")
    elif kind == 1:
        doc["issueDate"] = "2024-13-45"
    elif kind == 2:
        doc["vendor"]["email"] = "not-an-email"
    elif kind == 3:
        del doc["totals"]
    elif kind == 4:
        doc["lineItems"][0]["quantity"] = -rng.randint(1, 5)
    elif kind == 5:
        doc["totals"]["currency"] = "BTC"
    elif kind == 6:
        doc["customer"]["address"]["country"] = "Deutschland"
    elif kind == 7:
        doc["lineItems"][-1]["unitPrice"] = str(doc["lineItems"][-1]["unitPrice"])
    else:
        doc["approvedBy"] = "someone"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--invalid-rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=20240501)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    invalid = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.count):
            doc = invoice(rng, i)
            if rng.random() < args.invalid_rate:
                break_it(rng, doc)
                invalid += 1
            out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    print(f"wrote {args.count} instances ({invalid} made invalid) to {args.out}")


if __name__ == "__main__":
    main()
