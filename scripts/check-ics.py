#!/usr/bin/env python3
"""Parse an iCalendar file (`jarya export --ics`) with the `icalendar` package and check it.

Usage: python3 scripts/check-ics.py events.ics [--min-events N]

Checks: the file parses; it is one VCALENDAR with VERSION 2.0 and a PRODID; every line ends
in CRLF, is at most 75 octets and is valid UTF-8 on its own (folding never splits a character's
bytes); every VEVENT has UID, DTSTAMP, DTSTART and SUMMARY; UIDs are unique; DTEND, when
present, is after DTSTART and of the same value type. Times carry a time zone: a DATE-TIME
DTSTART or DTEND is UTC or has a TZID (--tzid, default Asia/Bishkek) whose VTIMEZONE is in the
file, and that VTIMEZONE gives the UTC offset the time zone database (Python's zoneinfo) gives
at every event's time. All-day events are DATE values. Exits 1 on failure.
"""
import argparse
import datetime
import sys
import zoneinfo

try:
    import icalendar
except ImportError:
    sys.exit("check-ics: the Python package `icalendar` is missing (pip install icalendar)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ics")
    ap.add_argument("--min-events", type=int, default=1)
    ap.add_argument("--tzid", default="Asia/Bishkek", help="the TZID timed events must carry")
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
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n}: not valid UTF-8 on its own (a fold splits a character)")

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

    zones = {str(tz.get("TZID")): tz for tz in cal.walk("VTIMEZONE")}
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
        for name, prop in (("DTSTART", start), ("DTEND", end)):
            if prop is not None:
                problems += check_zone(where, name, prop, zones, args.tzid)
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


def check_zone(where, name, prop, zones, tzid):
    """A DATE-TIME must be UTC or carry `tzid`, with the VTIMEZONE of that TZID in the file
    giving the offset the time zone database gives at that time."""
    dt = prop.dt
    if not isinstance(dt, datetime.datetime):
        return []  # an all-day DATE value
    given = prop.params.get("TZID")
    if given is None:
        if dt.tzinfo is not None and dt.utcoffset() == datetime.timedelta(0):
            return []
        return [f"{where}: {name} {dt} has no time zone (a floating time)"]
    if given != tzid:
        return [f"{where}: {name} has TZID={given}, not {tzid}"]
    zone = zones.get(given)
    if zone is None:
        return [f"{where}: {name} has TZID={given} but the file has no VTIMEZONE for it"]
    local = dt.replace(tzinfo=None)
    expected = zoneinfo.ZoneInfo(given).utcoffset(local)
    actual = vtimezone_offset(zone, local)
    if actual != expected:
        return [f"{where}: {name} {local}: the VTIMEZONE gives UTC offset {actual}, the time zone database {expected}"]
    return []


def vtimezone_offset(zone, local):
    """The TZOFFSETTO of the STANDARD or DAYLIGHT component with the latest onset (DTSTART,
    or an RRULE/RDATE occurrence is not used by jarya) at or before the local time."""
    best = None
    for sub in zone.subcomponents:
        if sub.name not in ("STANDARD", "DAYLIGHT"):
            continue
        onset = sub.get("DTSTART").dt
        onset = onset.replace(tzinfo=None) if isinstance(onset, datetime.datetime) else onset
        if onset <= local and (best is None or onset > best[0]):
            best = (onset, sub.get("TZOFFSETTO").td)
    return best[1] if best else None


if __name__ == "__main__":
    main()
