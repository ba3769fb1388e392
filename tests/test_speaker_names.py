"""The final form of a named speaker (analyze/speaker_names.py), on the speaker attribution resolved: a byline
list's authors, a longer name the attribution wrote, an office NER left on a name, the cluster's canonical name."""

from __future__ import annotations

from typing import Literal

from storyline.analyze.entities import EntityAnalysis
from storyline.analyze.speaker_names import final_speakers
from storyline.models import Article, Entity, Quote, Span


def person(name: str, *aliases: str, kind: str = "PERSON") -> Entity:
    return Entity(name=name, type=kind, mentions=1, articles={"a1": 1}, aliases=(name, *aliases))  # type: ignore[arg-type]


def quote_at(
    body: str,
    quote: str,
    speaker: str,
    named_by: str,
    at: int = 0,
    attribution: Literal["stated", "inferred"] = "stated",
) -> Quote:
    """The quote opening with `quote`, whose speaker `speaker` was resolved from `named_by` (found from `at` on)."""
    start = body.index(quote)
    by = body.index(named_by, at)
    return Quote(
        text=quote,
        speaker=speaker,
        speaker_kind="named",
        kind="full",
        span=Span(article="a1", start=start, end=start + len(quote)),
        speaker_span=Span(article="a1", start=by, end=by + len(named_by)),
        attribution=attribution,
    )


def final_speaker(body: str, quote: str, speaker: str, named_by: str, *entities: Entity) -> str | None:
    """The final speaker of the quote opening with `quote`, resolved to `speaker` from the words `named_by`."""
    found = quote_at(body, quote, speaker, named_by, attribution="inferred")
    article = Article(id="a1", source="text", raw=body, text=body, body=body)
    analysis = EntityAnalysis(tuple(entities), (), {})
    return final_speakers([found], [article], analysis)[0].speaker


def test_byline_list_before_the_colon_names_every_author() -> None:
    body = "POLL BLAST - WP’s Dan Balz and Jon Cohen: “After a quick rise in the race, Rick Perry has declined.”"
    quote = "After a quick rise"
    assert final_speaker(body, quote, "Jon Cohen", "Jon Cohen") == "Dan Balz and Jon Cohen"
    body = (
        "MARKETS - FT’s Tom Braithwaite and Michael Mackenzie in New York, Stanley Pignal in Brussels and Peter "
        "Spiegel in Luxembourg in the page 1 splash: “Global equities fell sharply.”"
    )
    assert (
        final_speaker(body, "Global equities", "Tom Braithwaite", "Tom Braithwaite")
        == "Tom Braithwaite, Michael Mackenzie, Stanley Pignal and Peter Spiegel"
    )


def test_two_people_named_in_a_sentence_are_no_byline() -> None:
    body = "Dan Balz and Jon Cohen wrote the story. Cohen said: “The poll is clear.”"
    assert final_speaker(body, "The poll", "Jon Cohen", "Cohen") == "Jon Cohen"


def test_a_first_name_ner_missed_in_the_attribution_is_kept() -> None:
    body = "“Off the Sidelines is an excellent example of inspiring women.”—Billie Jean King"
    assert final_speaker(body, "Off the", "Jean King", "Billie Jean King", person("Jean King")) == "Billie Jean King"


def test_a_place_or_party_before_the_name_is_no_first_name() -> None:
    body = "“We will win,” said Texas Ted Cruz. “We will too,” said Democrat Ann Lowe."
    texas = person("Texas", kind="GPE")
    assert final_speaker(body, "We will win", "Ted Cruz", "Texas Ted Cruz", texas) == "Ted Cruz"
    assert final_speaker(body, "We will too", "Ann Lowe", "Democrat Ann Lowe") == "Ann Lowe"
    body = "“The law is clear,” said Attorney-General Amos Wako."
    assert final_speaker(body, "The law", "Amos Wako", "Attorney-General Amos Wako") == "Amos Wako"


def test_an_office_left_before_a_name_is_cut() -> None:
    body = "“I think the sentence is fair,” said Santa Clara County Public Defender Molly O’Neal"
    name = "Santa Clara County Public Defender Molly O’Neal"
    assert final_speaker(body, "I think", name, name) == "Molly O’Neal"


def test_an_organisation_with_an_office_word_stays_whole() -> None:
    body = "“Sales fell,” said Acme Owner Services Group."
    name = "Acme Owner Services Group"
    assert final_speaker(body, "Sales fell", name, name, person(name, kind="ORG")) == name


def test_a_surname_takes_the_full_name_the_cluster_merged_it_into() -> None:
    body = "“I hope you can let this go,” the president told Comey."
    trump = person("Donald Trump", "Trump")
    melania = person("Melania Trump")
    assert final_speaker(body, "I hope", "Trump", "the president", trump, melania) == "Donald Trump"


def test_a_spelling_merged_into_a_name_that_lacks_its_words_is_kept() -> None:
    # the nickname merged into the formal name: "William Clinton" is no fuller form of "Bill Clinton"
    body = "“We will win this state,” Bill Clinton said."
    william = person("William Clinton", "Bill Clinton")
    assert final_speaker(body, "We will", "Bill Clinton", "Bill Clinton", william) == "Bill Clinton"


def test_a_surname_two_people_share_stays_bare_unless_the_entities_chose_one() -> None:
    body = "“We are a family band,” Balin said."
    marty, susan = person("Marty Balin"), person("Susan Balin")
    assert final_speaker(body, "We are", "Balin", "Balin", marty, susan) == "Balin"
    # never one person's name for another who shares the surname
    assert final_speaker(body, "We are", "Susan Balin", "Balin", person("Marty Balin", "Balin"), susan) == "Susan Balin"
    both = person("Marty Balin", "Balin"), person("Susan Balin", "Balin")
    assert final_speaker(body, "We are", "Balin", "Balin", *both) == "Balin"


def test_a_determiner_opening_a_source_is_no_office() -> None:
    body = "The line was changed in 1914, according to The Canadian Encyclopedia. “In all thy sons command.”"
    name = "The Canadian Encyclopedia"
    assert final_speaker(body, "In all", name, name) == name


def test_a_surname_ner_missed_takes_the_full_name_the_attribution_wrote() -> None:
    body = "“Greek fire was a poison gas,” Adrienne Mayor told Discovery News. “It burned,” Mayor said."
    quotes = [
        quote_at(body, "Greek fire", "Adrienne", "Adrienne Mayor"),
        quote_at(body, "It burned", "Mayor", "Mayor", body.index("Mayor said")),
    ]
    article = Article(id="a1", source="text", raw=body, text=body, body=body)
    analysis = EntityAnalysis((person("Adrienne"),), (), {})
    assert [q.speaker for q in final_speakers(quotes, [article], analysis)] == ["Adrienne Mayor", "Adrienne Mayor"]
    # a second Mayor the cluster names in full leaves the bare surname alone
    analysis = EntityAnalysis((person("Adrienne"), person("Ted Mayor")), (), {})
    assert [q.speaker for q in final_speakers(quotes, [article], analysis)] == ["Adrienne Mayor", "Mayor"]


def test_a_surname_misspelt_by_two_swapped_letters_is_the_one_person_bearing_it() -> None:
    body = "Gov. Rick Snyder's office issued a statement. “May he rest in peace,” Sndyer said."
    assert final_speaker(body, "May he", "Sndyer", "Sndyer", person("Rick Snyder")) == "Rick Snyder"
    # NER's entity for the misspelling ("Sndyer" tagged a person of its own) is no other person
    assert final_speaker(body, "May he", "Sndyer", "Sndyer", person("Rick Snyder"), person("Sndyer")) == "Rick Snyder"
    assert final_speaker(body, "May he", "Sndyer", "Sndyer", person("Rick Snider")) == "Sndyer"


def test_a_surname_is_the_one_person_bearing_it_before_a_generation() -> None:
    body = "Cuba Gooding Jr. arrived at the court. “I am innocent,” Gooding said. “I did nothing,” Goodnig said."
    assert final_speaker(body, "I am", "Gooding", "Gooding", person("Cuba Gooding Jr.")) == "Cuba Gooding Jr."
    assert final_speaker(body, "I did", "Goodnig", "Goodnig", person("Cuba Gooding Jr.")) == "Cuba Gooding Jr."
    # the generation is no surname: a bare "Jr." names no one
    assert final_speaker(body, "I am", "Jr", "Gooding", person("Cuba Gooding Jr.")) == "Jr"


def test_senior_is_the_person_the_cluster_names_without_the_suffix() -> None:
    body = "“I hope you can let this go,” Trump said."
    trump, senior = person("Donald Trump", "Trump"), person("Donald Trump Sr.")
    assert final_speaker(body, "I hope", "Donald Trump Sr.", "Trump", trump, senior) == "Donald Trump"
    junior = person("Donald Trump Jr.")
    assert final_speaker(body, "I hope", "Donald Trump Jr.", "Trump", trump, junior) == "Donald Trump Jr."


def test_a_title_read_as_the_speaker_is_the_name_written_after_it() -> None:
    body = "“Womenservices is determined to keep this going,” Ms. Finnelly said."
    assert final_speaker(body, "Womenservices", "Ms.", "Ms.", person("Ann Finnelly", "Finnelly")) == "Ann Finnelly"
    assert final_speaker(body, "Womenservices", "Ms.", "Ms.") == "Finnelly"
