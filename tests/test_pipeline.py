from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

import storyline
from storyline.analyze import Analysis
from storyline.errors import ConfigError, InputError, NoUsableArticle
from storyline.ingest import load_articles
from storyline.models import Article, Brief, BriefOptions
from storyline.pipeline import drop_duplicates, prepare_articles
from tests.test_clean import LABELS

STORY = (
    "The harbour bridge will close to all traffic from April 1 for six months while engineers replace its "
    "corroded steel cables, the city council announced on Friday.\n\nFerries will run every twenty minutes "
    "between the two piers until the bridge opens again, the council said."
)
NO_ANALYSIS = BriefOptions(analysis=False)


def test_pipeline_seed_summary_spans_are_exact_source_text(seed_brief: Brief) -> None:
    assert len(seed_brief.summary) >= 3
    for sentence in seed_brief.summary:
        body = seed_brief.article(sentence.source.article).body
        assert body[sentence.source.start : sentence.source.end] == sentence.text


def test_pipeline_support_spans_are_the_other_articles_sentence(corroborated_brief: Brief) -> None:
    # The seeds share no fact, so their summary has no support to check: the harbour closure's does.
    closure = next(s for s in corroborated_brief.summary if "close for six months" in s.text)
    (support,) = closure.support
    assert support.article != closure.source.article
    assert corroborated_brief.article(support.article).body[support.start : support.end] == (
        "Engineers will replace the corroded cables of the harbour bridge, which will close for six months from April."
    )


def test_pipeline_seed_summary_fits_budget_and_claims_no_corroboration(seed_brief: Brief) -> None:
    assert sum(len(s.text.split()) for s in seed_brief.summary) <= 150
    # The seeds' articles share no fact (tests/data/support_labels.json); two of them only name Xi and Mar-a-Lago
    # in one sentence each, which the rule that names alone support nothing keeps apart.
    assert [s.cites for s in seed_brief.summary if len(s.cites) > 1] == []


def test_pipeline_fact_two_outlets_report_cites_both(corroborated_brief: Brief) -> None:
    closure = next(s for s in corroborated_brief.summary if "close for six months" in s.text)
    assert closure.cites == ["a1", "a2"]
    assert [len(s.cites) for s in corroborated_brief.summary if s is not closure] == [1, 1, 1, 1]


def test_pipeline_seed_bodies_hold_no_furniture(seed_brief: Brief, seed_text: dict[str, str]) -> None:
    by_name = {Path(info.source).stem: info for info in seed_brief.story.articles}
    for seed, label in LABELS.items():
        lines = seed_text[seed].splitlines()
        furniture = [lines[n - 1].strip() for n in label["furniture"]]
        if label["tail_from"]:
            furniture += [line.strip() for line in lines[label["tail_from"] - 1 :] if line.strip()]
        body_lines = set(by_name[seed].body.splitlines())
        assert [line for line in furniture if line in body_lines] == []


def test_pipeline_seed_outlets_and_title(seed_brief: Brief) -> None:
    assert [a.outlet for a in seed_brief.story.articles] == ["Asia Times", "NBC News", "Nikkei Asia"]
    assert seed_brief.story.title in {LABELS[s]["title"] for s in LABELS}


def test_pipeline_title_is_the_most_cited_articles_the_newest_of_equals(examples_dir: Path) -> None:
    # The seeds' 150-word summary cites Asia Times and Nikkei twice each, NBC once; with their dates known the story
    # is named for the later of the two (Nikkei, 2019-03-07), not for the 2018 article that comes first.
    dates = {"asiatimes.txt": dt.date(2018, 7, 10), "nbc.txt": dt.date(2019, 3, 8), "nikkei.txt": dt.date(2019, 3, 7)}
    loaded = load_articles([examples_dir], dates=dates)
    brief = storyline.brief(loaded.articles, options=BriefOptions(words=150, analysis=False))
    cited = [sum(a.id in s.cites for s in brief.summary) for a in brief.story.articles]
    assert cited == [2, 1, 2]
    assert brief.story.title == LABELS["nikkei"]["title"]
    # Without dates, equals keep the order given.
    undated = storyline.brief(load_articles([examples_dir]).articles, options=BriefOptions(words=150, analysis=False))
    assert undated.story.title == LABELS["asiatimes"]["title"]


def test_pipeline_same_fact_from_two_outlets_appears_once(corroborated_brief: Brief) -> None:
    # The closure both outlets report is one summary sentence citing both, its other telling only support.
    texts = [s.text for s in corroborated_brief.summary]
    assert len(texts) == len(set(texts))
    cited_spans = {(s.source.article, s.source.start) for s in corroborated_brief.summary}
    support_spans = {(p.article, p.start) for s in corroborated_brief.summary for p in s.support}
    assert support_spans and not cited_spans & support_spans, "a supporting sentence was also picked"


def test_pipeline_single_article_works_with_empty_support(examples_dir: Path) -> None:
    brief = storyline.brief([examples_dir / "nbc.txt"], words=60)
    assert brief.summary and all(s.support == () for s in brief.summary)
    assert sum(len(s.text.split()) for s in brief.summary) <= 60


def test_pipeline_duplicate_article_counted_once(examples_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "nbc-copy.txt"
    copy.write_text((examples_dir / "nbc.txt").read_text(encoding="utf-8"), encoding="utf-8")
    brief = storyline.brief([examples_dir / "nbc.txt", copy, examples_dir / "asiatimes.txt"])
    assert len(brief.story.articles) == 2
    assert [p.reason for p in brief.problems] == [f"same article as {examples_dir / 'nbc.txt'}; counted once"]


def test_pipeline_of_two_copies_the_update_is_kept_and_the_others_differences_named(
    examples_dir: Path, tmp_path: Path
) -> None:
    # An update of a story was dropped as "the same article" for the copy given first, without a word about what
    # it adds or changes.
    original = (examples_dir / "nbc.txt").read_text(encoding="utf-8")
    update = original.replace("Nuclear talks between Trump", "The nuclear talks between Trump") + (
        "\nThe White House said late on Friday that the meeting will go ahead on March 27 as planned.\n"
    )
    first, later = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(original, encoding="utf-8")
    later.write_text(update, encoding="utf-8")
    dates = {"a.txt": dt.date(2019, 3, 7), "b.txt": dt.date(2019, 3, 8)}
    loaded = load_articles([first, later, examples_dir / "asiatimes.txt"], dates=dates)
    brief = storyline.brief(loaded.articles, options=BriefOptions(analysis=False))
    assert [(a.source, a.published) for a in brief.story.articles][:1] == [(str(later), dt.date(2019, 3, 8))]
    # every 5-word run of the original is in the update ("The nuclear talks …" holds "Nuclear talks …")
    assert [(p.source, p.reason) for p in brief.problems] == [(str(first), f"same article as {later}; counted once")]
    # given the other way round, the update is kept too
    reordered = storyline.brief(list(reversed(loaded.articles[:2])), options=BriefOptions(analysis=False))
    assert [a.source for a in reordered.story.articles] == [str(later)]


def test_pipeline_of_two_undated_copies_the_one_saying_more_of_itself_is_kept_and_lent_its_title(
    tmp_path: Path,
) -> None:
    # The copy kept had no outlet though the other named one; a two-line alert given first hid the full story without
    # a word about what it held.
    story = [
        "The harbour bridge will close to all traffic from April 1 for six months, the city council said on Friday.",
        "About 40,000 vehicles cross the bridge every day, and extra ferries will run during rush hours.",
        "Engineers found that several of the bridge's steel cables had lost a third of their strength.",
        "Shop owners near the bridge said they feared losing customers during the long closure.",
    ]
    alert = Article(id="a1", source="alert.txt", raw="", text="", body="\n".join(story[:2]), title="Bridge to close")
    full = Article(id="a2", source="full.txt", raw="", text="", body="\n".join(story), outlet="Coastline Courier")
    kept, problems = drop_duplicates([alert, full])
    assert [(a.source, a.outlet, a.title) for a in kept] == [("alert.txt", "Coastline Courier", "Bridge to close")]
    assert [(p.source, p.reason) for p in problems] == [
        (
            "full.txt",
            "same article as alert.txt; counted once; 2 paragraphs of it are not in the kept copy (“Engineers found "
            "that several of the bridge's steel cables had …”), left out",
        )
    ]
    kept, _ = drop_duplicates([alert.model_copy(update={"title": None}), full])
    assert [a.source for a in kept] == ["full.txt"]  # it names its outlet, the alert nothing


def test_pipeline_file_given_twice_is_not_called_a_copy_of_itself(examples_dir: Path) -> None:
    # `nbc.txt` beside its own folder read "nbc.txt: same article as nbc.txt".
    brief = storyline.brief([examples_dir / "nbc.txt", examples_dir], options=BriefOptions(analysis=False))
    assert len(brief.story.articles) == 3
    assert [(p.source, p.reason) for p in brief.problems] == [
        (str(examples_dir / "nbc.txt"), "given more than once; counted once")
    ]


GERMAN = (
    "Die Bundesregierung hat am Montag beschlossen, die Steuern für kleine Unternehmen zu senken. "
    "Der Finanzminister sagte, die Entlastung werde im kommenden Jahr wirksam. "
    "Die Opposition kritisierte den Plan als zu spät und zu klein."
)


def test_pipeline_leaves_a_foreign_article_out_of_an_english_brief(examples_dir: Path) -> None:
    brief = storyline.brief([examples_dir / "nbc.txt", GERMAN, examples_dir / "nikkei.txt"])
    assert [(p.source, p.severity, p.reason) for p in brief.problems] == [
        ("text 2", "error", "does not look like English; left out, as the brief is made from the 2 English articles")
    ]
    assert [Path(a.source).name for a in brief.story.articles] == ["nbc.txt", "nikkei.txt"]
    assert not any(e.name in {"Montag", "Finanzminister"} for e in brief.entities)


def test_pipeline_keeps_foreign_articles_when_none_is_english() -> None:
    spanish = "El gobierno aprobó el lunes una rebaja de impuestos para las pequeñas empresas del país entero."
    brief = storyline.brief([GERMAN, spanish], options=NO_ANALYSIS)
    assert len(brief.story.articles) == 2 and brief.summary
    assert [p.reason for p in brief.problems][:2] == ["does not look like English; the brief may be poor"] * 2


# Two news texts written for these tests: a storm warning in Chinese (written without spaces between words) and in
# Russian (spaced, but not English).
CHINESE = (
    "北京时间周五晚间，国家气象局发布暴雨红色预警，称未来四十八小时内华北地区将出现强降雨。"
    "气象专家表示，这是今年入汛以来最强的一次降雨过程，部分地区累计降雨量可能超过三百毫米。\n\n"
    "北京市防汛指挥部已经启动一级应急响应，要求各区做好人员转移准备。"
    "市政府发言人在新闻发布会上说，所有中小学将停课两天，地铁部分线路可能临时停运。\n"
)
RUSSIAN = (
    "В пятницу вечером Федеральная служба по гидрометеорологии объявила штормовое предупреждение для Москвы и "
    "области. По словам синоптиков, в ближайшие двое суток ожидаются сильные ливни и порывы ветра до двадцати "
    "метров в секунду.\n\nМэрия Москвы призвала жителей без необходимости не выходить на улицу. Как сообщают "
    "местные СМИ, в соседних регионах также ожидается ухудшение погоды.\n"
)


def test_pipeline_article_written_without_spaces_is_left_out_and_named(examples_dir: Path) -> None:
    # Segmentation splits at spaces: the Chinese text would be one "word" and no sentence, an empty summary.
    brief = storyline.brief([examples_dir / "nbc.txt", CHINESE], options=BriefOptions(analysis=False))
    assert [a.source for a in brief.story.articles] == [str(examples_dir / "nbc.txt")]
    assert [(p.source, p.severity) for p in brief.problems] == [("text 2", "error")]
    assert "written without spaces between words" in brief.problems[0].reason
    with pytest.raises(NoUsableArticle, match=r"no usable article: text 1: is written without spaces between words"):
        storyline.brief([CHINESE])


def test_pipeline_arabic_article_without_capitals_gets_a_summary() -> None:
    # Its sentences open with letters that have no capital: the splitter found none, and the one "sentence" of the
    # whole article was over 80 words, an empty summary.
    sentence = "وقال المسؤولون إن المشروع الجديد سيربط ضفتي المدينة الشرقية والغربية ويخدم آلاف السكان كل يوم"
    article = " ".join(f"{sentence} {number}. {sentence}؟ {sentence}." for number in range(1, 4))
    brief = storyline.brief([article], options=BriefOptions(analysis=False))
    assert brief.summary
    assert [p.reason for p in brief.problems if p.source == "brief"] == []


def test_pipeline_no_english_article_is_briefed_without_analysis() -> None:
    brief = storyline.brief([RUSSIAN])
    assert brief.summary and brief.options.analysis is False and brief.entities == ()
    assert [(p.source, p.severity) for p in brief.problems] == [("text 1", "warning"), ("brief", "warning")]
    assert "no article looks like English" in brief.problems[1].reason


def test_pipeline_nothing_usable_raises_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"no usable article: .*empty file.*no article text left after cleaning"):
        storyline.brief([empty, page])


def test_pipeline_is_deterministic(examples_dir: Path, seed_brief: Brief) -> None:
    assert storyline.brief([examples_dir], words=150) == seed_brief


def test_pipeline_accepts_a_bare_path_as_one_input(examples_dir: Path, seed_brief: Brief) -> None:
    assert storyline.brief(str(examples_dir), words=150) == seed_brief


def test_pipeline_empty_string_is_empty_text_not_the_current_folder() -> None:
    with pytest.raises(InputError, match="text 1: empty: no text"):
        storyline.brief([""])


@pytest.mark.parametrize("words", [0, -1, 10_000, True])
def test_pipeline_words_out_of_range_is_a_config_error(examples_dir: Path, words: int) -> None:
    with pytest.raises(ConfigError, match=f"words must be a whole number from 1 to 5000; got {words}"):
        storyline.brief([examples_dir], words=words)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("strategy", "bogus", "Input should be 'adaptive', 'centroid', 'learned', 'hybrid' or 'openings'"),
        ("words", True, "Input should be a valid integer, not a boolean"),  # was read as a one-word budget
        ("words", 0, "Input should be greater than or equal to 1"),  # as the command line says it
        ("words", "many", "Input should be a valid integer"),
        ("support_threshold", -0.5, "Input should be greater than 0"),
        ("analysis", "maybe", "Input should be a valid boolean"),
    ],
)
def test_brief_options_bad_value_is_a_value_error_naming_what_is_valid(field: str, value: object, message: str) -> None:
    # A ValueError (pydantic's ValidationError) whose message names the field and the valid values; the CLI and the
    # web app turn the same errors into one line (tests/test_cli.py, tests/test_web_api.py).
    with pytest.raises(ValueError, match=f"{field}\n  {message}"):
        BriefOptions(**{field: value})


def test_pipeline_words_and_options_together_are_a_config_error(examples_dir: Path) -> None:
    # Before, `words` was silently ignored whenever `options` came too.
    with pytest.raises(ConfigError, match="not both"):
        storyline.brief([examples_dir], words=100, options=BriefOptions(analysis=False))


BRIDGE_CLOSED = [
    "Engineers closed the old river bridge on Friday after inspectors found deep cracks in its steel beams. "
    "Traffic will be diverted through the north tunnel for several weeks while the city plans repairs.",
    "The river bridge was shut by engineers after inspectors discovered cracks in the steel beams. "
    "Commuters face long delays in the north tunnel while repairs to the bridge are planned.",
]
CAKE = (
    "Whisk four eggs with a cup of sugar until pale and fluffy. Fold in the flour, melted butter and lemon zest, "
    "then bake the batter for forty minutes."
)


def test_pipeline_warns_about_an_article_that_shares_almost_no_words_with_the_others() -> None:
    result = storyline.brief([*BRIDGE_CLOSED, CAKE], words=150)
    warned = [p for p in result.problems if "shares almost no words" in p.reason]
    assert [p.source for p in warned] == ["text 3"] and warned[0].severity == "warning"
    assert "the summary leaves it out" in warned[0].reason
    assert len(result.story.articles) == 3  # still listed and analysed
    # the budget has room for every sentence, yet none of the recipe's is summarised or listed as its own news
    assert {s.source.article for s in result.summary} == {"a1", "a2"}
    assert [c.article for c in result.coverage.articles if c.unique] == []  # the bridge reports share their facts
    assert [c.n_unique for c in result.coverage.articles] == [0, 0, 2]


def test_pipeline_leaves_nothing_out_of_a_pile_of_unrelated_articles() -> None:
    weather = "Heavy snow is expected in the mountains tonight. Drivers should carry chains above a thousand metres."
    result = storyline.brief([BRIDGE_CLOSED[0], CAKE, weather], words=150)
    warned = [p for p in result.problems if "shares almost no words" in p.reason]
    assert len(warned) == 3 and not any("leaves it out" in p.reason for p in warned)
    assert {s.source.article for s in result.summary} == {"a1", "a2", "a3"}


def test_pipeline_warns_when_the_only_two_articles_share_almost_no_words() -> None:
    result = storyline.brief([BRIDGE_CLOSED[0], CAKE], options=NO_ANALYSIS)
    assert any("the two articles share almost no words" in p.reason for p in result.problems)
    assert not any("share" in p.reason for p in storyline.brief(BRIDGE_CLOSED, options=NO_ANALYSIS).problems)


def test_pipeline_warns_when_the_articles_tell_two_stories() -> None:
    recipe = [
        CAKE,
        "Beat the eggs and the sugar until pale, fold in flour, butter and lemon zest, and bake the batter for forty "
        "minutes until golden.",
    ]
    result = storyline.brief([*BRIDGE_CLOSED, *recipe], options=NO_ANALYSIS)
    assert [p.reason for p in result.problems] == [
        "the articles seem to tell 2 stories that share almost no words: [1,2] and [3,4]; brief each alone"
    ]
    # one story, however its articles pair up, and one odd article out, are not two stories
    assert not any("stories" in p.reason for p in storyline.brief([*BRIDGE_CLOSED, CAKE], options=NO_ANALYSIS).problems)


def test_pipeline_refuses_more_sentences_than_one_brief_handles() -> None:
    pile = " ".join(f"Sentence number {n} says that the bridge is shut." for n in range(6001))
    with pytest.raises(InputError, match=r"6,003 sentences is more than one brief handles") as refused:
        storyline.brief([STORY, pile])
    assert str(refused.value).endswith("brief fewer or shorter articles at a time (the longest, text 2, has 6,001)")


def test_pipeline_article_too_long_for_analysis_is_briefed_without_it(examples_dir: Path) -> None:
    huge = "The council discussed the harbour bridge repairs again " * 20_000  # 1,099,999 once stripped
    brief = storyline.brief([examples_dir / "nbc.txt", huge])
    assert brief.options.analysis is False and brief.entities == ()
    assert "1,099,999 characters is too long to analyse (limit 1,000,000); brief made without analysis" in [
        p.reason for p in brief.problems
    ]


def test_pipeline_one_chinese_sentence_is_left_out_too(examples_dir: Path) -> None:
    # It was kept with a warning and gave the brief nothing: one "word", no sentence.
    chinese = "中国国家主席习近平周二在北京会见了来访的朝鲜领导人金正恩，双方就朝鲜半岛局势交换了意见。"
    brief = storyline.brief([examples_dir / "nbc.txt", chinese])
    assert len(brief.story.articles) == 1
    assert [(p.source, p.severity) for p in brief.problems] == [("text 2", "error")]


def test_pipeline_summary_without_long_sentences_says_so() -> None:
    brief = storyline.brief(["Hello there friend.\nSee you soon."])
    assert brief.summary == ()
    assert [p.reason for p in brief.problems] == ["no sentence of 6–80 words to summarise"]


def test_pipeline_summary_of_one_overlong_sentence_does_not_blame_short_sentences() -> None:
    # A paragraph without a full stop is one sentence: 200 words, too long for a summary sentence. The warning said
    # "no sentence of 6+ words", which this one is.
    run_on = "the council said the talks on the harbour bridge were going well and " * 15
    brief = storyline.brief([run_on], options=BriefOptions(analysis=False))
    assert brief.summary == ()
    assert [p.reason for p in brief.problems if p.source == "brief"] == ["no sentence of 6–80 words to summarise"]


def test_pipeline_summary_empty_for_a_small_budget_blames_the_budget() -> None:
    # It said "no sentence of 6–80 words to summarise" of sentences of 9 and 12 words.
    text = "The council voted on the harbour bridge on Monday.\nThe mayor said the new bridge would open next spring."
    brief = storyline.brief([text], options=BriefOptions(words=5, analysis=False))
    assert brief.summary == ()
    assert [p.reason for p in brief.problems if p.source == "brief"] == [
        "no sentence fits the 5-word budget (the shortest that could be summarised has 9 words)"
    ]


def test_pipeline_preparation_without_metadata_keeps_the_same_bodies(examples_dir: Path) -> None:
    articles = load_articles([examples_dir]).articles
    described, _ = prepare_articles(articles)
    bare, _ = prepare_articles(articles, find_metadata=False)
    assert [a.body for a in bare] == [a.body for a in described]
    assert [a.id for a in bare] == [a.id for a in described]
    assert {a.outlet for a in bare} == {None}  # the seeds' outlets come from their bylines, not looked for here
    assert all(a.outlet for a in described)


def test_pipeline_nothing_given_says_so() -> None:
    with pytest.raises(InputError, match=r"no usable article: no input given$"):
        storyline.brief([])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"options": {"words": 80}}, "options must be a storyline.models.BriefOptions; got dict"),
        ({"default_date": "2019-03-08"}, "default_date must be a datetime.date"),
    ],
)
def test_pipeline_options_of_the_wrong_type_are_a_config_error(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        storyline.brief([STORY], **arguments)  # type: ignore[arg-type]


def test_pipeline_default_date_may_be_a_datetime() -> None:
    result = storyline.brief([STORY], default_date=dt.datetime(2019, 3, 8, 14, 30), options=NO_ANALYSIS)
    assert [a.published for a in result.story.articles] == [dt.date(2019, 3, 8)]


def test_pipeline_brief_has_a_field_for_each_analysis_result(seed_brief: Brief) -> None:
    # brief() copies Analysis into Brief by field name.
    names = [field.name for field in dataclasses.fields(Analysis)]
    assert set(names) <= set(Brief.model_fields)
    assert seed_brief.entities and seed_brief.quotes and seed_brief.timeline


@pytest.mark.parametrize("words", [True, False])
def test_pipeline_words_as_a_bool_is_refused(examples_dir: Path, words: bool) -> None:
    with pytest.raises(ConfigError, match="words must be a whole number from 1 to 5000"):
        storyline.brief([examples_dir], words=words)


def test_pipeline_articles_published_months_apart_are_said_to_be(examples_dir: Path) -> None:
    # The seeds' Asia Times article is of July 2018: its "talks with North Korea last week" read as the 2019 summit.
    dates = {"asiatimes.txt": dt.date(2018, 7, 10), "nbc.txt": dt.date(2019, 3, 8), "nikkei.txt": dt.date(2019, 3, 7)}
    options = BriefOptions(analysis=False)
    brief = storyline.brief(load_articles([examples_dir], dates=dates).articles, options=options)
    assert [(p.source, p.reason) for p in brief.problems] == [
        (
            "brief",
            "the articles were published 8 months apart (2018-07-10 to 2019-03-08); an older one may tell an earlier "
            "turn of the story",
        )
    ]
    weeks = {**dates, "asiatimes.txt": dt.date(2019, 1, 10)}  # under two months: one turn of a story
    assert storyline.brief(load_articles([examples_dir], dates=weeks).articles, options=options).problems == ()
    assert storyline.brief([examples_dir], options=options).problems == ()  # no dates, nothing to say
