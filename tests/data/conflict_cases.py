"""Hand-written sentence pairs for the conflict detector (original text, written for this purpose; no news copy).

CONFLICTS: (sentence of outlet A, sentence of outlet B, kind, contested words in A, contested words in B).
NOT_CONFLICTS: (sentence A, sentence B, why the pair must not be flagged) — the hard negatives: rounding, hedges,
ranges, other units, other quantities, other times, other speakers, other people, conversions, questions.
Each sentence is one article's whole body.
"""

CONFLICTS = [
    (
        "Toyota is recalling 40,000 vehicles in the United States over faulty brakes.",
        "Toyota is recalling 35,000 vehicles in the United States over faulty brakes.",
        "number",
        "40,000 vehicles",
        "35,000 vehicles",
    ),
    (
        "The flood killed 12 people in the village of Ostra, officials said.",
        "The flood killed 21 people in the village of Ostra, officials said.",
        "number",
        "12 people",
        "21 people",
    ),
    (
        "Maria Lopez, 34, was rescued from the flooded basement by firefighters.",
        "Firefighters pulled Maria Lopez, 43, from the flooded basement.",
        "number",
        "34",
        "43",
    ),
    (
        "The summit between the two presidents will be held in Geneva on March 27.",
        "The summit between the two presidents will be held in Geneva on April 1.",
        "date",
        "March 27",
        "April 1",
    ),
    (
        "The mayor was charged with fraud by state prosecutors on Monday.",
        "The mayor was not charged with fraud by state prosecutors on Monday.",
        "negation",
        "charged",
        "not charged",
    ),
    (
        "The city council approved the new stadium plan for Riverside on Tuesday.",
        "The city council rejected the new stadium plan for Riverside on Tuesday.",
        "opposite",
        "approved",
        "rejected",
    ),
    (
        "A meeting between the two leaders at Camp David was cancelled, officials said.",
        "The two leaders are scheduled to hold a meeting at Camp David next week.",
        "opposite",
        "cancelled",
        "scheduled",
    ),
    (  # two counts of homes on one side: the one whose words agree with the other side's (not the first)
        "The storm destroyed 45 homes in Ostra on Friday, officials said.",
        "Floods destroyed 12 homes in Varna, and the storm destroyed 30 homes in Ostra on Friday, officials said.",
        "number",
        "45 homes",
        "30 homes",
    ),
    (
        "The blaze started shortly after 3 a.m. in the storage area of the Dunmore warehouse.",
        "The fire broke out around 5 a.m. in the storage area of the Dunmore warehouse.",
        "time",
        "shortly after 3 a.m.",
        "around 5 a.m.",
    ),
    (
        "The Halden city council voted 7-2 on Tuesday to approve the new bridge.",
        "The Halden city council approved the new bridge on Tuesday in an 8-1 vote.",
        "tally",
        "7-2",
        "8-1",
    ),
    (  # one toll, two verbs: 'killed' and 'died' count the same dead
        "The flood killed 12 people in the village of Ostra on Monday.",
        "Twenty people died in the flood in the village of Ostra on Monday.",
        "number",
        "12 people",
        "Twenty people",
    ),
    (  # 'were reported killed' is a passive: no source named 'people' against the network, and 'reported' is no
        # word of what is counted that the other side lacks (as 'across Varna' is)
        "At least 40 people were reported killed in the Dunmore floods on Monday.",
        "As many as 25 people died across Varna province in the Dunmore floods on Monday, the regional relief network "
        "said.",
        "number",
        "40 people",
        "25 people",
    ),
    (  # 'an estimated 40' is a hedge: 'Rescuers pulled an' is no source, so none differs from the mayor
        "Rescuers pulled an estimated 40 people from the rubble in Ostra on Friday.",
        "Rescuers pulled 75 people from the rubble in Ostra on Friday, Mayor Anna Berg said.",
        "number",
        "40 people",
        "75 people",
    ),
    (  # of two counts of people, the one stabbed (the words after it agree), not the 12 arrested in the same brawl
        "Three people were stabbed and 12 people were arrested during a brawl at Halden park on Saturday, police said.",
        "Police say two people have been stabbed in a brawl at Halden park.",
        "number",
        "Three people",
        "two people",
    ),
]

NOT_CONFLICTS = [
    (
        "The summit between the two leaders at Mar-a-Lago was cancelled, officials said on Friday.",
        "The planned summit between the two leaders at Mar-a-Lago drew protests, officials said on Friday.",
        "a plan named, not claimed: 'the planned summit' does not say it will take place",
    ),
    (
        "After decreasing in the previous decade, colon cancer rates increased by 1.0% annually since the mid-1980s in "
        "adults age 20 to 39.",
        "From the mid-1980s through 2013, the rates of colon cancer among adults ages 55 and up declined, according to "
        "the study.",
        "a side that itself tells of both directions ('after decreasing …, increased') opposes nothing",
    ),
    (
        "But their father, also a pilot, has not been found.",
        "The family now hopes that their father, the co-pilot, will still be found alive.",
        "a hope, no claim: 'hopes that … will still be found' does not say he was found",
    ),
    (
        "Senate leaders canceled a recess next week to break the deadlock with Republicans, officials said Thursday.",
        "The Senate agreed Thursday to cancel its planned recess next week to stay in town in pursuit of an agreement.",
        "the same claim: 'its planned recess' names the plan both say was cancelled",
    ),
    (
        "Released on 21 july 2015, a second video shows the group's director discussing prices for samples.",
        "Released on 14 july 2015, a new video shows the group's director discussing prices for samples.",
        "dates, not counts: '21 july' in lower case counts no july (and the two videos are different ones)",
    ),
    (
        "About 1,200 wild horses roam the park, out of a national herd of 3,500, and 300 ponies, the trust said.",
        "About 1,200 of the country's 3,500 wild horses roam the park, the trust said.",
        "other quantities: both sentences give both numbers, though each counts horses with only one of them",
    ),
    (
        "Toyota is recalling about 40,000 vehicles in the United States over faulty brakes.",
        "Toyota is recalling 39,800 vehicles in the United States over faulty brakes.",
        "rounding: 'about 40,000' allows 39,800",
    ),
    (
        "The deal is worth $1.2 billion to the shipyard, the company said.",
        "The deal is worth $1.23 billion to the shipyard, the company said.",
        "rounding: $1.23 billion rounds to $1.2 billion",
    ),
    (
        "Growth this year will be between 6% and 6.5%, the premier said.",
        "Growth this year will be 6%, the premier said.",
        "a range containing the other value",
    ),
    (
        "At least 15 people were killed in the attack on the market in Kabul.",
        "Twenty people were killed in the attack on the market in Kabul.",
        "a lower bound the other value meets",
    ),
    (
        "More than 300 people were evacuated from the tower in Leeds.",
        "Some 350 people were evacuated from the tower in Leeds.",
        "hedged values that overlap",
    ),
    (
        "The fire burned 5,000 acres near Paradise on Friday, officials said.",
        "The fire burned 300 homes near Paradise on Friday, officials said.",
        "different quantities: acres and homes",
    ),
    (
        "The river rose 12 feet above flood stage in Omaha on Friday.",
        "The river rose 12 meters above flood stage in Omaha on Friday.",
        "the same number in another unit is not compared",
    ),
    (
        "Three people were killed in the crash on Route 9 near Albany.",
        "Five people were injured in the crash on Route 9 near Albany.",
        "different quantities: killed and injured",
    ),
    (
        "In 2018 the Acme plant in Dayton had 300 employees.",
        "In 2020 the Acme plant in Dayton had 450 employees.",
        "different reference times",
    ),
    (
        "Police said 20 people were arrested at the protest in Portland.",
        "Organizers said 35 people were arrested at the protest in Portland.",
        "attributed to different speakers",
    ),
    (
        "The death toll from the quake in Izmir rose to 45 on Sunday.",
        "The death toll from the quake in Izmir was 30.",
        "a count that changed over time",
    ),
    (
        "James Price, 22, spoke about the shooting at the car wash.",
        "Tavin Price, 19, was shot at the car wash on Monday.",
        "ages of two different people",
    ),
    (
        "The school did not call an ambulance but called the boy's mother.",
        "The school called the boy's mother after the fall.",
        "the negated sentence affirms the same verb",
    ),
    (
        "Will the summit with Kim be held in Hanoi on March 27?",
        "The summit with Kim will be held in Hanoi on April 1.",
        "a question asserts nothing",
    ),
    (
        "The typhoon had winds of 120 kph (75 mph) as it hit Luzon.",
        "The typhoon had winds of 120 kph (74 mph) as it hit Luzon.",
        "unit conversions in brackets round their own way",
    ),
    (
        "The airline grounded its Boeing 737 planes at Lagos airport on Friday, officials said.",
        "The airline grounded its Boeing 787 planes at Lagos airport on Friday, officials said.",
        "names, not counts: 'Boeing 737' names a model (that 737 and 787 differ is no disagreement on a number)",
    ),
    (
        "The fire broke out at 7 a.m. in the storage area of the Dunmore warehouse.",
        "The fire broke out at 7:15 a.m. in the storage area of the Dunmore warehouse.",
        "a time of day stated without minutes allows for rounding",
    ),
    (
        "The fire broke out at 3 a.m. in the storage area of the Dunmore warehouse.",
        "The fire was put out at 9 a.m. in the storage area of the Dunmore warehouse.",
        "the time of another event: when the fire was put out, not when it began",
    ),
    (
        "The Halden council's budget committee voted 5-2 on Monday to send the bridge plan to the full council.",
        "The full Halden council approved the bridge plan 8-1 on Tuesday.",
        "two votes in one story: the committee's and the council's",
    ),
    (
        "The Halden council voted 5-2 on Monday to send the bridge plan to a final vote.",
        "On Tuesday the Halden council passed the bridge plan in an 8-1 final vote.",
        "two votes of one council on different days",
    ),
    (
        "Three people were hurt and 12 people were arrested during a brawl at Halden park on Saturday, police said.",
        "Police say two people have been stabbed in a brawl at Halden park.",
        "other quantities: neither count is of the stabbed, so neither is compared with them",
    ),
    (
        "An estimated 20 people were arrested at the protest in Portland, police said.",
        "Organizers said 35 people were arrested at the protest in Portland.",
        "attributed to different speakers: 'an estimated' is no source, but 'police said' still is",
    ),
    (
        "Twelve people were killed in the flood in the village of Ostra on Monday.",
        "Twenty people were reported injured in the flood in the village of Ostra on Monday.",
        "different quantities: the dead and the injured ('reported' hides neither)",
    ),
]
