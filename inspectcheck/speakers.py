"""Who said a quote: find the attribution around it and normalise it to a speaker key."""

from __future__ import annotations

import regex

INSTITUTION = "institution"
_VERBS = (
    r"(?:said|says|say|added|adds|add|told|tells|stated|states|state|wrote|writes|warned|warns|"
    r"explained|explains|concluded|concludes|noted|notes|commented|comments|found|finds|"
    r"confirmed|confirms|highlighted|highlights|observed|observes|reported|reports|described|"
    r"describes|acknowledged|acknowledges|continued|continues|insisted|insists|admitted|"
    r"admits|praised|praises|criticised|criticises|called|calls|urged|urges|revealed|reveals|"
    r"claimed|claims|argued|argues|recorded|records|remarked|remarks|described)"
)
_AUX = r"(?:(?:was|were|has|have|had|is|also|further|then|later|previously|however)\s+)*"
# "X said:", "X, the chief constable, said", "It states:", "the report adds" - before the quote.
_BEFORE = regex.compile(
    rf"(?P<spk>[^\n.;:!?“”\"]{{1,120}}?)\s+{_AUX}(?P<verb>{_VERBS})\b"
    rf"(?:\s+(?:that|how|the\s+\w+|\w+))?[^\n.;!?“”\"]{{0,80}}?[:,]?\s*$",
    regex.IGNORECASE,
)
_ACCORDING = regex.compile(
    r"according\s+to\s+(?P<spk>[^,.;:“”\"\n]{2,80})[,:]?\s*$", regex.IGNORECASE
)
# "”, the report adds." / "”, said Ms Kowalski." - after the quote.
_AFTER_SUBJECT_VERB = regex.compile(
    rf"^[\s,.;:!?’]*(?P<spk>[^\n.;:!?“”\"]{{1,100}}?)\s+{_AUX}(?P<verb>{_VERBS})\b",
    regex.IGNORECASE,
)
_AFTER_VERB_SUBJECT = regex.compile(
    rf"^[\s,.;:!?’]*(?P<verb>{_VERBS})\s+(?P<spk>[^\n.;:!?“”\"]{{1,100}}?)\s*[.,;]",
    regex.IGNORECASE,
)
_INSTITUTIONAL = regex.compile(
    r"\b(?:report|review|inspection|document|inspectors?|inspectorate|watchdog|regulator|"
    r"hmicfrs|hmic|hmip|ofsted|cqc|care\s+quality\s+commission|"
    r"majesty's\s+inspectorate|majesty’s\s+inspectorate|hm\s+inspectorate|findings|study|"
    r"it)\b",
    regex.IGNORECASE,
)
_PRONOUN = regex.compile(r"^(?:he|she|they)$", regex.IGNORECASE)
_TITLES = regex.compile(
    r"\b(?:mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|cllr|councillor|rev|"
    r"assistant|deputy|chief|detective|det|superintendent|supt|ch|inspector|insp|sergeant|sgt|"
    r"constable|commissioner|acc|dcc|cc|hm|his|her|majesty's|majesty’s|of|constabulary|"
    r"executive|officer|head|headteacher|principal|governor|director|minister|secretary|"
    r"police|and|crime|fire|rescue|services?|nursing|medical|the|a|an)\b\.?",
    regex.IGNORECASE,
)


def _trim_speaker(phrase: str) -> str | None:
    phrase = " ".join(phrase.split()).strip(" ,;—–-")
    phrase = regex.sub(
        r"^(?:In\s+a\s+(?:[\w-]+\s+)?statement|However|But|And|Meanwhile)\s*,?\s*",
        "",
        phrase,
        flags=regex.IGNORECASE,
    )
    if "," in phrase:
        parts = [p.strip() for p in phrase.split(",") if p.strip()]
        last = _LEAD_CONJUNCTION.sub("", parts[-1]) if parts else ""
        if last and (last != parts[-1] or _INSTITUTION_ALONE.fullmatch(last)):
            return last  # "..., run by Calder Services, and the report said": the report
        # "The Chief Inspector of Prisons, Imogen Farrance, said": the part that names a person
        people = [p for p in parts if _personal_name(p)]
        named = [p for p in parts if regex.search(r"\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+", p)]
        phrase = (people or named or [last])[0]
    return phrase or None


_INSTITUTION_ALONE = regex.compile(
    r"(?:the\s+)?(?:report|review|inspection|inspectors?|inspectorate|watchdog|regulator|"
    r"hmicfrs|hmi\w*|ofsted|cqc)",
    regex.IGNORECASE,
)
_LEAD_CONJUNCTION = regex.compile(r"^(?:and|but|while|whereas|as|so|yet)\s+", regex.IGNORECASE)


def find_speaker(text: str, open_mark: int, after_close: int) -> tuple[str | None, str | None]:
    """(speaker as written, attribution text) for a quote whose marks sit at these offsets."""
    line_start = text.rfind("\n", 0, open_mark) + 1
    before = text[line_start:open_mark]
    line_end = text.find("\n", after_close)
    after = text[after_close : line_end if line_end != -1 else len(text)]
    for found in (_before(before), _after(after)):
        if found is not None:
            return found
    return None, None


_ACCORDING_OPENING = regex.compile(
    r"\s*according\s+to\s+(?P<spk>[^,.;:“”\"\n]{2,80}),(?=[^“”\"]*$)", regex.IGNORECASE
)


def _before(before: str) -> tuple[str, str] | None:
    clause = regex.split(r"[“”\"]", before)[-1] if before.count("”") else before
    m = _ACCORDING.search(clause)
    if m:
        speaker = _trim_speaker(m.group("spk"))
        return (speaker, m.group(0).strip(" ,:")) if speaker else None
    m = _BEFORE.search(clause)
    if not m:
        # "According to the report, placements were "the biggest risk"": the opening names
        # whose words the sentence's quote is
        opening = _ACCORDING_OPENING.match(regex.split(r"(?<=[.!?])\s+", clause)[-1])
        speaker = opening and _trim_speaker(opening.group("spk"))
        return (speaker, opening.group(0).strip(" ,:")) if opening and speaker else None
    speaker = _trim_speaker(m.group("spk"))
    return (speaker, m.group(0).strip(" ,:")) if speaker else None


def _after(after: str) -> tuple[str, str] | None:
    for pattern in (_AFTER_VERB_SUBJECT, _AFTER_SUBJECT_VERB):
        m = pattern.match(after)
        if m and len(m.group("spk").split()) <= 8:
            speaker = _trim_speaker(m.group("spk"))
            if speaker:
                return speaker, m.group(0).strip(" ,.;:")
    return None


def speaker_key(speaker: str | None) -> str | None:
    """A key equal for every way of writing one speaker: surname, role, or the institution."""
    if not speaker:
        return None
    words = speaker.split()
    if len(words) == 1 and _PRONOUN.match(words[0]):
        return "(previous)"
    if len(words) == 1 and words[0].lower() == "another":
        return "(another)"  # "Another said:": one more of whoever spoke before
    name = _personal_name(speaker)
    if name:
        return name
    if _INSTITUTIONAL.search(speaker):
        return INSTITUTION
    role = " ".join(_TITLES.sub(" ", speaker.lower()).split()) or " ".join(speaker.lower().split())
    return "role:" + role


_ROLE_OF = regex.compile(r"\bof\s+(?:the\s+)?\p{Lu}[\p{L}'’-]+")
# "Ashgrove Living Ltd" is the company a spokesperson for Ashgrove Living speaks for.
_LEGAL_FORM = regex.compile(r"\s+(?:Ltd|Limited|plc|PLC|LLP|Inc)\.?(?=\s*$|\s*,)")
_ORGANISATION = regex.compile(
    r"\b(?:ltd|limited|plc|llp|company|group|trust|council|provider|firm|charity|"
    r"department|ministry|spokes(?:person|man|woman))\b",
    regex.IGNORECASE,
)


def names_institution(text: str) -> bool:
    """Whether text names the report or the inspectorate ("the regulator said")."""
    return bool(_INSTITUTION_NAMED.search(text))


_INSTITUTION_NAMED = regex.compile(rf"\b{_INSTITUTION_ALONE.pattern}\b", regex.IGNORECASE)


def organisation(speaker: str | None) -> bool:
    """A company, council or trust speaking, or someone speaking for one: what a later
    "It said" refers to."""
    return bool(speaker) and bool(_ORGANISATION.search(speaker or ""))


def _personal_name(speaker: str) -> str | None:
    """The surname in "Hampshire Constabulary's ACC Paul Bartolomeo" or "Ms Kowalski"."""
    tail = _LEGAL_FORM.sub("", regex.split(r"['’]s\s+", speaker)[-1])
    # "Chief Inspector of Prisons", "Chief Constable of Hampshire": what the role is of
    tail = _ROLE_OF.sub(" ", tail)
    capitals = [w.strip(",.") for w in regex.findall(r"\b\p{Lu}[\p{L}'’-]+", tail)]
    names = [w for w in capitals if not _TITLES.fullmatch(w) and not _INSTITUTIONAL.fullmatch(w)]
    if not names or regex.search(r"['’]s$", names[-1]):
        return None
    titled = regex.search(
        r"\b(?:mr|mrs|ms|miss|dr|prof|sir|dame|cllr)\.?\s+\p{Lu}", tail, regex.IGNORECASE
    )
    if len(names) < 2 and not titled and len(capitals) == len(names):
        return None  # a single capitalised word such as "Hampshire" is not a person
    return names[-1].lower()


# Words that place a named speaker inside the inspectorate: "Chief Inspector of Prisons
# Gareth Lomond", "Amelia Strickland, the CQC's deputy director".
INSPECTORATE = regex.compile(
    r"\b(?:inspector\w*|HMI\w*|HMICFRS|Ofsted|CQC|Care\s+Quality\s+Commission|watchdog|regulator)\b",
    regex.IGNORECASE,
)


def from_inspectorate(speaker: str | None, attribution: str | None) -> bool:
    """Whether the words naming a speaker place them in the inspectorate."""
    return bool(INSPECTORATE.search(f"{speaker or ''} {attribution or ''}"))


# Unnamed speakers on either side of a service: "one prisoner", "a detainee", "a mother"
# against "one member of staff", "a probation officer". Giving one's words to the other
# is a misattribution; two ways of naming one side ("one prisoner", "one inmate") are not.
_FAMILY = regex.compile(
    r"\b(?:parents?|mothers?|mums?|fathers?|dads?|daughters?|sons?|relatives?|famil(?:y|ies)|"
    r"wife|husband|partner|sister|brother|grandmother|grandfather)\b",
    regex.IGNORECASE,
)
_SERVICE_USERS = regex.compile(
    r"\b(?:prisoners?|inmates?|detainees?|patients?|residents?|pupils?|students?|learners?|"
    r"clients?|(?:man|woman|person|people)\s+(?:on|in|at|who|held|living)\b|"
    r"child|children|boys?|girls?|teenagers?|"
    r"service\s+users?|young\s+(?:person|people)|care\s+leavers?|apprentices?)",
    regex.IGNORECASE,
)
_STAFF = regex.compile(
    r"\b(?:officers?|staff|practitioners?|nurses?|doctors?|midwives|midwife|teachers?|governors?|"
    r"managers?|carers?|care\s+workers?|workers?|employees?|firefighters?|paramedics?)\b",
    regex.IGNORECASE,
)


def side_of_service(speaker: str | None) -> str | None:
    """ "family", "user" or "staff" for an unnamed speaker, or None when it is not clear.
    A relative's words are not a resident's, nor a resident's a carer's."""
    if not speaker:
        return None
    if _FAMILY.search(speaker):
        return "family"  # "the daughter of one man who uses the service"
    user, staff = bool(_SERVICE_USERS.search(speaker)), bool(_STAFF.search(speaker))
    if user == staff:
        return None
    return "user" if user else "staff"


# "One relative said", "a member of staff told us", "another prisoner": someone a report
# leaves unnamed on purpose, whom no one else can name.
_UNNAMED_LEAD = regex.compile(r"^(?P<lead>one|a|an|another)\s+(?=\p{L})", regex.IGNORECASE)


def unnamed(speaker: str | None) -> bool:
    """An unnamed speaker on one side of a service ("one on-call firefighter")."""
    return bool(_UNNAMED_LEAD.match(speaker or "")) and side_of_service(speaker) is not None


def another_of(speaker: str | None) -> str | None:
    """ "One member of staff" -> "another member of staff"; None for a named speaker."""
    m = _UNNAMED_LEAD.match(speaker or "")
    if not m or not speaker or m.group("lead").lower() == "another":
        return None
    return "another " + speaker[m.end() :]


# "Chief Fire Officer Diane Okafor said the service ...", "Dr Anil Bhatt, has now issued a
# statement": a person named as speaking, in reported speech before their quote.
_REPORTED_SPEAKER = regex.compile(
    rf"(?P<spk>(?:\p{{Lu}}[\p{{L}}'’.-]*\s+){{1,6}}\p{{Lu}}[\p{{L}}'’-]+),?\s+{_AUX}(?:now\s+)?"
    rf"(?:{_VERBS}|issued|released|gave|made|responded)\b"
)


def reported_speaker(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    """The last person named as speaking in text[start:end]: (speaker, key, attribution)."""
    found = None
    for m in _REPORTED_SPEAKER.finditer(text, start, end):
        key = _personal_name(m.group("spk"))
        if key:
            found = (m.group("spk"), key, m.group(0))
    return found
