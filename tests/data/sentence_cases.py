"""Hand-written sentence-splitting cases for storyline (original text, written for this purpose).

Each entry is (text, expected_sentences).  Expected sentences are the stripped sentences, in order, such that
text[start:end] == sentence for the splitter's offsets.  Newlines are hard boundaries (one paragraph/line per
newline); blank lines produce no sentence.

Convention for quotes: a quotation that contains several sentences is split at its internal sentence ends
("It was hard. We lost people," he said.  -> two sentences); a closing quote stays with the sentence it closes.
A '?' or '!' inside a quote followed by a lowercase attribution ("Why?" she asked.) does NOT end the sentence.
"""

CASES = [
    # --- U.S. / U.N. / U.K. ---------------------------------------------------------------------------------
    (
        "The U.S. economy grew 2.1% last quarter. Analysts had expected more.",
        ["The U.S. economy grew 2.1% last quarter.", "Analysts had expected more."],
    ),
    (
        "The talks were held in the U.S. They ended without a deal.",
        ["The talks were held in the U.S.", "They ended without a deal."],
    ),
    (
        "The U.N. Security Council met on Friday. It adopted a resolution on aid.",
        ["The U.N. Security Council met on Friday.", "It adopted a resolution on aid."],
    ),
    (
        "U.S.-China trade talks resumed in Beijing. Both sides sounded hopeful.",
        ["U.S.-China trade talks resumed in Beijing.", "Both sides sounded hopeful."],
    ),
    (
        "The U.K.-based lender cut 300 jobs. Its shares rose.",
        ["The U.K.-based lender cut 300 jobs.", "Its shares rose."],
    ),
    (
        "Officials at the U.N. said the vote would be delayed. No reason was given.",
        ["Officials at the U.N. said the vote would be delayed.", "No reason was given."],
    ),
    # --- dates, times, numbers --------------------------------------------------------------------------------
    (
        "The vote is set for Nov. 9, officials said. Polls open early.",
        ["The vote is set for Nov. 9, officials said.", "Polls open early."],
    ),
    (
        "The attacks of Sept. 11 changed air travel. Security was tightened everywhere.",
        ["The attacks of Sept. 11 changed air travel.", "Security was tightened everywhere."],
    ),
    (
        "Polls open at 7 a.m. and close at 8 p.m. Results are expected by midnight.",
        ["Polls open at 7 a.m. and close at 8 p.m.", "Results are expected by midnight."],
    ),
    (
        "The quake struck at 4 a.m. Residents fled into the streets.",
        ["The quake struck at 4 a.m.", "Residents fled into the streets."],
    ),
    (
        "He is ranked No. 1 in the world. His closest rival is No. 3.",
        ["He is ranked No. 1 in the world.", "His closest rival is No. 3."],
    ),
    (
        "The death toll rose to 12. Rescuers are still searching.",
        ["The death toll rose to 12.", "Rescuers are still searching."],
    ),
    (
        "The index closed at 1,234.5. 2019 was a record year for stocks.",
        ["The index closed at 1,234.5.", "2019 was a record year for stocks."],
    ),
    # --- titles and names -------------------------------------------------------------------------------------
    (
        "Mr. Smith said he would resign. His deputy will take over.",
        ["Mr. Smith said he would resign.", "His deputy will take over."],
    ),
    (
        "Dr. Ana Ruiz led the study. She works at a hospital in Lima.",
        ["Dr. Ana Ruiz led the study.", "She works at a hospital in Lima."],
    ),
    (
        "Sen. Mary Jones and Gov. Tom Reed spoke first. Rep. Lee did not attend.",
        ["Sen. Mary Jones and Gov. Tom Reed spoke first.", "Rep. Lee did not attend."],
    ),
    (
        "Mrs. Ortiz and Ms. Chen were named to the board. Prof. Adams declined.",
        ["Mrs. Ortiz and Ms. Chen were named to the board.", "Prof. Adams declined."],
    ),
    (
        "Gen. Alan Park commanded the unit. Lt. Col. Kim was his deputy.",
        ["Gen. Alan Park commanded the unit.", "Lt. Col. Kim was his deputy."],
    ),
    (
        "The drill ended, said Brig. Gen. Ray Moss. Pfc. Ana Diaz and Tech. Sgt. Lee Ho led it. "
        "Both studied at Ohio Tech. They met there.",
        [
            "The drill ended, said Brig. Gen. Ray Moss.",
            "Pfc. Ana Diaz and Tech. Sgt. Lee Ho led it.",
            "Both studied at Ohio Tech.",
            "They met there.",
        ],
    ),
    (
        "J. Smith, a spokesman, declined to comment. The company did not respond.",
        ["J. Smith, a spokesman, declined to comment.", "The company did not respond."],
    ),
    (
        "The book was written by J. R. R. Tolkien in 1937. It sold millions of copies.",
        ["The book was written by J. R. R. Tolkien in 1937.", "It sold millions of copies."],
    ),
    (
        "George W. Bush met the Russian president. They discussed trade.",
        ["George W. Bush met the Russian president.", "They discussed trade."],
    ),
    (
        "She earned a Ph.D. in physics. Then she joined the space agency.",
        ["She earned a Ph.D. in physics.", "Then she joined the space agency."],
    ),
    (
        "Martin Luther King Jr. spoke in the square. Thousands listened.",
        ["Martin Luther King Jr. spoke in the square.", "Thousands listened."],
    ),
    # --- places -----------------------------------------------------------------------------------------------
    (
        "The storm hit Tampa, Fla., on Sunday. Thousands lost power.",
        ["The storm hit Tampa, Fla., on Sunday.", "Thousands lost power."],
    ),
    (
        "She moved to Miami, Fla. Her family followed a year later.",
        ["She moved to Miami, Fla.", "Her family followed a year later."],
    ),
    (
        "The plant is in Fresno, Calif., and employs 400 people. It opened in 1990.",
        ["The plant is in Fresno, Calif., and employs 400 people.", "It opened in 1990."],
    ),
    (
        "They met at St. Paul's Cathedral. The service lasted an hour.",
        ["They met at St. Paul's Cathedral.", "The service lasted an hour."],
    ),
    (
        "Climbers returned from Mt. Everest on Monday. Two were injured.",
        ["Climbers returned from Mt. Everest on Monday.", "Two were injured."],
    ),
    # --- companies, misc abbreviations ------------------------------------------------------------------------
    (
        "Acme Inc. reported record sales. Rival Corp. did too.",
        ["Acme Inc. reported record sales.", "Rival Corp. did too."],
    ),
    (
        "He works for Acme Inc. The firm is based in Ohio.",
        ["He works for Acme Inc.", "The firm is based in Ohio."],
    ),
    (
        "Hanwa Co. Ltd. said profit fell. Its shares dropped 4%.",
        ["Hanwa Co. Ltd. said profit fell.", "Its shares dropped 4%."],
    ),
    (
        "It was Smith vs. Jones in the final. Smith won easily.",
        ["It was Smith vs. Jones in the final.", "Smith won easily."],
    ),
    (
        "Some fruits, e.g. apples, are cheap. Others, i.e. the imported ones, are not.",
        ["Some fruits, e.g. apples, are cheap.", "Others, i.e. the imported ones, are not."],
    ),
    (
        "Bring tents, stoves, etc. The weather will be cold.",
        ["Bring tents, stoves, etc.", "The weather will be cold."],
    ),
    # --- decimals, money, percentages -------------------------------------------------------------------------
    (
        "Unemployment rose to 6.5% in March. That is the highest in a decade.",
        ["Unemployment rose to 6.5% in March.", "That is the highest in a decade."],
    ),
    (
        "The shares fell 3.25 percent to $41.80. Trading was heavy.",
        ["The shares fell 3.25 percent to $41.80.", "Trading was heavy."],
    ),
    ("The euro rose 0.3% to $1.08. The yen fell.", ["The euro rose 0.3% to $1.08.", "The yen fell."]),
    (
        "Visit example.com for details. Send questions to info@example.org today.",
        ["Visit example.com for details.", "Send questions to info@example.org today."],
    ),
    # --- quotes -----------------------------------------------------------------------------------------------
    (
        '"We will not back down." The minister then left the room.',
        ['"We will not back down."', "The minister then left the room."],
    ),
    (
        "\u201cWe are ready,\u201d she said. \u201cThe plan is final.\u201d Nobody objected.",
        ["\u201cWe are ready,\u201d she said.", "\u201cThe plan is final.\u201d", "Nobody objected."],
    ),
    (
        '"It was a hard year. We lost a lot of people," the mayor said. The city is rebuilding.',
        ['"It was a hard year.', 'We lost a lot of people," the mayor said.', "The city is rebuilding."],
    ),
    ('"Why now?" she asked. He had no answer.', ['"Why now?" she asked.', "He had no answer."]),
    (
        "``We need more research,'' he said. The study was small.",
        ["``We need more research,'' he said.", "The study was small."],
    ),
    (
        "He called the plan \u2018reckless.\u2019 Others agreed.",
        ["He called the plan \u2018reckless.\u2019", "Others agreed."],
    ),
    (
        "\u201cStop!\u201d the guard shouted. The crowd froze.",
        ["\u201cStop!\u201d the guard shouted.", "The crowd froze."],
    ),
    # --- brackets, dashes, datelines --------------------------------------------------------------------------
    (
        "The vote passed (51 to 49). Critics vowed to fight on.",
        ["The vote passed (51 to 49).", "Critics vowed to fight on."],
    ),
    (
        "He declined to comment. (He later issued a statement.) The case continues.",
        ["He declined to comment.", "(He later issued a statement.)", "The case continues."],
    ),
    (
        "WASHINGTON (AP) -- The Senate passed the bill. It now goes to the House.",
        ["The Senate passed the bill.", "It now goes to the House."],
    ),
    (
        "The deal \u2014 worth $5 billion \u2014 collapsed. Shares slid.",
        ["The deal \u2014 worth $5 billion \u2014 collapsed.", "Shares slid."],
    ),
    # --- ellipses, ?, ! ---------------------------------------------------------------------------------------
    ("He paused... then walked out. Nobody followed.", ["He paused... then walked out.", "Nobody followed."]),
    ("We waited and waited... Finally the bus came.", ["We waited and waited...", "Finally the bus came."]),
    (
        "The answer was\u2026 complicated. Nobody liked it.",
        ["The answer was\u2026 complicated.", "Nobody liked it."],
    ),
    (
        "Will the deal hold? Nobody knows. Stay tuned!",
        ["Will the deal hold?", "Nobody knows.", "Stay tuned!"],
    ),
    # --- whitespace, newlines, headlines ----------------------------------------------------------------------
    (
        "First point made.  Second point, after two spaces.",
        ["First point made.", "Second point, after two spaces."],
    ),
    (
        "Storm batters coast\nThousands were evacuated as winds reached 120 mph. Officials urged caution.",
        [
            "Storm batters coast",
            "Thousands were evacuated as winds reached 120 mph.",
            "Officials urged caution.",
        ],
    ),
    (
        "Leaders split on trade\nBy ANNA LEE, Staff Writer\nTOKYO -- The summit ended early. No deal was signed.",
        [
            "Leaders split on trade",
            "By ANNA LEE, Staff Writer",
            "The summit ended early.",
            "No deal was signed.",
        ],
    ),
    ("Para one ends here.\n\nPara two starts here.", ["Para one ends here.", "Para two starts here."]),
    ("Breaking news", ["Breaking news"]),
    ("Key points:\n- Rates rise\n- Jobs fall", ["Key points:", "Rates rise", "Jobs fall"]),  # the bullets are no words
    ("iPhone sales fell in May. eBay shares rose.", ["iPhone sales fell in May.", "eBay shares rose."]),
    # --- lowercased, tokenized Multi-News style ---------------------------------------------------------------
    (
        "the u.s. military said on monday that it would withdraw . the decision surprised allies .",
        ["the u.s. military said on monday that it would withdraw .", "the decision surprised allies ."],
    ),
    (
        "( ap ) \u2014 police in ohio arrested a man on tuesday . he was charged with arson .",
        ["( ap ) \u2014 police in ohio arrested a man on tuesday .", "he was charged with arson ."],
    ),
    (
        "the film , a ' pulp ' nature documentary , opens friday . critics loved it .",
        ["the film , a ' pulp ' nature documentary , opens friday .", "critics loved it ."],
    ),
    (
        '" we are not going anywhere , " he said . the crowd cheered .',
        ['" we are not going anywhere , " he said .', "the crowd cheered ."],
    ),
    (
        "dr. jane doe , who led the study , said the results were clear . more work is needed .",
        ["dr. jane doe , who led the study , said the results were clear .", "more work is needed ."],
    ),
    (
        "washington ( reuters ) - the fed raised rates by 0.25 percentage points . markets rallied .",
        ["washington ( reuters ) - the fed raised rates by 0.25 percentage points .", "markets rallied ."],
    ),
    (
        "is it over ? nobody knows . mr. lee will speak on nov. 9 at 3 p.m. local time .",
        ["is it over ?", "nobody knows .", "mr. lee will speak on nov. 9 at 3 p.m. local time ."],
    ),
    (
        "the u.s. and the u.n. disagree . talks continue in the u.k. next week .",
        ["the u.s. and the u.n. disagree .", "talks continue in the u.k. next week ."],
    ),
    ("she said it was ... strange . then she left .", ["she said it was ... strange .", "then she left ."]),
    # An abbreviation ending a slash compound, and a one-letter name's exclamation mark.
    (
        "The drill was led by the South Korea/U.S. Combined Forces Command. It ended Friday.",
        ["The drill was led by the South Korea/U.S. Combined Forces Command.", "It ended Friday."],
    ),
    # Paragraphs glued without a space where a straight quote sits between: it opens or closes by its parity.
    (
        'The band will tour in May."It is our last tour," the singer said. He said "we are done."Then he left.',
        [
            "The band will tour in May.",
            '"It is our last tour," the singer said.',
            'He said "we are done."',
            "Then he left.",
        ],
    ),
    (
        "The singer told E! News she was moving. Plan B! It worked.",
        ["The singer told E! News she was moving.", "Plan B!", "It worked."],
    ),
]

# Cases whose label is a convention choice or that no rule-based splitter can get right without world knowledge;
# useful to report separately.
AMBIGUOUS_END_ABBREV = {1, 9, 24, 29, 33}
