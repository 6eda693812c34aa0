#!/usr/bin/env python3
"""Regenerate Tests/DevSets/events-gold.json from the hand-made labels below and the corpus's metadata.

    build-gold.py [CORPUS.jsonl] > Tests/DevSets/events-gold.json

Only ids, labels and notes live here; outlet, date and title fragment are read from the corpus record, so
the gold never carries article text (a title fragment of at most ~40 characters is the only text kept).
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "corpora", "calebong-news-2021-2023.jsonl")

EVENTS = {
    "fomc-2022-01-26": {"date": "2022-01-26", "place": "Washington", "what": "FOMC meeting (25-26 Jan 2022): rates held, March hike signalled; Powell press conference"},
    "fomc-2022-03-16": {"date": "2022-03-16", "place": "Washington", "what": "FOMC meeting (15-16 Mar 2022): first rate hike since 2018, +25 bp"},
    "fomc-minutes-2022-01-05": {"date": "2022-01-05", "place": "Washington", "what": "release of the minutes of the 14-15 Dec 2021 FOMC meeting (faster hikes, balance-sheet runoff)"},
    "fomc-minutes-2022-04-06": {"date": "2022-04-06", "place": "Washington", "what": "release of the minutes of the 15-16 Mar 2022 FOMC meeting ($95bn/month balance-sheet runoff, 50 bp hikes)"},
    "powell-confirmation-hearing-2022-01-11": {"date": "2022-01-11", "place": "Washington", "what": "Senate Banking Committee confirmation hearing of Jerome Powell for a second term"},
    "raskin-confirmation-hearing-2022-02-03": {"date": "2022-02-03", "place": "Washington", "what": "Senate Banking Committee confirmation hearing of Sarah Bloom Raskin (and other Fed nominees)"},
    "senate-banking-vote-fed-nominees-2022-03-16": {"date": "2022-03-16", "place": "Washington", "what": "Senate Banking Committee meeting to vote on Powell, Brainard, Cook, Jefferson (the day after Raskin withdrew; same day as the March FOMC decision)"},
    "opec-plus-2022-02-02": {"date": "2022-02-02", "place": "virtual (OPEC, Vienna)", "what": "OPEC+ ministerial meeting: +400,000 b/d for March"},
    "opec-plus-2022-01-04": {"date": "2022-01-04", "place": "virtual (OPEC, Vienna)", "what": "OPEC+ ministerial meeting: +400,000 b/d for February"},
    "boe-2022-02-03": {"date": "2022-02-03", "place": "London", "what": "Bank of England MPC decision: Bank Rate 0.25% -> 0.5%"},
    "ecb-2022-03-10": {"date": "2022-03-10", "place": "Frankfurt", "what": "ECB Governing Council decision: faster end of asset purchases; Lagarde press conference"},
    "ecb-2022-02-03": {"date": "2022-02-03", "place": "Frankfurt", "what": "ECB Governing Council decision and press conference (same day as the BoE hike)"},
    "ecb-account-2022-04-07": {"date": "2022-04-07", "place": "Frankfurt", "what": "release of the account (minutes) of the ECB's March 2022 meeting"},
    "biden-xi-call-2022-03-18": {"date": "2022-03-18", "place": "video call (Washington-Beijing)", "what": "Biden-Xi video call on the war in Ukraine"},
    "sotu-2022-03-01": {"date": "2022-03-01", "place": "Washington (US Capitol)", "what": "Biden's first State of the Union address to a joint session of Congress"},
    "biden-warsaw-speech-2022-03-26": {"date": "2022-03-26", "place": "Warsaw", "what": "Biden's speech in Warsaw closing his European trip ('this man cannot remain in power')"},
    "biden-remarks-putin-2022-03-28": {"date": "2022-03-28", "place": "Washington (White House)", "what": "Biden's remarks to reporters defending his Warsaw line on Putin"},
    "g20-finance-2022-04-20": {"date": "2022-04-20", "place": "Washington", "what": "G20 finance ministers' session; Western walkout when Russia's delegate spoke"},
}

M = "market piece whose headline and lead are the reaction of one market to this decision in the same session: counted as a report of the meeting"
P = "preview written before the meeting: belongs to it (news-dev convention)"
# id -> (event or "other", kind for the README, notes)
LABELS = {
    # Fed, January meeting
    "cal-01784": ("fomc-2022-01-26", "member", "live recap of statement and press conference"),
    "cal-01790": ("fomc-2022-01-26", "member", ""),
    "cal-01795": ("fomc-2022-01-26", "member", ""),
    "cal-01796": ("fomc-2022-01-26", "member", ""),
    "cal-01799": ("fomc-2022-01-26", "member", "statement comparison; names the previous meeting (15 Dec) too"),
    "cal-01823": ("fomc-2022-01-26", "member", ""),
    "cal-01797": ("fomc-2022-01-26", "member", ""),
    "cal-01805": ("fomc-2022-01-26", "member", M),
    "cal-01839": ("fomc-2022-01-26", "member", "markets story built on Powell's press-conference message: headline names it"),
    "cal-01802": ("fomc-2022-01-26", "member", M),
    "cal-01822": ("fomc-2022-01-26", "member", M),
    # Fed, March meeting
    "cal-03815": ("fomc-2022-03-16", "member", P + "; written Monday 14 Mar (US), two days ahead, 'at its meeting this week'"),
    "cal-03904": ("fomc-2022-03-16", "member", ""),
    "cal-03905": ("fomc-2022-03-16", "member", ""),
    "cal-03907": ("fomc-2022-03-16", "member", "statement comparison; names the previous meeting (26 Jan) too: must not join fomc-2022-01-26"),
    "cal-03909": ("fomc-2022-03-16", "member", M),
    "cal-03920": ("fomc-2022-03-16", "member", "service piece (what to do now) on the decision"),
    "cal-03932": ("fomc-2022-03-16", "member", "service piece (what it means for you) on the decision"),
    "cal-03906": ("fomc-2022-03-16", "member", ""),
    "cal-03929": ("fomc-2022-03-16", "member", M),
    "cal-03908": ("fomc-2022-03-16", "member", M),
    "cal-03923": ("fomc-2022-03-16", "member", M),
    # Fed minutes
    "cal-00701": ("fomc-minutes-2022-01-05", "member", "reports the December meeting's minutes; the event is their release on 5 Jan, not the 15 Dec meeting"),
    "cal-00704": ("fomc-minutes-2022-01-05", "member", ""),
    "cal-00713": ("fomc-minutes-2022-01-05", "member", M),
    "cal-00700": ("fomc-minutes-2022-01-05", "member", ""),
    "cal-00715": ("fomc-minutes-2022-01-05", "member", M),
    "cal-04738": ("fomc-minutes-2022-04-06", "member", "minutes of the March meeting, released 6 Apr: a separate event from fomc-2022-03-16"),
    "cal-04739": ("fomc-minutes-2022-04-06", "member", ""),
    "cal-04742": ("fomc-minutes-2022-04-06", "member", ""),
    "cal-04750": ("fomc-minutes-2022-04-06", "member", ""),
    "cal-04740": ("fomc-minutes-2022-04-06", "member", ""),
    "cal-04744": ("fomc-minutes-2022-04-06", "member", M),
    "cal-04745": ("fomc-minutes-2022-04-06", "member", M),
    # hearings
    "cal-01076": ("powell-confirmation-hearing-2022-01-11", "member", "live-stream page with a short preview text"),
    "cal-01103": ("powell-confirmation-hearing-2022-01-11", "member", ""),
    "cal-01117": ("powell-confirmation-hearing-2022-01-11", "member", ""),
    "cal-02360": ("raskin-confirmation-hearing-2022-02-03", "member", ""),
    "cal-02368": ("raskin-confirmation-hearing-2022-02-03", "member", ""),
    "cal-03893": ("senate-banking-vote-fed-nominees-2022-03-16", "member", P + "; same day and same actors (Powell) as the March FOMC decision"),
    "cal-03913": ("senate-banking-vote-fed-nominees-2022-03-16", "member", P + "; its text also carries a paragraph on the FOMC hike and a stray one on the Sunshine Protection Act (scrape residue): still about the committee vote"),
    # OPEC+
    "cal-02189": ("opec-plus-2022-02-02", "member", P + " ('a day ahead of the OPEC+ meeting')"),
    "cal-02254": ("opec-plus-2022-02-02", "member", M),
    "cal-02278": ("opec-plus-2022-02-02", "member", M),
    "cal-02318": ("opec-plus-2022-02-02", "member", "next-morning Asia oil piece headlined on the OPEC+ decision"),
    "cal-00643": ("opec-plus-2022-01-04", "member", M + "; the previous month's OPEC+ meeting, same wording (+400,000 b/d): must stay apart from opec-plus-2022-02-02"),
    "cal-00711": ("opec-plus-2022-01-04", "member", M),
    # BoE / ECB
    "cal-02326": ("boe-2022-02-03", "member", ""),
    "cal-02342": ("boe-2022-02-03", "member", M),
    "cal-02382": ("boe-2022-02-03", "member", ""),
    "cal-02370": ("boe-2022-02-03", "member", "Bailey's interview with the BBC on decision day, explaining the hike it reports in the lead: counted as the decision's coverage"),
    "cal-03672": ("ecb-2022-03-10", "member", ""),
    "cal-03682": ("ecb-2022-03-10", "member", "live-stream page of Lagarde's press conference with a short text"),
    "cal-03692": ("ecb-2022-03-10", "member", M),
    "cal-02328": ("ecb-2022-02-03", "singleton", "the ECB's February meeting, same day as the BoE hike: must not join boe-2022-02-03 or ecb-2022-03-10"),
    "cal-04787": ("ecb-account-2022-04-07", "singleton", "ECB account of its March meeting, the day after the Fed minutes: must not join fomc-minutes-2022-04-06 or ecb-2022-03-10"),
    # calls, other meetings
    "cal-03988": ("biden-xi-call-2022-03-18", "member", "written during/just after the call from Xinhua's readout"),
    "cal-03992": ("biden-xi-call-2022-03-18", "member", ""),
    "cal-04917": ("g20-finance-2022-04-20", "singleton", "the only report of this meeting in the corpus"),
    # State of the Union
    "cal-03171": ("sotu-2022-03-01", "member", P + " (the morning of the address)"),
    "cal-03371": ("sotu-2022-03-01", "member", P + " (from excerpts released before the address)"),
    "cal-03370": ("sotu-2022-03-01", "member", ""),
    "cal-03379": ("sotu-2022-03-01", "member", ""),
    "cal-03385": ("sotu-2022-03-01", "member", "live item as the address began"),
    "cal-03386": ("sotu-2022-03-01", "member", ""),
    "cal-03389": ("sotu-2022-03-01", "member", ""),
    "cal-03357": ("sotu-2022-03-01", "member", "economy angle of the address"),
    # Biden on Putin, two days apart
    "cal-04204": ("biden-warsaw-speech-2022-03-26", "singleton", "Warsaw speech, 26 Mar; must not join biden-remarks-putin-2022-03-28 (same actors and quote, two days later)"),
    "cal-04323": ("biden-remarks-putin-2022-03-28", "member", "quotes the Warsaw line again, but reports Monday's remarks"),
    "cal-04331": ("biden-remarks-putin-2022-03-28", "member", "quotes the Warsaw line again, but reports Monday's remarks"),
    "cal-01848": ("fomc-2022-01-26", "member", "evening futures piece headlined on the Fed update at the end of the two-day meeting"),
    # distractors
    "cal-03334": ("other", "same-day-other-meeting", "Zelensky's CNN/Reuters interview on 1 Mar urging Biden ahead of the State of the Union: a different event that names the address"),
    "cal-01136": ("powell-confirmation-hearing-2022-01-11", "member", "next-morning Asia markets wrap headlined and led by Powell's hearing remarks (as cal-02318 for OPEC+): counted as coverage of the hearing"),
    "cal-02356": ("other", "passing", "European close after both the ECB and BoE meetings: reports neither as its subject"),
    "cal-03918": ("other", "same-day-other-meeting", "Kuwait's central bank hike on 16 Mar, tracking the Fed: a different decision the same day"),
    "cal-03941": ("other", "same-day-other-meeting", "Saudi central bank hike on 16 Mar, tracking the Fed: a different decision (and not the same story as cal-03918)"),
    "cal-00796": ("other", "same-actors-other-day", "Bullard's remarks on 6 Jan, the day after the minutes"),
    "cal-01066": ("other", "analysis", "Goldman forecast of four hikes"),
    "cal-01032": ("other", "same-week", "Clarida resigns (10 Jan), the day before Powell's hearing"),
    "cal-00995": ("other", "same-actors-other-day", "Warren's letter to Powell on 10 Jan, the eve of his confirmation hearing"),
    "cal-02464": ("other", "same-actors-other-day", "House Republicans on Raskin, a week after her hearing"),
    "cal-02047": ("other", "same-actors-other-day", "state officials oppose Raskin, three days before her hearing"),
    "cal-03805": ("other", "same-actors-other-day", "Manchin opposes Raskin (14 Mar), two days before the committee vote and the FOMC decision"),
    "cal-02866": ("other", "same-actors-other-day", "Fed adopts trading rules for its officials (18 Feb)"),
    "cal-02455": ("other", "same-actors-other-day", "Mester interview (9 Feb): 'each meeting is going to be in play'"),
    "cal-03979": ("other", "same-actors-other-day", "Waller remarks two days after the March hike"),
    "cal-04116": ("other", "passing", "markets close on 22 Mar after Powell's NABE speech, which mentions the March hike"),
    "cal-04337": ("other", "passing", "Abramovich's suspected poisoning at Russia-Ukraine peace talks earlier in March: a passing mention of talks"),
    "cal-04034": ("other", "same-week", "Chinese official on sanctions, two days after the Biden-Xi call"),
    "cal-03922": ("other", "same-week", "Biden calls Putin a war criminal, the same day as the March FOMC decision"),
    "cal-02117": ("other", "analysis", "analysis after the January meeting; Fed officials' speeches, not the meeting"),
    "cal-01902": ("other", "analysis", "analysis of rate-hike plans the day after the January meeting"),
    "cal-04539": ("other", "analysis", "jobs report and the next meeting's expected hike"),
    "cal-01598": ("other", "passing", "stocks open two days before the January meeting, 'investors await Fed meeting'"),
    "cal-04927": ("other", "same-actors-other-day", "Daly remarks (20 Apr)"),
    "cal-03417": ("other", "same-actors-other-day", "Mester remarks (3 Mar) during Powell's testimony week"),
    "cal-01018": ("other", "analysis", "Dimon on growth and Fed hikes"),
    "cal-03046": ("other", "analysis", "Ukraine crisis and a Fed soft landing"),
    "cal-03083": ("other", "analysis", "market's view of Fed hikes after the invasion"),
    "cal-02074": ("other", "analysis", "BofA forecast of seven hikes, five days after the January meeting"),
    "cal-01211": ("other", "analysis", "new faces at the Fed"),
    "cal-03782": ("other", "analysis", "NYT column: Powell and Volcker, two days before the March meeting"),
}

SUFFIX = re.compile(r"\s+-\s+(CNN|CNNPolitics|CNN Business|The New York Times|MarketWatch|BBC News)\s*$")


def fragment(title):
    t = SUFFIX.sub("", title).strip()
    if len(t) <= 40:
        return t
    cut = t[:40]
    return cut[: cut.rfind(" ")] if " " in cut else cut


def main():
    recs = {}
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in LABELS:
                recs[r["id"]] = r
    missing = sorted(set(LABELS) - set(recs))
    if missing:
        sys.exit(f"build-gold: not in corpus: {missing}")
    used = {ev for ev, _, _ in LABELS.values() if ev != "other"}
    assert used <= set(EVENTS), used - set(EVENTS)
    arts = []
    for aid in sorted(LABELS, key=lambda i: recs[i]["datetime"]):
        ev, kind, note = LABELS[aid]
        r = recs[aid]
        accept = [r["date"]]
        hour = int(r["datetime"][11:13])
        if hour < 13:  # scraper clock is Asia/Singapore: before 13:00 there it is still the previous day in the US
            from datetime import date, timedelta
            accept.append((date.fromisoformat(r["date"]) - timedelta(days=1)).isoformat())
        a = {
            "file": aid + ".json",
            "id": aid,
            "event": ev,
            "kind": kind,
            "outlet": r["outlet"],
            "outlet_accept": [r["outlet"]],
            "published": {"accept": accept},
            "datetime_sgt": r["datetime"],
            "title_contains": fragment(r["title"]),
            "persons": {},
            "optional": [],
        }
        if note:
            a["notes"] = note
        arts.append(a)
    gold = {
        "about": (
            "Parallax events development set: %d real articles from ../shared/corpora/calebong-news-2021-2023.jsonl "
            "(sha256 fdc9604d...), referenced by id, never copied; materialise them with scripts/devset/materialise.py. "
            "Labels were made by reading each article (see Tests/DevSets/README.md). event = the meeting (or decision, "
            "hearing, call, minutes release) the article reports; previews belong to the meeting they preview; a passing "
            "mention does not make an article about a meeting ('other'). published.accept = the record's date (what the "
            "file's metadata says, so what parallax should report) plus the previous day when the Singapore-time stamp is "
            "before 13:00 (a US story of the previous day). outlet_accept = the record's outlet (metadata). "
            "persons is deliberately empty in every article: this set is for events, dates, outlets and titles only. "
            "score.py then counts every reported person as a false positive, so its persons/aliases line is meaningless "
            "here; use ../shared/news-dev for persons."
        ) % len(arts),
        "events": EVENTS,
        "articles": arts,
    }
    json.dump(gold, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
