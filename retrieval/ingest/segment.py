"""Paragraphs → meeting reports with attributed statements.

Rules (tested in tests/ingest): a paragraph whose narrative names a senator not in the current
meeting starts a new meeting; quotes and reported sentences belong to the meeting in progress.
Narrative sentences become `reported` statements when they carry a reporting cue ("сенатор
отметила, что", "по его словам", "подчеркнуто") or, without a cue, when they state content that
matches a theme ("Были рассмотрены нормы …"): the release's summary of what the meeting's
senators presented. Sentences that only report the meeting itself (who met whom, where) give
the place and audience instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from retrieval.ingest.attribution import Cue, Resolution, clause, resolve
from retrieval.ingest.drafts import PROBLEM_MESSAGES, MeetingDraft, Problem, StatementDraft
from retrieval.ingest.meeting_place import dateline_place, drop_preamble, read_venue
from retrieval.ingest.names import Stoplist
from retrieval.ingest.nlp import Analysis, Nlp, Sent
from retrieval.ingest.people import People
from retrieval.ingest.quotes import QuoteSpan, find_quotes, inside
from retrieval.ingest.reader import Paragraph, RawDocument
from retrieval.ingest.regions import load_gazetteer
from retrieval.ingest.roles import bare_deputy_is_senator, role_words
from retrieval.ingest.senators import SenatorDirectory
from retrieval.ingest.speaker_clues import (
    CITES_WORDS,
    EN_PRONOUN_START,
    OUR_TITLE,
    PARTICIPATION,
    RECAP,
    REPORT_FRAME,
    VOTED,
    WE_NARRATE,
    clause_cue,
    frame_gender_clash,
    frames_other,
    gender_clash,
    is_caption,
    names_a_senator,
    narrative,
    pronoun_subject,
    question_turns,
    taking_part,
    they_subject,
    zero_subject,
)
from retrieval.ingest.themes import ThemeTagger
from retrieval.ingest.venue import MEETING_RE, VENUE_RE
from retrieval.models import StatementKind

# "X. Бұл туралы сенатор Y мәлімдеді.", "X. Об этом заявил сенатор Y.", "X. This was stated by
# Senator Y.", "X. Такое мнение высказал сенатор Y.": the sentence points back at the one
# before it for its words
THIS_SAID = re.compile(
    r"^\s*(?:(?:бұл|осы)\s+(?:туралы|жөнінде)|об\s+этом|(?:this|that)\s+was\s+\w+\s+by"
    r"|(?:так\w*|подобн\w*|эт[оуи]\w*|данн\w*)\s+(?:мнени\w*|позици\w*|точк\w*\s+зрения))\b",
    re.I,
)
# "X. Y. Комиссияның отырысында сенатор Z осылай деп мәлімдеді": «осылай деп» (thus) points back
# at the sentences before it in the same way, from inside the sentence
THUS_SAID = re.compile(r"\bосылай\s+де(?:п|ді)\b", re.I)
# "X. X2. Мұндай пікірді сенатор Y … айтты" ("such a view"): the view is the sentences before
SUCH_VIEW = re.compile(r"^\s*(?:мұндай|осындай)\s+(?:пікір|ой|ұстаным|көзқарас)\w*\b", re.I)
_CLAIM_BACK = 3  # at most this many sentences before, all naming nobody


@dataclass
class Context:
    """Everything a document's segmentation needs; build it once per corpus build."""

    nlp: Nlp
    directory: SenatorDirectory
    tagger: ThemeTagger
    corpus_dir: Path
    stoplist: Stoplist | None = None  # terms that are never people (glossary, themes, places)


class Segmenter:
    """Walks one document's paragraphs, keeping the meeting in progress."""

    def __init__(self, doc: RawDocument, ctx: Context) -> None:
        self.doc = doc
        self.ctx = ctx
        self.kazakh = doc.language == "kk"
        self.meetings: list[MeetingDraft] = []
        self.problems: list[Problem] = []
        self._lead_cue: Cue | None = None  # "Сенатор отметила:" before a dash paragraph
        self._caption = False  # the last paragraph was a transcript caption ("X, role:")
        # quotes with no attribution, waiting for the next paragraph's "– сказал X" (one speech
        # over several dash paragraphs); unattributed if none comes
        self._pending: list[StatementDraft] = []
        self._carried: list[StatementDraft] = []  # given to the lead's speaker; a tail may differ
        self._introduced_at: int | None = None  # where this paragraph first names its senators
        # the one speaker of the sentence that closed the last paragraph ("Сенатор … атап
        # өтті."): a next paragraph that is only a «…» quote, with no tail, is theirs
        self._said: list[str] = []
        self._title_senators: list[str] = []
        self._named: list[str] = []  # the people the last sentence that named anyone named
        # that sentence named only someone else, in an oblique case ("слово предоставили
        # Нурлану Касенову", "поблагодарил акима Касенова"): a following «он» may be them or
        # the meeting's senator, so it is nobody's for sure
        self._oblique_last = False
        self._speaker_before: list[str] = []
        # this paragraph reports one speaker's words under 'Оның айтуынша, …' / 'По его
        # словам, …': the sentences after it are theirs too, topic words or not
        self._framed: list[str] = []
        # someone other than the meeting's senators was reported speaking in this paragraph
        # ("Member of the Commission X spoke about …"): its next sentences that name nobody
        # are that report's, not the senator's
        self._other_said: list[str] = []
        self._quotes: list[QuoteSpan] = []  # the paragraph's quotes, for the sentence reader
        whole = " ".join([doc.title, *(p.text for p in doc.paragraphs)])
        self.people = People(
            ctx.directory,
            kazakh=self.kazakh,
            stoplist=ctx.stoplist or Stoplist.load(ctx.corpus_dir),
            morph=ctx.nlp.morph_vocab,
            senate_context=bare_deputy_is_senator(whole),
            document=whole,
        )
        gazetteer = load_gazetteer(ctx.corpus_dir)
        self.town = gazetteer.town if gazetteer else None

    @property
    def current(self) -> MeetingDraft:
        return self.meetings[-1]

    def _senators(self) -> list[str]:
        return self.current.senators if self.meetings else []

    def run(self) -> tuple[list[MeetingDraft], list[Problem]]:
        if self.doc.own_title:  # "Сенатор Ринат Есимов ответил …": the headline names people too
            title = self.ctx.nlp.analyse(self.doc.title)
            named = [p.name for p in self.people.scan(title, 0, len(self.doc.title)).people]
            senators = [n for n in named if self.people.is_senator(n)]
            # "В Уральск приехал депутат Сената X" and a body that only says "депутат": the
            # headline's one senator is the first meeting's, when its first paragraph names none
            self._title_senators = senators if len(senators) == 1 == len(named) else []
        for para in self.doc.paragraphs:
            self._paragraph(para)
        self._flush_pending()
        drop_preamble(self.meetings)
        dateline_place(self.meetings, self.doc.dateline, self.town)
        for meeting in self.meetings:
            if not meeting.senators:
                self._warn("no_senator", "no senator found for this meeting", meeting.paragraph)
        return self.meetings, self.problems

    def _flush_pending(self) -> None:
        """Untailed quotes no later quote claimed: left unattributed, and the preview says so."""
        for draft in self._pending:
            self._warn("quote_without_attribution", "a quote with no '– said X'", draft.paragraph)
        self._pending = []

    def _warn(self, code: str, message: str, para: Paragraph) -> None:
        self.problems.append(Problem(code, message, para))

    # ---- paragraphs -----------------------------------------------------------------------
    def _paragraph(self, para: Paragraph) -> None:
        opening = not self.meetings  # the article's lead, even when it opens "Как сообщал …"
        if not opening and RECAP.match(para.text):
            self._recap()
            return
        quotes = find_quotes(para.text)
        caption, self._caption = self._caption, False
        if not quotes and caption and self._lead_cue is not None and self._lead_cue.names:
            # a transcript: "Қалқаман Жақып, коалиция мүшесі:" ¶ speech with no dash
            text = para.text
            quotes = [QuoteSpan(0, len(text), 0, len(text), text.strip())]
        if not (quotes and quotes[0].start == 0):
            self._carried = []
        if self._pending and not (quotes and quotes[0].start == 0):
            self._flush_pending()  # narrative came between: nobody claims those quotes
        analysis = self.ctx.nlp.analyse(para.text)
        found = self.people.scan(analysis, 0, len(para.text), quotes)
        names = [p.name for p in found.people if p.senator]
        if not names:
            names = self.people.promote(found, narrative(para.text, quotes))
        introduced: list[str] = []
        if not self.meetings:
            names = names or self._title_senators
            self.meetings.append(MeetingDraft(para, names))
            introduced = names
        else:
            new = [
                n for n in names if n not in self.current.senators or n in self.current.from_tails
            ]
            if new and not self.current.senators:
                self.current.senators.extend(new)
                introduced = new
            elif new:
                self.meetings.append(MeetingDraft(para, names))
                introduced = names
        if introduced or PARTICIPATION.search(para.text):
            # only those named beside the senators or as taking part, not anyone mentioned
            others = taking_part(
                self.people, found, analysis, 0, len(para.text), kazakh=self.kazakh
            )
            self.current.co_speakers += [n for n in others if n not in self.current.co_speakers]
        # narrative before the meeting's senators are first named is no senator's words
        self._introduced_at = min((found.first_at.get(n, 0) for n in introduced), default=None)
        lead, self._lead_cue = self._lead_cue, None  # only the very next paragraph may use it
        before, self._speaker_before = self._speaker_before, []
        tracked = 0  # narrative sentences read for whom they name, in the text's order
        for quote in quotes:
            tracked = self._track_narrative(analysis, quotes, quote.start, tracked)
            self._quote(quote, analysis, para, lead, before)
            lead, before = None, []
        self._said = []
        self._framed = []
        self._other_said = []
        self._quotes = quotes
        asked = question_turns(analysis, quotes)  # an interviewer's turns: nobody's statement
        for sent in analysis.sents:
            if any(a <= sent.start < b for a, b in asked):
                continue
            if not inside(sent.start, sent.stop, quotes):
                self._said = []
                if not opening and RECAP.match(analysis.text[sent.start : sent.stop]):
                    break  # the rest of the paragraph recaps earlier news too
                self._sentence(sent, analysis, para)
        self._speaker_before = [] if quotes else self._said

    def _recap(self) -> None:
        """A paragraph recapping earlier news: narrative between speeches, nobody's words."""
        self._flush_pending()
        self._carried, self._said, self._speaker_before = [], [], []
        self._lead_cue, self._caption = None, False

    def _cue_for(self, analysis: Analysis, start: int, end: int, *, tail: bool = False) -> Cue:
        return clause_cue(
            self.people, analysis, start, end, self._senators(), kazakh=self.kazakh, tail=tail
        )

    def _quote(
        self,
        quote: QuoteSpan,
        analysis: Analysis,
        para: Paragraph,
        lead: Cue | None,
        before: list[str],
    ) -> None:
        if quote.continues and self.current.statements:
            previous = self.current.statements[-1]
            self._add("quote", quote.text, Resolution(previous.speakers), para, None)
            return
        if quote.cue_start is not None and quote.cue_end is not None:
            cue = self._cue_for(analysis, quote.cue_start, quote.cue_end, tail=True)
        elif lead is not None:
            cue = lead
        elif _INTERVIEW_QUESTION.match(para.text) and quote.text.rstrip().endswith("?"):
            # "– Сіз … қалай бағалайсыз?" alone, with no tail: the interviewer's question, not
            # the words of whoever spoke last
            return
        elif before:
            self._add("quote", quote.text, Resolution(list(before)), para, None)
            self._pending = []
            self._carried = [self.current.statements[-1]]
            return
        else:
            self._add("quote", quote.text, Resolution([]), para, None)
            if self.current.statements:
                self._pending.append(self.current.statements[-1])
            return
        named_senators = [n for n in cue.names if self.people.is_senator(n)]
        # "«…», – отметил сенатор X": a senator named only in a quote's tail is at this meeting
        added = [n for n in named_senators if n not in self.current.senators]
        if self.current.senators:
            self.current.from_tails.update(added)
        self.current.senators.extend(added)
        resolution = resolve(cue, self.current.senators, quote=True, known=self.people.known)
        if resolution.problem == "ambiguous_speaker":
            resolution = Resolution([], "unattributed_quote")
        start, end = quote.cue_start, quote.cue_end
        if start is not None and end is not None and not cue.names:
            # "Аким X рассказал … ¶ – …, – сказал он.": «он» is the akim, not the senator
            if self._other_before(analysis, start, end):
                resolution = Resolution(list(self._named))
            elif self._oblique_last and pronoun_subject(analysis, start, end):
                resolution = Resolution([], "unattributed_quote")
        if start is not None and end is not None and gender_clash(analysis, start, end, resolution):
            resolution = Resolution([], "unattributed_quote")
        if (
            start is not None
            and end is not None
            and self._shared(cue, analysis, start, end, resolution)
        ):
            resolution = Resolution([], "unattributed_quote")  # "– сказал депутат" of several
        self._named = list(resolution.speakers)  # a later «он» is most likely this speaker
        self._oblique_last = self._oblique_last and not resolution.speakers  # still in doubt
        self._add("quote", quote.text, resolution, para, cue)
        if resolution.speakers and self._pending:
            for draft in self._pending:  # the same speech, begun in the paragraphs before
                draft.speakers = list(resolution.speakers)
                draft.roles = {s: self.people.role_of(s) for s in resolution.speakers}
        for draft in self._carried:  # its tail names someone else than the lead before it did
            if resolution.speakers and draft.speakers != resolution.speakers:
                draft.speakers, draft.roles = [], {}
        self._pending, self._carried = [], []

    def _sentence(self, sent: Sent, analysis: Analysis, para: Paragraph) -> None:
        text = analysis.text[sent.start : sent.stop].strip()
        meeting = self.current
        if VENUE_RE.search(text):
            read_venue(
                meeting,
                sent,
                analysis,
                self.people,
                nlp=self.ctx.nlp,
                town=self.town,
                corpus_dir=self.ctx.corpus_dir,
                kazakh=self.kazakh,
            )
        if text.endswith(":"):
            start, end = clause(sent, analysis.text)
            self._lead_cue = self._cue_for(analysis, start, end)
            self._caption = is_caption(text, self._lead_cue, para)
            return
        start, end = clause(sent, analysis.text)
        cue = self._cue_for(analysis, start, end)
        if not cue.names and frames_other(text, senate_context=self.people.senate_context):
            cue.other = True  # "По словам президента, …": his words, not the senator's
        if cue.names and OUR_TITLE.match(text):
            cue.names, cue.oblique = [], True  # "Президентіміз X … айтты": X is spoken of
        prior = self._named
        oblique_before = self._oblique_last
        cites = bool(CITES_WORDS.search(text))  # someone else's words: not this speaker's
        self._note_named(cue, analysis.text[start:end], cites)
        themes = self.ctx.tagger.tag(text)
        if MEETING_RE.search(text) and not cue.speech:
            return  # "X встретилась с жителями …": the meeting itself, not a statement
        if self._framed and cue.group and not cue.speech and not cue.names:
            # "Оның айтуынша, … . Егер азаматтар жобаны қолдаса, …": the citizens are what the
            # framed speaker speaks of, no speaker of their own (the sentence was lost)
            cue.other = False
        if cue.names or cue.other:
            self._framed = []  # someone else comes in: the report under the frame ends
        if not cue.speech and (not themes or cue.other) and not self._framed:
            return
        if not cue.speech and WE_NARRATE.search(text):
            return  # "… депутатпен әңгімелескен едік": the interviewer's own narrative
        if not cue.speech and not self._framed and VOTED.search(text):
            return  # "X №111 учаскеде дауыс берді": polling day's act, not X's words
        resolution = resolve(cue, meeting.senators, known=self.people.known)
        before = self._introduced_at is not None and sent.stop <= self._introduced_at
        if cue.asking or cue.oblique:
            # "Журналисты спросили сенатора …": the question is not the words of the one asked;
            # "… курса Главы государства X": X is no speaker, and no senator is named either
            resolution = Resolution([], "unattributed_reported")
        elif resolution.problem == "ambiguous_speaker" or (before and not cue.names):
            resolution = Resolution([], "unattributed_reported")
        elif self._shared(cue, analysis, start, end, resolution, prior):
            # "В состав делегации вошли сенатор X, депутаты Мажилиса Y и Z. … были разъяснены
            # изменения": the delegation's narrative, not the one senator's words
            resolution = Resolution([], "unattributed_reported")
        elif not cue.names and self._other_before(analysis, start, end, prior):
            # "… сказал Касым-Жомарт Токаев. Он добавил, что …": «он» is the person named last,
            # not the meeting's senator by default
            resolution = Resolution(prior)
        elif oblique_before and not cue.names and pronoun_subject(analysis, start, end):
            resolution = Resolution([], "unattributed_reported")
        elif not cue.names and len(meeting.senators) < 2 and they_subject(analysis, start, end):
            resolution = Resolution([], "unattributed_reported")  # "олар … деді": a group
        elif self._framed and not cue.names and not cue.other and not meeting.senators:
            # "Оның айтуынша, … . Ең маңызды …": the framed report of a speaker who is no
            # senator goes on under the frame (it was nobody's)
            resolution = Resolution(list(self._framed))
        elif (
            self._other_said
            and not cue.names
            and not role_words(analysis.text[start:end], senate_context=self.people.senate_context)
        ):
            # "Member of the Commission X spoke about the referendum. The procedure will be …":
            # the rest of X's report, which names nobody, is not the meeting senator's
            resolution = Resolution([], "unattributed_reported")
        elif (
            cue.speech
            and (end < sent.stop or EN_PRONOUN_START.match(text))
            and gender_clash(analysis, start, end, resolution)
        ):
            # 'Она отметила, что …' (only the reporting clause before 'что'/':': the reported
            # words may have verbs of their own, 'По словам сенатора, Конституция стала …')
            resolution = Resolution([], "unattributed_reported")
        if frame_gender_clash(analysis, start, end, resolution.speakers):
            resolution = Resolution([], "unattributed_reported")  # 'По её словам' for a man
        if cue.speech and len(resolution.speakers) == 1:
            if THIS_SAID.match(text):
                text = self._claim_before(sent, analysis) + text
            elif THUS_SAID.search(analysis.text[start:end]) or SUCH_VIEW.match(text):
                text = self._claim_before(sent, analysis, back=_CLAIM_BACK) + text
        self._add("reported", text, resolution, para, cue, themes)
        if cue.names:  # whom this sentence is given to: someone else, or a senator
            others = [n for n in resolution.speakers if n not in meeting.senators]
            self._other_said = others if others and others == resolution.speakers else []
        if cue.speech and len(resolution.speakers) == 1 and not resolution.problem:
            self._said = [] if cites else list(resolution.speakers)
            if REPORT_FRAME.match(text) and not cites:
                self._framed = list(resolution.speakers)

    def _claim_before(self, sent: Sent, analysis: Analysis, back: int = 1) -> str:
        """'X. Бұл туралы сенатор Y мәлімдеді.': the words are the sentence before, in the same
        paragraph, naming nobody (as narrative before Y was named they were nobody's, or lost);
        with `back` > 1 ('X. X2. … Y осылай деп мәлімдеді.') the run of such sentences before.
        Returns them with a space, to stand before the sentence that says whose they are."""
        index = next((i for i, s in enumerate(analysis.sents) if s.start == sent.start), 0)
        claimed: list[str] = []
        for prev in reversed(analysis.sents[max(0, index - back) : index]):
            text = analysis.text[prev.start : prev.stop].strip()
            if not text or text.endswith(":") or inside(prev.start, prev.stop, self._quotes):
                break
            start, end = clause(prev, analysis.text)
            cue = self._cue_for(analysis, start, end)
            said = cue.speech and role_words(text, senate_context=self.people.senate_context)
            if cue.names or cue.other or said:
                break  # names somebody, or "аким отметил, что …": someone else's sentence
            statements = self.current.statements
            if statements and statements[-1].text == text and not statements[-1].speakers:
                statements.pop()  # kept as nobody's: now it is the speaker's
            claimed.insert(0, text)
        return "".join(t + " " for t in claimed)

    def _shared(
        self,
        cue: Cue,
        analysis: Analysis,
        start: int,
        end: int,
        resolution: Resolution,
        prior: list[str] | None = None,
    ) -> bool:
        """Others take part beside the meeting's senators and the clause names neither a
        person nor a senator as such: it may be anyone's words ('были разъяснены', 'отметил
        депутат'); «он» right after a senator was named stays the senator's."""
        senators = self.current.senators
        if not resolution.speakers or any(n not in senators for n in resolution.speakers):
            return False  # nobody's already, or someone named before («он» the akim)
        if not self.current.co_speakers or cue.names or names_a_senator(analysis, start, end):
            return False
        if DEPUTY_WORD.search(analysis.text[start:end]) and not any(
            _may_be_deputy(self.people.role_of(n)) for n in self.current.co_speakers
        ):
            return False  # "– деді депутат" beside only a President or an akim: the senator
        prior = self._named if prior is None else prior
        after_senator = bool(prior) and all(n in senators for n in prior)
        subject = pronoun_subject(analysis, start, end) or zero_subject(analysis, start, end)
        return not (after_senator and subject)

    def _note_named(self, cue: Cue, clause_text: str, cites: bool) -> None:
        """Remember whom a narrative sentence named, for a later «он/она/ол»."""
        if cue.names and not cites:
            self._named = list(cue.names)  # whom the text named last
            self._oblique_last = False
        elif role_words(clause_text, senate_context=self.people.senate_context):
            self._named = []  # "Сенатор отметил …", "глава региона сказал …": someone unnamed
            self._oblique_last = False
        elif cue.oblique:
            self._named, self._oblique_last = [], True

    def _track_narrative(
        self, analysis: Analysis, quotes: list[QuoteSpan], until: int, done: int
    ) -> int:
        """'Слово предоставили Гульнар Сапаровой. – …, – сказала она.': the narrative before a
        quote in its own paragraph says who «она» is, not the paragraph before (the quotes are
        read first; the pronoun went to the person named a paragraph earlier, a wrong
        attribution). Returns how many of the paragraph's sentences are read."""
        sents = analysis.sents
        while done < len(sents) and sents[done].stop <= until:
            sent = sents[done]
            done += 1
            text = analysis.text[sent.start : sent.stop].strip()
            if inside(sent.start, sent.stop, quotes) or text.endswith(":"):
                continue
            start, end = clause(sent, analysis.text)
            cue = self._cue_for(analysis, start, end)
            self._note_named(cue, analysis.text[start:end], bool(CITES_WORDS.search(text)))
        return done

    def _other_before(
        self, analysis: Analysis, start: int, end: int, named: list[str] | None = None
    ) -> bool:
        """Is «он/она/ол» in this clause the one person named last, who is no senator here?"""
        named = self._named if named is None else named
        return (
            len(named) == 1
            and named[0] not in self._senators()
            and pronoun_subject(analysis, start, end)
        )

    def _add(
        self,
        kind: StatementKind,
        text: str,
        resolution: Resolution,
        para: Paragraph,
        cue: Cue | None,
        themes: list[str] | None = None,
    ) -> None:
        if not text:
            return
        if resolution.problem and resolution.problem != "no_senator":  # said once per meeting
            self._warn(
                resolution.problem, PROBLEM_MESSAGES[resolution.problem].format(text[:60]), para
            )
        self._check_gender(resolution.speakers, cue, para)
        themes = self.ctx.tagger.tag(text) if themes is None else themes
        roles = {s: self.people.role_of(s) for s in resolution.speakers}
        draft = StatementDraft(kind, text, resolution.speakers, themes, para, roles)
        self.current.statements.append(draft)

    def _check_gender(self, speakers: list[str], cue: Cue | None, para: Paragraph) -> None:
        if cue is None or cue.gender is None or len(speakers) != 1:
            return
        parts = speakers[0].split()
        genders = {self.ctx.nlp.gender(p) for p in parts} - {None}
        if len(genders) == 1 and cue.gender not in genders:
            self._warn(
                "gender_mismatch",
                f"the verb's gender ({cue.gender}) does not match {speakers[0]}",
                para,
            )


# a paragraph that is one dash turn: an interview's layout, a turn per paragraph
_INTERVIEW_QUESTION = re.compile(r"^\s*[–—-]\s")
DEPUTY_WORD = re.compile(r"\b(?:депутат\w*|deputy|deputies)\b", re.I)
# a role that a bare "депутат" may stand for: any deputy's, or one the text did not give
_DEPUTY_ROLE = re.compile(r"депутат|deputy|мәслихат|маслихат|мәжіліс|мажилис|парламент|сенат", re.I)


def _may_be_deputy(role: str) -> bool:
    return not role or bool(_DEPUTY_ROLE.search(role))


def segment(doc: RawDocument, ctx: Context) -> tuple[list[MeetingDraft], list[Problem]]:
    return Segmenter(doc, ctx).run()
