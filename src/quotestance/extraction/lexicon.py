"""Every word list extraction uses, each defined once.

Changing what counts as a reporting verb, a title or a non-speech cue is an edit here and nowhere
else. `_words` refuses a list with a repeated word, so a list stays one list.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    words = text.split()
    repeated = sorted({w for w in words if words.count(w) > 1})
    if repeated:
        raise ValueError(f"lexicon list repeats {', '.join(repeated)}")
    return frozenset(words)


# Verbs (and their forms) that attribute speech: "…,” X said / X warned that “…”.
REPORTING_VERBS = _words(
    """said says say added adds told tells warned warns insisted insists stressed stresses noted notes declared
    declares stated states argued argues asked asks explained explains wrote writes posted posts tweeted
    replied replies responded responds continued continues recalled vowed vows urged urges cautioned claimed
    claims conceded concedes acknowledged acknowledges admitted admits announced announces remarked observed
    suggested predicted promised promises pledged pledges complained complains called calls described
    describes accused accuses branded brands labelled labeled concluded emphasised emphasized underlined
    reiterated reiterates maintained maintains countered counters quipped joked lamented boasted threatened
    threatens demanded demands charged answered answers shot retorted mused signalled signaled confirmed
    confirms denied denies rejected dismissed hailed welcomed praised condemned criticised criticized
    assured instructed recounted recounts testified testifies bragged scoffed commented"""
)

# What comes right before a quoted string that names something rather than quoting anyone.
NAMING_CUES = re.compile(
    r"(?:so-called|so called|dubbed|nicknamed|nickname|codenamed|code-named|known(?:\s+[\w’']+){0,8}\s+as|titled|entitled|"
    r"slogan|motto|headlined|banner|(?:often|sometimes|widely|also|once)\s+(?:called|described\s+as)(?:\s+the|\s+a)?)\s*$",
    re.I,
)

PRONOUNS = _words("he she they i we")
DETERMINERS = _words("the a an his her their its our of for and")
# Small words that do not make a quoted string's words less title-like ("the Sea of Azov Agreement").
TITLE_CONNECTORS = _words("of the and for on in to a de")

# Words of titles and roles: "Foreign Minister", "Lt. Gen.", "the deputy spokeswoman".
TITLE_WORDS = _words(
    """the a an his her their its our president vice prime minister ministers foreign defence defense deputy
    secretary general state spokesperson spokesman spokeswoman ambassador envoy special senator
    representative rep gen gen. lt lt. col col. adm adm. admiral colonel major captain commander chief
    chancellor king queen prince crown sheikh emir mr mr. mrs mrs. ms ms. dr dr. sir lord dame premier mawlawi maulana mullah
    governor mayor director chairman chairwoman chair head senior official trade interior finance energy
    economy economic national security adviser advisor army navy air force lawmaker mp speaker leader
    opposition acting first attorney undersecretary under-secretary assistant high commissioner negotiator
    coast guard affairs of for and military top chief-of-staff commodore rear vice-admiral sergeant private
    corporal ensign lieutenant-general major-general colonel-general inspector superintendent counsellor
    councillor consul attaché charge chargé d’affaires nuncio pope cardinal archbishop bishop imam rabbi
    secretary-general director-general minister-president taoiseach tanaiste sultan crown-prince staff
    lieutenant brigadier marshal parliamentary press officer ministry's country's nation's government's
    vice-president deputy-minister sen gov executive ceo cio cfo coo cto founder co-founder republican democrat
    democratic conservative det det. insp insp. supt supt. cpl cpl. pvt pvt. sgt sgt. capt capt. maj maj. brig brig. cmdr
    cmdr. rev rev. hon hon. atty atty. amb amb. cllr cllr. prof prof.
    public prosecution prosecutions prosecutor intelligence justice health homeland environment education
    commerce agriculture transport immigration
    judge magistrate sheriff deputy-sheriff constable councilman councilwoman councilmember alderman congressman
    congresswoman assemblyman assemblywoman assemblymember delegate del del. professor coach pastor reverend father
    trooper principal dean provost ombudsman coroner striker midfielder defender goalkeeper winger quarterback pitcher"""
)

# Capitalised words that open a clause but are not names: "On Monday", "Asked", "However".
STOP_WORDS = _words(
    """on in at but and however meanwhile speaking asked last this that it we they he she i after before
    earlier later when while monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december according if as yet still so then there
    here what why how our their his her its a an the once now today yesterday also instead indeed finally first
    again though although because since where whether to for with by from like unlike even only just until
    many most some several both all few other others each every any no more fewer numerous various not nor are is was
    were do does did has have had can could would should must enter meet up get"""
)

# Words that make a capitalised run an institution or place, not a person: "the Foreign Ministry".
ORG_WORDS = _words(
    """ministry council union nations states kingdom republic sea ocean strait gulf house office department
    agency bank fund parliament assembly congress senate court army forces navy committee commission
    organisation organization treaty agreement news times post press tv radio island islands kremlin
    pentagon government cabinet embassy coalition alliance nato un eu asean summit group party
    hospital airport university school college station stadium prison river lake canal dam harbour harbor province
    county district wire mission missions association foundation institute society federation corporation bureau
    productions records studios pictures entertainment media holdings ventures airlines airways motors industries
    service services partners
    enterprises technologies systems labs pharmaceuticals"""
)

# Lower-case particles that are part of a name: "Ursula von der Leyen", "Mohammed bin Salman".
NAME_PARTICLES = _words(
    "al el ad bin binti bint ibn abu ben de da dos del van von der ter ten le la du di zu af á í y arap oglu ogly qizi kyzy uulu"
)
# Words right before a capitalised run that make it a place, not a person: "in Port Vila", "the South Pacific".
LOCATIVES = _words("in near the")  # not "at", "into", "toward": "lashed out at Joe Biden", "the inquiry into Hunter Biden"

# A full stop after these is not a sentence end: "Mr. Voss", "Gen. Okafor".
ABBREVIATIONS = _words(
    "Mr Mrs Ms Dr St No Gen Lt Col Adm Sen Rep Gov Maj Capt Sgt Prof Jr Sr vs etc Rev Hon Cpl Pvt Supt Insp Fr Brig Cmdr Pres Det"
    " Atty Amb Sec Cllr"
)
# Those that may stand inside a name ("Lt. Gen. Birhanu Kebede", "Det. Insp. Mark Evans"), not "Smith vs. Jones".
NAME_ABBREVIATIONS = frozenset(a for a in ABBREVIATIONS if a[:1].isupper() and a != "No")
# Generational suffixes after a name: "James Roosevelt Jr." is found as "Roosevelt".
NAME_SUFFIXES = _words("Jr Jr. Sr Sr. II III IV")
# Words inside a title phrase that are not titles themselves: "Secretary *of* State", "*the* minister".
LINK_WORDS = _words("the a an of for and")

# A heading after which a page holds teasers, slideshows and comments, not the article: cut there (second half only).
END_OF_ARTICLE = re.compile(
    r"^\s*(?:you (?:might|may) also like|featured slide ?shows|more (?:from|stories from) [\w .]{2,40}|most (?:popular|viewed)|"
    r"around the web|recommended (?:stories|articles|reading)|(?:\d+ )?comments?|leave a (?:comment|reply)|join the conversation|"
    r"from our partners|promoted stories)\s*:?\s*$",
    re.IGNORECASE,
)
# Whole lines that scrapers keep from web pages and that are never part of the story.
BOILERPLATE = re.compile(
    r"^\s*(?:share this (?:story|article)|share on \w+|related (?:articles|stories|content|coverage)|"
    r"(?:read more|also read|see also|see more|more on this story|don[’']?t miss)(?:\s*[:»›>|–—-].{0,150})?|more:.{0,150}|"
    r"advertisement|sponsored(?: content)?|contributing:.{0,200}|sources?: [^.]{0,60}|"
    r"sign up for (?:our|the) \w+.{0,80}|subscribe(?: now| to our \w+)?[.!:]?.{0,60}|follow us on .{0,60}|"
    r"click here .{0,80}|continue reading.{0,40}|"
    r"recommended(?: for you)?|most read|trending now|skip to (?:main )?content|cookie (?:policy|settings)|"
    r"copyright ©.*|© \d{4}.*|all rights reserved\.?|image (?:source|caption):.*|photo:.*|watch:.*|"
    # a promotion in brackets: "[What you need to know to start the day: Get New York Today in your inbox.]"
    r"\[[^\[\]]{0,300}\b(?:sign up|inbox|newsletter|subscribe|click here|download the|follow us)\b[^\[\]]{0,300}\]|"
    r"in this (?:\w+ ){0,2}(?:photo|image|picture)[ ,].*|"  # a caption: "In this photo dated Tuesday, …", "In this file photo, …"
    # a caption's credit: "… (Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)", "(AP Photo/Jane Doe)"
    r".*\([^()]{0,120}\b(?:photos? via \w+|AP Photo|AFP Photo|Reuters Photo|EPA Photo|Getty Images)\b[^()]{0,80}\)\.?)\s*$",
    re.IGNORECASE,
)

# --- Reported speech (docs/ARCHITECTURE.md; data/GUIDELINE.md, "Reported speech") ---

# Verbs whose reported content is the clause after them: "X said (that) CLAUSE" -> CLAUSE.
CLAUSE_VERBS = _words(
    """said says say saying added adds adding told tells telling insisted insists insisting stressed stresses stressing
    noted notes noting declared declares stated states argued argues arguing explained explains replied replies responded
    recalled cautioned claimed claims claiming conceded concedes acknowledged acknowledges admitted admits suggested
    suggests predicted complained complains complaining concluded emphasised emphasized underlined reiterated reiterates
    maintained maintains countered assured assures signalled signaled wrote writes posted tweeted warned warns warning
    announced announces promised promises pledged pledges vowed vows confirmed confirms warn insist argue stress
    alleged alleges"""
)
# Clause verbs that may instead take a plain object ("announced an 18 percent rise", "warned Tokyo against ..."):
# without "that" nearby, their text starts at the verb, like a stance verb's.
OBJECT_VERBS = _words("warn warned warns warning announced announces promised promises pledged pledges vowed vows confirmed confirms")
# Verbs that carry the stance themselves: the text starts at the verb ("accused India of dragging its feet").
STANCE_VERBS = _words(
    """accused accuses accusing urged urges urging called calls calling welcomed welcomes welcoming condemned condemns
    condemning praised praises praising criticised criticized criticises criticizes criticising criticizing rejected
    rejects rejecting dismissed dismisses dismissing denied denies denying hailed hails blamed blames blaming described
    describes branded brands labelled labeled demanded demands threatened threatens defended defends thanked thanks
    applauded slammed denounced denounces protested questioned accuse urge deny reject welcome condemn criticise criticize
    blame demand describe blasted blasts lambasted decried decries pilloried rebuked castigated chided ridiculed mocked
    downplayed downplays expressed expresses apologized apologised apologizes apologises reaffirmed reaffirms advised
    advises recommended recommends questioning"""
)
# Heads of subject phrases that name an institution or a group speaking as one: kept as written ("the Foreign Ministry").
# bodies whose head word is also a title ("the Israeli military") or names no institution elsewhere ("the central bank",
# "the club", "the force"): a determiner or a possessive before them makes them a speaking body
BODY_HEADS = _words("military army navy guard force bank club hospital district school university team league")
INSTITUTION_HEADS = _words(
    """watchdog ministry ministries office government governments kremlin embassy commission council parliament presidency cabinet
    authorities delegation agency operator company companies firm airline carrier bloc alliance coalition secretariat administration department
    staff army military navy police union organisation organization mission house street palace association party
    guard forces command headquarters service services court regulator spokesperson spokesman spokeswoman officials
    official diplomats inspectors analysts experts negotiators leaders ministers sources investigators observers
    residents activists charities agencies critics lawmakers officers members groups group organisations organizations
    businesses carriers sides countries states capitals both campaign"""
)
# Subjects that are documents, not speakers ("the report said" is not reported speech of an official).
DOCUMENT_WORDS = _words(
    """report reports study survey results figures data document documents text ruling treaty law estimate estimates statement
    statements letter post tweet message video footage transcript transcripts"""
)
# Titles and roles that tell a person's gender, so that "she said" skips the man mentioned last.
MALE_TITLES = _words(
    """mr mr. sir lord king prince crown-prince sheikh emir sultan spokesman chairman businessman congressman
    monsignor pope cardinal archbishop imam rabbi husband father son brother grandfather uncle nephew boyfriend"""
)
KIN_WORDS = _words(
    "husband father son brother grandfather uncle nephew boyfriend wife mother daughter sister grandmother aunt niece girlfriend widow"
)
FEMALE_TITLES = _words(
    """mrs mrs. ms ms. miss madam madame dame lady queen princess sheikha spokeswoman chairwoman businesswoman
    congresswoman wife mother daughter sister grandmother aunt niece girlfriend widow"""
)
GENDER_OF = {"he": "m", "she": "f"}  # the subject pronouns that attribute speech
# Words that open a description of a speaker nobody names: "one user wrote", "a senior ASEAN diplomat said".
# The singular ones open one person nobody names ("a senior ASEAN diplomat"); the rest a group ("some diplomats").
SINGULAR_INDEFINITES = _words("a an one another")
INDEFINITES = SINGULAR_INDEFINITES | _words("some several two three four five six many both")
# Heads of such descriptions that name people (titles and institution heads aside): "one user", "some advocates".
PERSON_NOUNS = _words(
    """user users buyer buyers seller sellers vendor vendors resident source witness witnesses protester protesters
    activist lawyer lawyers doctor doctors nurse nurses teacher teachers student students worker workers employee
    employees executives investor investors trader traders economist economists researcher researchers scientist
    scientists supporter supporters opponent opponents voter voters fan fans parent parents neighbour neighbours
    neighbor neighbors insider insiders aide aides person people man men woman women advocate advocates analyst
    expert diplomat critic observer customer customers passenger passengers victim victims survivor survivors crowds
    coaches demonstrators prosecutors attorneys legislators spokespeople representatives relatives advisers advisors
    firefighters rescuers paramedics medics soldiers troops villagers farmers locals organisers organizers
    campaigners mourners pilgrims refugees migrants shoppers commuters"""
)
# Heads (plural, mostly: "witness" ends in s too) of a group that speaks as one, lower-case and unnamed: "“…,”
# federal prosecutors said".
GROUP_NOUNS = frozenset(w for w in PERSON_NOUNS | INSTITUTION_HEADS if w.endswith("s") and w not in DOCUMENT_WORDS) | {"police", "military"}
# Words between a subject and its verb that are not part of the subject ("Voss *also* said", "Moscow *has long* said").
SUBJECT_TRAILERS = _words(
    """has have had also later again repeatedly publicly privately previously then once already long would will did does
    do is was were been nevertheless however separately immediately swiftly firmly flatly strongly sharply angrily openly
    quickly today yesterday earlier subsequently since still both each jointly together"""
)
# Clause verbs that report speech only with "that" ("recalled that …"; "recalled their ambassadors" is an action).
THAT_ONLY_VERBS = _words(
    """recalled noted notes noting conceded concedes acknowledged acknowledges admitted admits complained complains
    complaining concluded emphasised emphasized underlined reiterated reiterates cautioned signalled signaled assured alleged alleges
    assures maintained maintains countered claimed claims claiming declared declares"""
)

# the reporting verbs as one pattern, longest first: the cue every stage looks for
VERB_RE = re.compile(r"\b(" + "|".join(sorted(REPORTING_VERBS, key=len, reverse=True)) + r")\b")
