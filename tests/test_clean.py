from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from storyline.clean import clean_article, clean_text, english_ratio, parse_dateline
from storyline.furniture import classify_line
from storyline.ingest import load_articles
from storyline.models import Article
from storyline.outlets import find_outlet
from tests.conftest import DATA, shared_data

LABELS = {k: v for k, v in json.loads((DATA / "seed_furniture.json").read_text()).items() if not k.startswith("_")}


@pytest.mark.parametrize("seed", sorted(LABELS))
def test_clean_drops_exactly_the_labelled_furniture_lines(seed_text: dict[str, str], seed: str) -> None:
    label = LABELS[seed]
    lines = seed_text[seed].splitlines()
    expected = set(label["furniture"])
    if label["headline"]:
        expected.add(label["headline"])
    if label["tail_from"]:
        expected |= {n for n in range(label["tail_from"], len(lines) + 1) if lines[n - 1].strip()}
    dropped = {line.line_no for line in clean_text(seed_text[seed]).dropped}
    assert sorted(dropped - expected) == [], "dropped story lines"
    assert sorted(expected - dropped) == [], "kept furniture lines"


@pytest.mark.parametrize(
    ("seed", "furniture", "story"),
    [
        ("nbc", "IE 11 is not supported", "The collapse of the Hanoi summit came as a surprise"),
        ("nbc", "Getty Images file", "Earlier Friday, there were reports that a meeting"),
        ("asiatimes", "Comments are closed.", "The tweet comes amid widespread speculation"),
        ("asiatimes", "Photo: NCNA via AFP", "“I have confidence that Kim Jong Un will honor the contract"),
        ("nikkei", "Created with Sketch", "TOKYO -- If the Hanoi summit between U.S. President Donald Trump"),
        ("nikkei", "{{numberArticlesLeft}}", "China's position is very clear."),
        ("nikkei", "Try 1 month for $0.99", "All roads lead to Mar-a-Lago"),
        ("nikkei", "Sponsored Content", "Xi is reportedly planning to visit the U.S. around March 27"),
        ("nikkei", "(KCNA via Reuters)", "At the annual session of the National People's Congress"),
    ],
)
def test_clean_drops_furniture_keeps_story(seed_text: dict[str, str], seed: str, furniture: str, story: str) -> None:
    body = clean_text(seed_text[seed]).body
    assert furniture not in body
    assert story in body


@pytest.mark.parametrize("seed", sorted(LABELS))
def test_clean_finds_title_and_outlet(examples_dir: Path, seed: str) -> None:
    article = load_articles([examples_dir / f"{seed}.txt"]).articles[0]
    cleaned = clean_article(article)
    assert cleaned.title == LABELS[seed]["title"]
    assert cleaned.outlet == LABELS[seed]["outlet"]


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        # someone's words closing after their full stop: a British paper's single marks, German „…“, guillemets
        ("‘We cannot wait another winter,’ Mayor Ann Keller told reporters. ‘The bridge is simply not safe.’", None),
        ("„Wir können nicht länger warten“, sagte die Bürgermeisterin. „Die Brücke ist nicht sicher.“", None),
        ("« Nous ne pouvons pas attendre un autre hiver », a dit la maire. « Le pont est dangereux. »", None),
        # a headline quoting words ends without a full stop inside the marks
        ("Emma Stone: ‘I was holding my card the whole time’", "Emma Stone: ‘I was holding my card the whole time’"),
    ],
)
def test_clean_a_line_closing_a_quotation_is_no_headline(opening: str, title: str | None) -> None:
    text = f"{opening}\n\nThe council of Marlow voted 7-2 on Tuesday to close the harbour bridge for repairs."
    cleaned = clean_article(Article(id="a1", source="text 1", raw=text, text=text))
    assert cleaned.title == title
    assert cleaned.body.startswith(opening) is (title is None)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # Other outlets' furniture, written here in their shape: the rules are generic, not the seeds' strings.
        ("Please enable JavaScript to view the comments powered by Disqus.", "browser_banner"),
        ("Share Tweet Email Print", "share_labels"),
        ("Advertisement", "advertisement"),
        ("Sign up for our Morning Briefing newsletter", "newsletter_prompt"),
        ("A man walks past the closed factory in Detroit on Monday. REUTERS/Jane Doe", "photo_credit"),
        ("Crowds gather outside the court in Phoenix on Monday. Alex Brandon / AP file", "photo_credit"),
        ("Firefighters battle the blaze near Paradise, Calif. (AP Photo/John Roe)", "photo_credit"),
        ("Copyright 2019 The Associated Press. All rights reserved.", "copyright"),
        # A caption opening with its credit, and a caption, pipe and credit with the page's headline glued on.
        ("Jane Roe/Getty Images Workers leave the plant after the vote in Flint on Tuesday.", "photo_credit"),
        ("AFP/Getty Images The mayor speaks to reporters outside City Hall.", "photo_credit"),
        (
            "The mayor walks to the council chamber Tuesday. | John Doe/GAZETTE Council votes to close plant "
            "The decision ends a year of debate.",
            "photo_credit",
        ),
        ("Enlarge Image Close The mayor speaks to reporters outside City Hall.", "photo_credit"),
        ("Media playback is unsupported on your device", "browser_banner"),
        ("Media caption The mayor speaks to reporters outside City Hall", "photo_credit"),
        ("Evening News Exclusive: our anchor reports from the plant on Monday at 6:30pm ET.", "broadcast_promo"),
        ("Get more Evening News:", "related_links"),
        ("Watch the moment the council voted in the clip below:", "media_player"),
        ("To read the full council report, click here.", "related_links"),
        (
            "Plant Workers Rally Downtown Plant Workers Rally Downtown Hundreds of workers marched to City Hall "
            "on Saturday.",
            "related_links",
        ),
        ("Household Size 100% 150% 1 $12,060 $18,090 2 16,240 24,360", "table_row"),
        ("42 comments", "comment_counter"),
        # An embedded tweet's location notice, both of its forms.
        ("Tweet with a location", "page_boilerplate"),
        (
            "When you tweet with a location, the service stores that location. You can switch location on/off "
            "before each Tweet and always have the option to delete your location history. Learn more",
            "page_boilerplate",
        ),
        ("You have {{count}} stories left", "template_placeholder"),
        (
            "Get our Weekend Digest. Continue reading the main story. Please verify you're not a robot by clicking "
            "the box. Invalid email address. Please re-enter. You must choose at least one list to subscribe to. "
            "By continuing you accept the terms of service and the cookie statement of this publication and of its "
            "partners. Thank you for subscribing. An error has occurred. Please try again later.",
            "subscription_form",
        ),
        # A caption ending in its photographer and outlet, or in a pipe and a credit.
        ("Workers leave the plant after the vote on Tuesday. (Jane Roe/The Daily Gazette)", "photo_credit"),
        ("Workers leave the plant. (Jane Roe / For The Gazette) (Jane Roe / For The Gazette)", "photo_credit"),
        ("The mayor speaks to reporters outside City Hall on Monday. | Gazette", "photo_credit"),
        # a wire agency's dateline and caption: "UPI" as well as "AP" or "Reuters"
        ("UPI | March 4, 2019 10:02 AM EST", "dateline_only"),
        ("Published 9:30 AM EST Feb 14, 2024 | Updated 11:02 AM EST Feb 14, 2024", "dateline_only"),
        ("Listen to this article · 3 min", "media_player"),
        ("Have a news tip? Email us at tips@gazette.example or call 555-0100.", "social_follow"),
        ("Workers leave the plant after the vote on Tuesday... (UPI)", "photo_credit"),
        # A video's description with its running time.
        ("Plant workers react to the vote (2:41) The council met for six hours on Tuesday.", "media_player"),
        (
            "Skip in Skip x Embed x Share CLOSE Plant closes | 0:46 Workers leave the plant for the last time. "
            "(Jan. 18) AP 1 of 9 Skip in Skip x Embed x Share CLOSE Town votes | 1:10 The council votes.",
            "media_player",
        ),
        (
            "1 of 12 Full Screen Autoplay Close Skip Ad × The plant through the years View Photos The plant opened "
            "in 1950. Caption Workers leave the plant. Jane Roe/Gazette Buy Photo Wait 1 second to continue.",
            "media_player",
        ),
        ("Read: Why the town's largest employer is leaving", "related_links"),
        ("Trending News: Ten Towns Where Rents Are Rising Fastest", "related_links"),
        ("Already have an account?", "paywall"),
        ("By submitting this form, you agree to our terms. We respect your privacy.", "newsletter_prompt"),
        ("Edited and translated by Jane Roe, Daily Gazette", "byline"),
        ("Contributing: The Daily Gazette; Jane Roe", "byline"),
        ("Jane Roe writes for WXYZ-TV in Toledo", "byline"),
        ("For the complete coverage of the vote on the plant closure: https://example.com/plant", "link_line"),
        # Editors' notes in their other forms: an edit's time, a dated correction, where the story appeared first.
        ("This story was edited at 5:48 p.m. to correct a quote from the mayor's letter.", "editor_note"),
        (
            "Correction 31 July 2017: This article has been amended to make clear that the plant stays open.",
            "editor_note",
        ),
        ("An earlier version of this story misstated the year the plant opened.", "editor_note"),
        ("A version of this article appeared March 4, 2019, on page A11 of the Daily Gazette.", "editor_note"),
        ("This story first appeared in the May 3 issue of the Harbour Weekly.", "editor_note"),
        ("This article was originally published with the title Town Votes to Close Plant.", "editor_note"),
        ("This guide was made possible in part through the support of the Gazette Foundation.", "editor_note"),
        ("Please check weekly to see the mayor's next town hall", "editor_note"),
        ("Jane Roe covers city hall and the courts for the Gazette.", "byline"),
        ("Jane Roe Jane Roe covers city hall for the Gazette.", "byline"),
        # The site's other offers and forms: a quiz, a download, a petition's confirmation.
        ("Test your knowledge of the town's history with the Gazette's weekly quiz.", "related_links"),
        ("The council's report is free and you may download a copy here.", "related_links"),
        ("Please confirm your signature in the email we sent you for it to count.", "newsletter_prompt"),
        ("Jane Roe and John Doe are reporters for the Gazette, Jim Poe is a reporter for WXYZ-TV", "byline"),
        ("Want to add to this story? Let us know in comments or send an email to the author.", "social_follow"),
        (
            "Have a look at the best moments in our gallery, above, then share your own thoughts in the comments.",
            "comment_counter",
        ),
        (
            "Gazette transcripts are made on a deadline by a contractor. This text may not be in its final form and "
            "may be revised. The authoritative record of Gazette Radio's programming is the audio record.",
            "page_boilerplate",
        ),
    ],
)
def test_clean_generic_rules_on_other_outlets_furniture(line: str, rule: str) -> None:
    story = (
        "The council voted on Tuesday to close the plant by the end of the year, after a debate that lasted "
        "more than six hours and drew hundreds of workers to the town hall."
    )
    dropped = clean_text(f"{story}\n{line}\n{story.replace('Tuesday', 'Friday')}").dropped
    assert [(d.text, d.rule) for d in dropped] == [(line, rule)]


def test_clean_drops_the_page_tail_after_a_terminator() -> None:
    story = "The council voted on Tuesday to close the plant by the end of the year after a long debate."
    cleaned = clean_text(f"{story}\n{story.replace('Tuesday', 'Friday')}\n12 comments\nMost read\nA short teaser line.")
    assert cleaned.body.splitlines() == [story, story.replace("Tuesday", "Friday")]
    assert [d.rule for d in cleaned.dropped] == ["comment_counter", "related_links", "page_tail"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The company told Reuters on Monday that it would appeal the ruling.",
        "Getty Images, the photo agency, said it would cut 300 jobs.",
        "Subscribers to the service will pay $9.99 a month from May, the company said.",
        "HIV/AIDS researchers said on Monday that the new drug works.",
        "The WSJ/NBC poll released Sunday found the race even.",
        "The speech will air at 9 p.m. ET, the network said, and the council will vote the next day.",
        "Turnout was 61% in 2016, 55% in 2012 and 58% in 2008, the clerk said.",
        "The band AC/DC will play the stadium in June (tickets go on sale Friday).",
        "Read the full report, which the council published on its website on Monday, before the vote.",
        "Workers leave the plant after the vote on Tuesday (the last shift ended at 3:40).",
        "An earlier version of the bill, which the council rejected in May, would have closed the plant.",
        "This story appeared in the Gazette first, the mayor said, and nobody corrected it.",
        "Jane Roe and John Doe are former reporters who sued the paper over the plant story.",
        "Readers shared their thoughts in the comments, and the mayor answered some of them.",
        "Medicare covers costs for Americans over 65, the agency said.",
        "This expansion was made possible by a state grant, the mayor said.",
        "Workers can download the form here at the plant or from the council's website.",
        "Check for ticks after a walk in the woods, the health department said.",
    ],
)
def test_clean_keeps_sentences_that_merely_mention_furniture_words(sentence: str) -> None:
    text = f"The council voted on Tuesday to close the plant by the end of the year.\n{sentence}"
    assert sentence in clean_text(text).body


def test_clean_drops_repeated_lines_keeps_first() -> None:
    line = "Officials said the talks would continue next week in Geneva."
    cleaned = clean_text(f"{line}\nThe talks began in March.\n{line}")
    assert cleaned.body == f"{line}\nThe talks began in March."
    assert [d.rule for d in cleaned.dropped] == ["repeated_line"]


def test_clean_english_ratio_separates_english_from_german(seed_text: dict[str, str]) -> None:
    german = "Die Bundesregierung hat am Montag beschlossen, die Steuern für kleine Unternehmen zu senken."
    assert english_ratio(seed_text["nbc"]) > 0.3
    assert english_ratio(german) < 0.1


@pytest.mark.slow
def test_clean_on_raw_multinews_keeps_most_words_and_drops_agency_furniture() -> None:
    path = shared_data("multinews_val_raw.jsonl.gz")
    before = after = 0
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in list(lines)[:60]:
            for document in json.loads(line)["documents"]:
                cleaned = clean_text(document)
                before += len(document.split())
                after += len(cleaned.body.split())
                assert "Advertisement\n" not in cleaned.body + "\n"
    assert 0.80 < after / before < 0.99


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published March 8, 2019", dt.date(2019, 3, 8)),
        ("Updated 10:02 AM ET, Fri March 8, 2019", dt.date(2019, 3, 8)),
        ("March 2019", None),  # no day: never guessed
        ("Friday", None),
    ],
)
def test_clean_parse_dateline_needs_a_full_date(line: str, expected: dt.date | None) -> None:
    assert parse_dateline(line) == expected


def test_clean_top_dateline_sets_published_lower_dateline_stays_in_body() -> None:
    paragraph = "The council met for the {} time this year to discuss the harbour bridge and its cables."
    ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
    text = "\n".join(
        ["Published March 8, 2019", *(paragraph.format(o) for o in ordinals), "March 4, 2019", "The vote was held."]
    )
    cleaned = clean_text(text)
    assert cleaned.published == dt.date(2019, 3, 8)
    assert [d.rule for d in cleaned.dropped] == ["dateline_only"]
    assert cleaned.body.splitlines()[-2:] == ["March 4, 2019", "The vote was held."]


def test_clean_line_with_a_very_long_token_is_judged_quickly() -> None:
    # Regression: a credit-line pattern backtracked exponentially on long tokens (a 120-character token took 26 s).
    line = "See " + "-".join(["word"] * 600)
    assert clean_text(f"{line}\nThe council voted on Tuesday to close the bridge.").body.startswith("See word-")


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("Officials told CNN on Monday that the talks had failed.", "CNN"),
        ("The PRE-CNN era of cable news is long gone, the anchor told CNN.", "CNN"),  # 'PRE-CNN' is no mention
        ("The mayor told XCNN and told the New York Times so.", "The New York Times"),  # nor is 'XCNN'
    ],
)
def test_clean_outlet_named_in_the_body_counts_only_as_a_whole_word(body: str, outlet: str) -> None:
    assert find_outlet(body=body, bylines=[], source="text 1") == outlet


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        # the outlet an article names as itself: a dateline, its sources talking to it, what it has learned
        ("HARBOURTON (Reuters) - The ferry sank on Monday.", "Reuters"),
        ("(CNN) -- The ferry sank on Monday. A survivor told CNN it was quick.", "CNN"),
        ("The ferry sank, TMZ has learned. A deckhand tells TMZ the pumps failed.", "TMZ"),
        ("The owner did not respond to ABC News' requests for comment on Monday.", "ABC News"),
        ("The captain confirmed the sinking in a statement to NPR.", "NPR"),
        # an outlet it merely names is not its own
        ("CNN is being sued by two deckhands. The suit claims CNN knew. CNN did not return a call.", None),
        ("The ferry sank, according to the Telegraph, and Reuters reported two dead.", None),
        ("Former mayor Michael Bloomberg paid for the new ferry.", None),  # part of a longer name
        ("A deckhand told the New Straits Times the pumps failed.", None),  # not 'The Straits Times'
        ("A deckhand told the Reuters news agency the pumps failed.", None),  # how others name an agency
        ("The captain told CNN the pumps failed, and the owner told the BBC they did not.", None),  # a tie
        # a dateline opening the body names its agency before any outlet its sources talk to (DUC's AP copy: '_')
        (
            "LONDON (AP) _ The ferry sank. A survivor told the BBC it was quick. The BBC was told by the owner.",
            "Associated Press",
        ),
        ("FT LAUDERDALE (CBSMiami) – The ferry sank on Monday. A survivor told the BBC it was quick.", None),
        ("Washington (CNN) -- The ferry sank on Monday. A survivor told the BBC it was quick.", "CNN"),
        ("NEW YORK (Bloomberg) -- Stocks fell on Monday. A trader told the BBC it was quick.", "Bloomberg"),
    ],
)
def test_clean_outlet_is_the_one_the_body_names_as_itself(body: str, outlet: str | None) -> None:
    assert find_outlet(body=body, bylines=[], source="text 1") == outlet


def test_clean_a_staff_photo_credit_names_the_outlet_and_is_no_title() -> None:
    text = (
        "(Chicago Tribune Staff Photo/Ann Lowe)\n\n"
        "The ferry sank on Monday off the north pier, and the crew swam ashore.\n"
        "Divers will search the wreck on Tuesday, the harbour master said."
    )
    cleaned = clean_article(Article(id="a1", source="text 1", raw=text, text=text))
    assert cleaned.title is None and cleaned.body.startswith("The ferry sank")
    assert cleaned.outlet == "Chicago Tribune"
    agency = "(AP Photo/Ann Lowe)\n\n" + text.split("\n\n", 1)[1]
    assert clean_article(Article(id="a1", source="text 1", raw=agency, text=agency)).outlet is None


@pytest.mark.parametrize(
    ("byline", "outlet"), [("By Ann Lowe / BBC News", "BBC News"), ("By ANN LOWE Associated Press", "Associated Press")]
)
def test_clean_a_byline_read_as_a_photo_credit_still_names_the_outlet(byline: str, outlet: str) -> None:
    # Dropped as photo credits by their slash or agency name, they named no outlet: the file name stood in.
    text = f"Ferry sinks off the north pier\n\n{byline}\n\nThe ferry sank on Monday off the north pier.\n"
    assert clean_article(Article(id="a1", source="ferry.txt", raw=text, text=text)).outlet == outlet


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # The rules' cheap word pre-tests must not hide what their case-insensitive patterns find, even where
        # a letter is one re.IGNORECASE folds onto ASCII and lower() does not (ſ, ı).
        ("Thank you for ſubscribing. An error haſ occurred.", "subscription_form"),
        ("Archived by the Wayback Machıne " + "word " * 70, "page_boilerplate"),
        ("ArrowIconFacebook ChevronIconTwitter", "icon_string"),
        ("JavaScrıpt is disabled.", "browser_banner"),
        ("Please TRY AGAIN later.", "browser_banner"),
        ("Subſcribers only", "paywall"),
        ("Confirm your e-mail addreſs", "newsletter_prompt"),
        ("Tips? Send uſ your photos", "social_follow"),
        ("For updates, follow mayor @cityhall", "social_follow"),
        ("Follow us on Twitter", "social_follow"),
        # a pre-test's words alone are no verdict: the pattern still decides
        ("He said he would try again later this year, and subscribe to the plan.", None),
    ],
)
def test_clean_rules_see_what_their_patterns_see(line: str, rule: str | None) -> None:
    assert classify_line(line) == rule


@pytest.mark.parametrize(
    "page",
    [
        "Sorry, the page you requested could not be found.\nPlease choose a section from the menu above.\n"
        "Older stories are kept on our site for 30 days.",
        "Wide crawl with an initial seed list from May 2012.\nCrawl start date: 01 May, 2012\n"
        "We used our usual crawler software and respected robots.txt directives.",
    ],
)
def test_clean_drops_a_page_that_says_it_holds_no_article(page: str) -> None:
    cleaned = clean_text(page)
    assert cleaned.body == ""
    assert {d.rule for d in cleaned.dropped} <= {"placeholder_page", "dateline_only"}


def test_clean_keeps_a_story_that_mentions_a_missing_page() -> None:
    story = "The council voted on Tuesday to close the plant by the end of the year, after a long debate. " * 50
    text = f"Visitors to the old site were told the page you requested could not be found.\n{story}"
    assert clean_text(text).body.startswith("Visitors to the old site")


@pytest.mark.parametrize(
    "label",
    [
        "Email This",
        "SHARE COPY LINK",
        "[Video Link]",
        "Continue reading the main story",
        # section labels, in the case pages print them
        "Analysis",
        "commentary",
        "Updated |",
        "LIVE BLOG",
    ],
)
def test_clean_strips_a_share_or_media_label_glued_to_a_paragraph(label: str) -> None:
    story = "The council voted on Tuesday to close the plant by the end of the year, after a long debate."
    assert clean_text(f"{label} {story}").body == story


@pytest.mark.parametrize(
    "line",
    [
        "Share Prices Fell on Monday as the plant closed.",
        "Emails showed the plan was old.",
        "Analysis of the council's votes showed a split over the plant.",
        "Commentary Magazine said on Monday the plan was old.",
        "Analysis Group economists said on Monday the plan was old.",
        "Updated figures released on Monday show the plan was old.",
        "LIVE BLOGS are how most readers followed the vote on Monday.",
    ],
)
def test_clean_keeps_a_paragraph_that_opens_with_a_label_word(line: str) -> None:
    assert clean_text(line).body == line


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # wire quotation marks become curly ones: ``…'' and an opening ''
        ("``We need more rain,'' the farmer said on Monday.", "“We need more rain,” the farmer said on Monday."),
        (
            "She starred in ''Summer Road,\" a film about a ferry pilot.",
            'She starred in “Summer Road," a film about a ferry pilot.',
        ),
        (
            "The village stays ``dry'' all year, the council said.",
            "The village stays “dry” all year, the council said.",
        ),
        (
            "It's the ferry's last crossing of the season, the captain said.",
            "It's the ferry's last crossing of the season, the captain said.",
        ),
        # wire desks' notes: initials after the last sentence or alone, update pointers, end-here markers
        (
            "The ferry ran on Monday, the port said. kr-tlm\nDelays last until the well-known co-op re-opens.",
            "The ferry ran on Monday, the port said.\nDelays last until the well-known co-op re-opens.",
        ),
        (
            "Harbour fees rose, 4th graf pvs\nThe ferry resumed service on Monday.\n"
            "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)\n(ht-sf-kr)",
            "The ferry resumed service on Monday.",
        ),
        (
            "The ferry resumed service on Monday after a storm. The pier, 2nd graf, pvs",
            "The ferry resumed service on Monday after a storm.",
        ),
    ],
)
def test_clean_wire_text_quotation_marks_and_desk_notes(text: str, body: str) -> None:
    assert clean_text(text).body == body


def test_clean_strips_footnote_marks_that_hide_a_sentence_boundary() -> None:
    body = clean_text("The church was founded in 1860.[3] It moved to Ohio in 1881,[4][5] and again later.").body
    assert body == "The church was founded in 1860. It moved to Ohio in 1881, and again later."


def test_clean_rejoins_a_drop_cap_with_its_paragraph() -> None:
    text = "Council votes to close plant\n\nT\n\nhe council voted on Tuesday to close the plant by the end of the year."
    assert clean_text(text).body == "The council voted on Tuesday to close the plant by the end of the year."


def test_clean_a_zero_width_space_is_removed_not_made_a_space() -> None:
    text = "\u200bThe ferry\u200b \u200bsank, said A\u200brwen Lowe, the harbour\u2060master, on Monday at the pier."
    assert clean_text(text).body == "The ferry sank, said Arwen Lowe, the harbourmaster, on Monday at the pier."


def test_clean_strips_a_live_blog_label_between_two_sentences() -> None:
    first, second = "The mayor spoke outside City Hall on Tuesday.", "On Monday, the council had voted to close it."
    assert clean_text(f"{first} LIVE BLOG {second}").body == f"{first} {second}"
    kept = "Readers followed the LIVE BLOG On Air page for hours as the council voted."
    assert clean_text(kept).body == kept


def test_clean_cuts_a_hover_card_out_of_its_sentence() -> None:
    # the shown name, then the card: full name glued to the first of three headlines, and MORE
    text = (
        "Mayor Jane Roe Jane Ann RoeCouncil votes to close plant Town fair opens on Friday Roe backs the new "
        "budget MORE said on Tuesday that the plant would close."
    )
    assert clean_text(text).body == "Mayor Jane Roe said on Tuesday that the plant would close."


@pytest.mark.parametrize(
    "line",
    [
        # the same name twice with a space between, and MORE as a shouted word
        "Voters chose Jane Roe over Jane Ann Roe Smith, and MORE than half of them said so on Tuesday.",
        "Council member Jane Roe Jane Roe's daughter said the plant would close and WE WANT MORE jobs.",
    ],
)
def test_clean_keeps_a_sentence_that_only_looks_like_a_hover_card(line: str) -> None:
    assert clean_text(line).body == line


def test_clean_drops_a_weather_widget_line() -> None:
    widget = (
        "STORMY MORNING Wednesday (59/53) Clouds/Showers Thursday (57/48) Clouds/Showers Friday (63/50) Sun "
        "We should have periods of rain on and off the rest of the day."
    )
    story = "Polls on Monday (52/48) and Tuesday (51/49) showed a tight race for mayor, the paper said."
    cleaned = clean_text(f"{story}\n{widget}")
    assert cleaned.body == story
    assert [d.rule for d in cleaned.dropped] == ["weather_widget"]


_WRAPPED_STORY = """Ferry service to pause for the winter storms
Lakeside Herald

Islanders face three months without a daily ferry after the port
authority said on Monday that the old vessel will be laid up from
December 1 so that fitters can overhaul its ageing and often well-
known engines.

A survey carried out in the summer showed that the hull had thinned
in places, port officials said. The repairs will cost about nine
million euros, shared between the port and the regional govern-
ment.

Advertisement

Fishermen on the quay said they feared for their catch."""


def test_clean_joins_the_lines_of_a_hard_wrapped_text_within_each_paragraph() -> None:
    cleaned = clean_text(_WRAPPED_STORY)
    assert cleaned.title == "Ferry service to pause for the winter storms"
    assert cleaned.body.splitlines() == [
        "Islanders face three months without a daily ferry after the port authority said on Monday that the old vessel"
        " will be laid up from December 1 so that fitters can overhaul its ageing and often well-known engines.",
        "A survey carried out in the summer showed that the hull had thinned in places, port officials said. The"
        " repairs will cost about nine million euros, shared between the port and the regional government.",
        "Fishermen on the quay said they feared for their catch.",
    ]
    assert [(d.line_no, d.text) for d in cleaned.dropped[1:]] == [(2, "Lakeside Herald"), (14, "Advertisement")]


def test_clean_joins_a_short_wrapped_text_whose_lines_break_before_names() -> None:
    # two of five lines go on in lower case; a hyphen before a capital is the word's own
    text = (
        "Ferry to pause for the winter\n\n"
        "Islanders face three months without a daily ferry, the Port\n"
        "Authority said on Monday, after the old vessel failed a test on\n"
        "Friday. Repairs mark a turn in long and often difficult Anglo-\n"
        "Irish shipping ties, port officials said, and the work will\n"
        "cost nine million euros, shared between the port and the\n"
        "region."
    )
    assert clean_text(text).body == " ".join(text.split("\n\n")[1].splitlines()).replace("Anglo- ", "Anglo-")


def test_clean_joins_wrapped_paragraphs_that_open_indented_and_lines_of_a_proportional_font() -> None:
    # Wire copy indents its paragraphs without blank lines between them; a PDF's text breaks where its letters' widths
    # fill the line, so the next word's length does not tell. Half-sentences had become summary bullets.
    indented = (
        "PORTVILLE, March 3 - The port authority voted on Tuesday to pause the\n"
        "island ferry, ending a decade of daily crossings.\n"
        '    The old vessel will be laid up from December 1. "It is the end of an\n'
        'era," the harbour master said at the quay.\n'
        "    Fishermen, led by their cooperative, said the pause would hurt\n"
        "their catch and would cost them dearly all winter.\n"
    )
    assert clean_text(indented).body.splitlines() == [
        "PORTVILLE, March 3 - The port authority voted on Tuesday to pause the island ferry, ending a decade of daily"
        " crossings.",
        'The old vessel will be laid up from December 1. "It is the end of an era," the harbour master said at the'
        " quay.",
        "Fishermen, led by their cooperative, said the pause would hurt their catch and would cost them dearly all"
        " winter.",
    ]
    proportional = (
        "The port authority voted on Tuesday to pause the island ferry, ending a\n"
        "decade of daily crossings between the two harbours.\n\n"
        "Fishermen, led by their cooperative, said the pause would block\n"
        "boats from the inner basin and would cost them dearly in the winter\n"
        "months, when the catch is best.\n"
    )
    assert clean_text(proportional).body.splitlines() == [
        " ".join(paragraph.split()) for paragraph in proportional.split("\n\n")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a page scraped one paragraph per line, its short paragraphs between headings
        "Ferry to pause for winter\nLakeside Herald\nIslanders face three months without a ferry.\n"
        "The port authority said so on Monday at the quay.\nRepairs will cost 9 million euros in all.\n"
        "Fishermen said they feared for their catch this year.",
        # a menu above a story: short lines, none going on mid-sentence
        "Home\nNews\nSport\nWeather\nBusiness\nCulture\nThe port authority said on Monday that the ferry will pause"
        " for three months while fitters overhaul its engines and repair the hull.",
    ],
)
def test_clean_keeps_the_lines_of_a_text_that_is_not_hard_wrapped(text: str) -> None:
    kept = clean_text(text).body.splitlines()
    assert all(line in text.splitlines() for line in kept)


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Roe | Lakeside Herald | March 8, 2019",
        "By Jane Roe • March 8, 2019",
        "By Jane Roe - Staff Writer",
        "Posted by Jane Roe on March 8, 2019 at 10:32 AM",
        "Jane Roe, Staff Writer",
        "Written by Jane Roe",
        "Jane Roe | Lakeside Herald",
        "By Jane Roe, March 8, 2019, 10:32 AM ET",
    ],
)
def test_clean_drops_a_byline_with_outlet_role_or_date_after_the_name(line: str) -> None:
    story = "The ferry will pause for three months, the port authority said on Monday. “It is old,” she said."
    cleaned = clean_text(f"Ferry service to pause for the winter\n\n{line}\n\n{story}")
    assert (cleaned.body, [(d.text, d.rule) for d in cleaned.dropped[1:]]) == (story, [(line, "byline")])


@pytest.mark.parametrize(
    "line",
    [
        "By Friday the council had closed two bridges and a tunnel",
        "New York, March 8",
        "Jane Roe, the harbour master, said the ferry was old",
        # title-case headlines opening with "By": no bar, month, year, clock time or role, as a credit has
        "By The Numbers: The Cost Of The War In Iraq",
        "By Monday, 4,000 People Had Fled The City",
    ],
)
def test_clean_a_line_naming_a_person_or_day_after_by_is_no_byline(line: str) -> None:
    assert classify_line(line) != "byline"


@pytest.mark.parametrize(
    "top",
    [
        "By Jane Roe | Lakeside Herald | March 8, 2019",
        "Posted by Jane Roe on 8 March 2019 at 10:32 AM",
        "Updated 10:32 AM ET, Fri March 8, 2019",
        "Home\nNews\nSport\nWeather\nBusiness\nCulture\nSubscribe\nShare\nBy Jane Roe\nMarch 8, 2019",  # below a menu
    ],
)
def test_clean_a_date_stated_above_the_story_is_the_publication_date(top: str) -> None:
    story = "The ferry will pause for three months, the port authority said on Monday."
    cleaned = clean_text(f"Ferry service to pause for the winter\n{top}\n{story}")
    assert (cleaned.published, cleaned.body) == (dt.date(2019, 3, 8), story)


def test_clean_a_byline_below_the_story_gives_no_publication_date() -> None:
    story = "The ferry will pause for three months, the port authority said on Monday."
    assert clean_text(f"{story}\nBy Jane Roe | Lakeside Herald | March 8, 2019").published is None


def test_clean_keeps_a_page_pasted_as_one_line_despite_furniture_inside_it() -> None:
    # icons' names, an unrendered template and a terminator phrase, each of which drops a short line alone
    sentence = "The port authority said on Monday that the ferry will pause for three months while fitters work."
    line = (
        f"ArrowArtboardCreated with Sketch.Title ChevronIcon FacebookIcon Twitter {sentence * 3} You have "
        f"{{{{numberArticlesLeft}}}} free articles left this month. {sentence * 3} Leave a comment. {sentence * 2}"
    )
    assert clean_text(line).body == line
