#!/usr/bin/env python3
"""Parse an iCalendar file (`jarya export --ics`) with the `icalendar` package and check it.

Usage: python3 scripts/check-ics.py events.ics [--min-events N]

Checks: the file parses; it is one VCALENDAR with VERSION 2.0 and a PRODID; every line ends
in CRLF and is at most 75 octets; every VEVENT has UID, DTSTAMP, DTSTART and SUMMARY; UIDs are
unique; DTEND, when present, is after DTSTART and of the same value type. Exits 1 on failure.
"""
import argparse
import datetime
import sys

try:
    import icalendar
except ImportError:
    sys.exit("check-ics: the Python package `icalendar` is missing (pip install icalendar)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ics")
    ap.add_argument("--min-events", type=int, default=1)
    args = ap.parse_args()
    raw = open(args.ics, "rb").read()
    problems = []

    lines = raw.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    else:
        problems.append("the file does not end with CRLF")
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {n}: a bare LF or CR")
        if len(line) > 75:
            problems.append(f"line {n}: {len(line)} octets (more than 75)")

    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # noqa: BLE001 - any parse error fails the check
        sys.exit(f"check-ics: {args.ics} does not parse: {e}")
    if cal.name != "VCALENDAR":
        problems.append(f"top component is {cal.name}, not VCALENDAR")
    if str(cal.get("VERSION", "")) != "2.0":
        problems.append("VERSION is not 2.0")
    if not cal.get("PRODID"):
        problems.append("no PRODID")

    events = cal.walk("VEVENT")
    uids = set()
    for ev in events:
        uid = str(ev.get("UID", ""))
        where = f"VEVENT {uid or '?'}"
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if ev.get(prop) in (None, ""):
                problems.append(f"{where}: no {prop}")
        if uid in uids:
            problems.append(f"{where}: duplicate UID")
        uids.add(uid)
        start, end = ev.get("DTSTART"), ev.get("DTEND")
        if start is not None and end is not None:
            s, e = start.dt, end.dt
            if isinstance(s, datetime.datetime) != isinstance(e, datetime.datetime):
                problems.append(f"{where}: DTSTART and DTEND have different value types")
            elif e <= s:
                problems.append(f"{where}: DTEND {e} is not after DTSTART {s}")
    if len(events) < args.min_events:
        problems.append(f"{len(events)} VEVENTs, fewer than {args.min_events}")

    for p in problems:
        print(f"check-ics: {args.ics}: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"check-ics: {args.ics}: {len(events)} events, all valid")


if __name__ == "__main__":
    main()
