//! Claims: every figure of an article with what it counts, its hedge, its scope, its
//! sentence and its exact place.
//!
//! This stage puts together what the figure, noun and scope stages find, sentence by
//! sentence, and records the words around each figure that the topic stage will need.

use crate::base::calendar::DayNumber;
use crate::base::exact;
use crate::base::interval::{Bound, Interval};
use crate::base::lang::Language;
use crate::base::morphology;
use crate::base::span::Span;
use crate::base::tokens::TokenKind;
use crate::extract::figures::{self, Figure, Hedge, Unit, View};
use crate::extract::frame::{self, parts, places, times, Frame};
use crate::extract::non_claims;
use crate::extract::nouns::{self, Counted};
use crate::extract::scope;
use crate::source::{Location, Paragraph, Paragraphs, Source};
use std::sync::Arc;

/// One numeric claim of one source.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Its source's path, language and day, one copy shared by the source's claims
    /// (see [`Claim::source`], [`Claim::language`], [`Claim::written`]).
    pub(crate) origin: Arc<Origin>,
    /// Index of the paragraph in its source: 32 bits, as the claim's spans are.
    pub(crate) paragraph: u32,
    /// Where the claim's wording starts (see [`Claim::location`]).
    pub(crate) at: Place,
    /// The figure as stated (scale applied; for a range or vague amount, its low end).
    pub value: f64,
    /// What the figure allows, packed (see [`Claim::interval`]): its bounds' values,
    /// and which bounds there are and are inclusive. Two `Option<Bound>` took 32 bytes
    /// where these take 17, and every claim of an archive is held until the report.
    lower: f64,
    upper: f64,
    ends: Ends,
    pub hedge: Option<Hedge>,
    pub unit: Unit,
    /// Where [`Claim::quote`] and [`Claim::figure`] stand in the claim's sentence, in
    /// bytes from its start: spans, not copies, since every claim of a corpus is held
    /// until the report.
    pub(crate) wording: Wording,
    /// Where the claim's sentence stands in its paragraph (see [`Claim::sentence`]):
    /// a span of the paragraphs its origin shares with its source, since the sentences
    /// of every claim of an archive, copied, were the archive's text held twice.
    pub(crate) sentence_at: SentenceAt,
    /// Where the figure holds and the other occasion it is of (see [`Claim::scope`],
    /// [`Claim::occasion`]): few claims have either, and two strings in every claim
    /// took 32 bytes where this takes 8.
    aside: Option<Box<Aside>>,
    /// What the figure counts, if anything could be found. Shared: once the claim is
    /// placed, `hcx diff` keeps only what its reports read of it (see
    /// [`CountedThing::reported`]), one copy for the claims that count alike.
    pub counted: Option<Arc<CountedThing>>,
    /// The verb that says what happened to the counted thing (see [`Claim::action`]).
    /// Shared: `hcx diff` keeps one copy of each verb for the claims that have it (see
    /// `analysis::reported`); boxed twice, so that the pointer takes 8 bytes, not 16.
    pub(crate) action: Option<Arc<Box<str>>>,
    /// The words of the claim's sentence seen from the claim, for the topic rules;
    /// emptied once the claim is placed.
    pub context: Context,
    /// Which part, where, whose and when, as the sentence states it. Shared: once the
    /// claim is placed, `hcx diff` keeps only what its report reads of it (see
    /// [`Frame::reported`]), and most claims then share one empty frame.
    pub frame: Arc<Frame>,
    /// How far off the figure may be from its value by the rounding its wording implies:
    /// 50,000 for "1.2 million", 0 for "1,213,000".
    pub rounding: f64,
}

/// What few claims have beside their figure.
#[derive(Debug, Clone, Default)]
struct Aside {
    /// Where or of what the figure holds ("in Texas", "of which 12 children").
    scope: Option<Box<str>>,
    /// The other occasion the claim is about ("2015", "last year"), when the event stage
    /// finds it is not the event's: such a figure is context, never compared.
    occasion: Option<Box<str>>,
}

impl Aside {
    /// The aside of a claim, if it has anything beside its figure.
    fn of(scope: Option<Box<str>>, occasion: Option<Box<str>>) -> Option<Box<Aside>> {
        (scope.is_some() || occasion.is_some()).then(|| Box::new(Aside { scope, occasion }))
    }
}

/// What a claim keeps of its source. Every claim of an archive is held until the
/// report, so what is the same for all of a source's claims is held once for them.
#[derive(Debug)]
pub struct Origin {
    /// The path as given.
    pub path: Box<str>,
    /// The language whose word lists later stages ask about the claim's words.
    pub language: &'static Language,
    /// The day the source was written, when it says (see `source::Source::date`).
    pub written: Option<DayNumber>,
    /// The source's paragraphs, which the claims quote.
    pub paragraphs: Arc<Paragraphs>,
}

impl Origin {
    /// What a claim of `source` keeps of it.
    pub fn of(source: &Source) -> Origin {
        Origin {
            path: source.path.as_str().into(),
            language: source.language,
            written: source.date,
            paragraphs: Arc::clone(&source.paragraphs),
        }
    }
}

/// The counted noun phrase of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CountedThing {
    pub phrase: String,
    /// Lower-case words, head last.
    pub words: Vec<String>,
    /// Their singulars, as counted nouns are matched.
    pub singulars: Vec<String>,
    /// Proper-noun modifiers or a named part of a place ("African", "capital"), which
    /// make the figure a sub-count of its own.
    pub qualifier: Option<String>,
    /// The group a part of a whole is ("female", "Egyptians", "critically"): "23 of them
    /// were women" counts the whole's thing, restricted to the group.
    pub part: Option<String>,
}

/// Where a claim's sentence stands in its paragraph: its start in 32 bits, as every
/// offset in a paragraph, and its length in 16, since no sentence is longer than
/// [`crate::sentences::MAX_SENTENCE`] bytes. One that did not fit would be held as
/// empty: its claim would show no sentence rather than another's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct SentenceAt {
    start: u32,
    len: u16,
}

impl SentenceAt {
    pub fn new(range: std::ops::Range<usize>) -> SentenceAt {
        match (u32::try_from(range.start), u16::try_from(range.len())) {
            (Ok(start), Ok(len)) => SentenceAt { start, len },
            _ => SentenceAt::default(),
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        let start = self.start as usize;
        start..start + usize::from(self.len)
    }
}

/// A file location in eight bytes, as a claim holds it. A line or column past 2^32,
/// which only a file of more than 4 GiB could hold, is held as the largest there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    line: u32,
    column: u32,
}

impl Place {
    pub fn new(location: Location) -> Place {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Place {
            line: small(location.line),
            column: small(location.column),
        }
    }
}

/// Which bounds of a claim's interval there are, and which are inclusive, in a byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ends(u8);

impl Ends {
    const LOWER: u8 = 1;
    const LOWER_INCLUSIVE: u8 = 2;
    const UPPER: u8 = 4;
    const UPPER_INCLUSIVE: u8 = 8;

    /// An interval's bounds, as a claim's fields `(lower, upper, ends)`.
    fn pack(interval: Interval) -> (f64, f64, Ends) {
        let mut ends = 0;
        let mut bound = |bound: Option<Bound>, there: u8, inclusive: u8| match bound {
            Some(b) => {
                ends |= there | if b.inclusive { inclusive } else { 0 };
                b.value
            }
            None => 0.0,
        };
        let lower = bound(interval.lower, Ends::LOWER, Ends::LOWER_INCLUSIVE);
        let upper = bound(interval.upper, Ends::UPPER, Ends::UPPER_INCLUSIVE);
        (lower, upper, Ends(ends))
    }

    /// The bound of `value` when the flag `there` is set.
    fn bound(self, value: f64, there: u8, inclusive: u8) -> Option<Bound> {
        (self.0 & there != 0).then_some(Bound {
            value,
            inclusive: self.0 & inclusive != 0,
        })
    }
}

/// Where [`Claim::quote`] and [`Claim::figure`] stand in the claim's sentence, in
/// bytes from its start, in 16 bits as [`SentenceAt`]'s length. The figure, with its
/// hedge, starts with the quote. Offsets that do not fit are held as no wording.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Wording {
    start: u16,
    quote_end: u16,
    figure_end: u16,
}

impl Wording {
    fn new(start: usize, quote_end: usize, figure_end: usize) -> Wording {
        match (
            u16::try_from(start),
            u16::try_from(quote_end),
            u16::try_from(figure_end),
        ) {
            (Ok(start), Ok(quote_end), Ok(figure_end)) => Wording {
                start,
                quote_end,
                figure_end,
            },
            _ => Wording::default(),
        }
    }

    /// Hedge, figure and counted noun.
    pub(crate) fn quote(self) -> std::ops::Range<usize> {
        usize::from(self.start)..usize::from(self.quote_end)
    }

    /// The figure alone, with its hedge.
    fn figure(self) -> std::ops::Range<usize> {
        usize::from(self.start)..usize::from(self.figure_end)
    }
}

#[cfg(test)]
impl Claim {
    /// A claim of `value` in a source of its own whose paragraph is the figure alone,
    /// for the tests of later stages.
    pub(crate) fn bare(
        source: &str,
        line: usize,
        value: f64,
        interval: Interval,
        hedge: Option<Hedge>,
        scope: Option<&str>,
    ) -> Claim {
        let text = format!("{value}");
        let paragraphs = Arc::clone(&crate::source::parse_all(&[("t.txt", &text)])[0].paragraphs);
        assert_eq!(
            paragraphs.at(0).text(),
            text,
            "the claim's sentence is its paragraph"
        );
        let (lower, upper, ends) = Ends::pack(interval);
        Claim {
            origin: Arc::new(Origin {
                path: source.into(),
                language: crate::base::lang::ENGLISH,
                written: None,
                paragraphs,
            }),
            paragraph: 0,
            at: Place::new(Location { line, column: 1 }),
            value,
            lower,
            upper,
            ends,
            hedge,
            unit: Unit::Count,
            wording: Wording::all(&text),
            sentence_at: SentenceAt::new(0..text.len()),
            aside: Aside::of(scope.map(Box::from), None),
            counted: None,
            action: None,
            context: Context::default(),
            frame: Arc::default(),
            rounding: 0.0,
        }
    }
}

#[cfg(test)]
impl Wording {
    /// All of `text`, as both wording and figure.
    pub fn all(text: &str) -> Wording {
        Wording::new(0, text.len(), text.len())
    }
}

impl Claim {
    /// Where the claim's wording starts.
    pub fn location(&self) -> Location {
        Location {
            line: self.at.line as usize,
            column: self.at.column as usize,
        }
    }

    /// The verb that says what happened to the counted thing ("killed").
    pub fn action(&self) -> Option<&str> {
        self.action.as_deref().map(|verb| &**verb)
    }

    /// Where or of what the figure holds, as its sentence says ("in Texas").
    pub fn scope(&self) -> Option<&str> {
        self.aside.as_deref()?.scope.as_deref()
    }

    /// The other occasion the claim is about ("2015", "last year"), when the event
    /// stage finds it is not the event's: such a figure is context, never compared.
    pub fn occasion(&self) -> Option<&str> {
        self.aside.as_deref()?.occasion.as_deref()
    }

    /// Sets (or clears) [`Claim::occasion`].
    pub fn set_occasion(&mut self, occasion: Option<Box<str>>) {
        let scope = self.aside.take().and_then(|aside| aside.scope);
        self.aside = Aside::of(scope, occasion);
    }

    /// What the figure allows the true value to be.
    pub fn interval(&self) -> Interval {
        Interval {
            lower: self
                .ends
                .bound(self.lower, Ends::LOWER, Ends::LOWER_INCLUSIVE),
            upper: self
                .ends
                .bound(self.upper, Ends::UPPER, Ends::UPPER_INCLUSIVE),
        }
    }

    /// The path of the claim's source, as given.
    pub fn source(&self) -> &str {
        &self.origin.path
    }

    /// The language of the claim's source.
    pub fn language(&self) -> &'static Language {
        self.origin.language
    }

    /// The day the claim's source was written, when it says.
    pub fn written(&self) -> Option<DayNumber> {
        self.origin.written
    }

    /// Index of the claim's paragraph in its source.
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    /// The claim's sentence as it reads in its paragraph.
    pub fn sentence(&self) -> &str {
        // `get`, not `at`: a paragraph index past 2^32 (a file of over 4 GiB) is held
        // as the largest, which no paragraph has; its claim shows no sentence.
        self.origin
            .paragraphs
            .get(self.paragraph())
            .and_then(|p| p.text().get(self.sentence_at.range()))
            .unwrap_or_default()
    }

    /// True when both claims were read in one sentence.
    pub fn shares_sentence(&self, other: &Claim) -> bool {
        Arc::ptr_eq(&self.origin.paragraphs, &other.origin.paragraphs)
            && self.paragraph == other.paragraph
            && self.sentence_at == other.sentence_at
    }

    /// The figure's wording exactly as in the file: hedge, figure and counted noun.
    pub fn quote(&self) -> &str {
        self.sentence()
            .get(self.wording.quote())
            .unwrap_or_default()
    }

    /// What its sentence says after the claim's wording.
    pub fn after_wording(&self) -> &str {
        self.sentence()
            .get(self.wording.quote().end..)
            .unwrap_or_default()
    }

    /// The figure alone as written, with its hedge: "over 2,500", "$2.3bn".
    pub fn figure(&self) -> &str {
        self.sentence()
            .get(self.wording.figure())
            .unwrap_or_default()
    }

    /// The day the figure stood at: the day its sentence says it was counted ("as of
    /// July 31"), else the day its source was written.
    pub fn counted_on(&self) -> Option<DayNumber> {
        self.frame
            .as_of
            .and_then(|t| t.resolve(self.written()))
            .or(self.written())
    }
}

impl CountedThing {
    /// The head noun, lower-case; empty once `hcx diff` has cut the thing to what it
    /// reports ([`CountedThing::reported`]), whose readers take `singulars` instead.
    pub fn head(&self) -> &str {
        self.words.last().map_or("", String::as_str)
    }

    /// What the reports and checks of `hcx diff` read of a placed claim's counted thing:
    /// the phrase as written, the head's singular (the sum check's key), the qualifier
    /// and the part. Its other words served placement.
    #[must_use]
    pub fn reported(&self) -> CountedThing {
        CountedThing {
            phrase: self.phrase.clone(),
            words: Vec::new(),
            singulars: self.singulars.last().cloned().into_iter().collect(),
            qualifier: self.qualifier.clone(),
            part: self.part.clone(),
        }
    }
}

/// A word of a sentence, as the topic rules match it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceWord {
    /// Index of the word's token in the sentence.
    pub token: usize,
    /// Lower-case as written.
    pub word: String,
    pub stem: String,
    /// How many of the sentence's words before it link a subject to its figure ("had
    /// risen to"): a subject is as near its figure as the words between that are not
    /// such links.
    pub links_before: u32,
    /// Whether it is such a link itself.
    pub links: bool,
}

/// The words of a claim's sentence, seen from the claim. The words are shared by every
/// claim of the sentence (a sentence of many figures would otherwise copy them all once
/// per figure); each claim adds only where its wording and its clause stand. Extraction
/// and placement read it; it is emptied once the claim is placed, and an empty one
/// takes a pointer's room in each of the claims every source holds until the report.
#[derive(Debug, Clone, Default)]
pub struct Context(Option<Box<Seen>>);

#[derive(Debug, Clone)]
struct Seen {
    words: Arc<[SentenceWord]>,
    /// First and last token of the claim's wording.
    span: (usize, usize),
    /// First and last token of the claim's clause.
    clause: (usize, usize),
    /// How many words before the claim's wording link a subject to its figure.
    links_to_span: u32,
    /// First and last token of the figure itself.
    figure: (usize, usize),
}

/// A word of the claim's sentence and how far it stands from the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextWord<'a> {
    pub word: &'a str,
    pub stem: &'a str,
    /// Tokens between the word and the claim's wording (0 inside it).
    pub distance: usize,
    /// True when the word is in the claim's own clause.
    pub in_clause: bool,
}

impl Context {
    fn new(
        words: &Arc<[SentenceWord]>,
        span: (usize, usize),
        clause: (usize, usize),
        figure: (usize, usize),
    ) -> Self {
        Context(Some(Box::new(Seen {
            links_to_span: links_before(words, span.0),
            words: Arc::clone(words),
            span,
            clause,
            figure,
        })))
    }

    fn words(&self) -> &[SentenceWord] {
        self.0.as_deref().map_or(&[], |s| &s.words)
    }

    /// First and last token of the claim's wording.
    fn span(&self) -> (usize, usize) {
        self.0.as_deref().map_or((0, 0), |s| s.span)
    }

    /// First and last token of the claim's clause.
    fn clause(&self) -> (usize, usize) {
        self.0.as_deref().map_or((0, 0), |s| s.clause)
    }

    /// First and last token of the figure itself.
    fn figure(&self) -> (usize, usize) {
        self.0.as_deref().map_or((0, 0), |s| s.figure)
    }

    pub fn len(&self) -> usize {
        self.words().len()
    }

    pub fn is_empty(&self) -> bool {
        self.words().is_empty()
    }

    /// The `i`th word of the sentence, seen from the claim.
    pub fn get(&self, i: usize) -> ContextWord<'_> {
        let w = &self.words()[i];
        let k = w.token;
        let span = self.span();
        let clause = self.clause();
        let distance = if k < span.0 {
            // "The death toll had risen to 381 people": the verb chain between a
            // subject and its figure does not set the subject apart from it.
            let links_to_span = self.0.as_deref().map_or(0, |s| s.links_to_span);
            let between = links_to_span - w.links_before - u32::from(w.links);
            (span.0 - k).saturating_sub(between as usize).max(1)
        } else {
            k.saturating_sub(span.1)
        };
        ContextWord {
            word: &w.word,
            stem: &w.stem,
            distance,
            in_clause: k >= clause.0 && k <= clause.1,
        }
    }

    /// True when `verb` stands before the claim's wording in its clause: the figure is
    /// its object ("invested billions"), not its subject ("thousands left").
    pub fn is_object_of(&self, verb: &str) -> bool {
        let (clause, span) = (self.clause(), self.span());
        self.words()
            .iter()
            .any(|w| w.word == verb && w.token >= clause.0 && w.token < span.0)
    }

    /// Every word of the sentence, in order.
    pub fn iter(&self) -> impl Iterator<Item = ContextWord<'_>> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// How many of a sentence's words before token `token` link a subject to its figure.
fn links_before(words: &[SentenceWord], token: usize) -> u32 {
    let next = words.partition_point(|w| w.token < token);
    match words.get(next) {
        Some(w) => w.links_before,
        None => words
            .last()
            .map_or(0, |l| l.links_before + u32::from(l.links)),
    }
}

/// Extracts every claim of a source.
pub fn extract(source: &Source) -> Vec<Claim> {
    let mut out = Vec::new();
    extract_each(source, &mut |claim| out.push(claim));
    out
}

/// Hands every claim of a source to `each` as it is found, so a caller that keeps only
/// part of a claim never holds them all whole.
pub fn extract_each(source: &Source, each: &mut dyn FnMut(Claim)) {
    let origin = Arc::new(Origin::of(source));
    for paragraph in source.paragraphs.iter() {
        extract_paragraph(source, &origin, paragraph, each);
    }
}

/// Extracts the claims of one paragraph, handing each to `each`.
fn extract_paragraph(
    source: &Source,
    origin: &Arc<Origin>,
    paragraph: Paragraph,
    each: &mut dyn FnMut(Claim),
) {
    let lang = source.language;
    let index = paragraph.index();
    let text = paragraph.text();
    if !may_hold_figure(text, lang) {
        return;
    }
    // The paragraph's last claim that counts something: "23 of them were women" in the
    // next sentence counts what it counted.
    let mut last: Option<Claim> = None;
    for sentence in crate::sentences::of(paragraph, lang) {
        // Most sentences of a paragraph with a figure hold none: they are passed over
        // before they are tokenized.
        if !may_hold_figure(sentence.text(text), lang) {
            continue;
        }
        let view = View::new(lang, text, sentence.start, sentence.end);
        if view.is_empty() {
            continue;
        }
        // An age is known only once the figure's subject is: "the victim was 63".
        let mut found = figures::find(&view);
        found.retain(|fig| !non_claims::is_age_of_person(&view, fig));
        if found.is_empty() {
            continue;
        }
        let at = Sentence {
            origin,
            index,
            paragraph,
            span: sentence,
            view: &view,
            scopes: scope::find(lang, text, sentence.start, sentence.end),
            words: view
                .lower
                .iter()
                .zip(&view.tokens)
                .enumerate()
                .filter(|(_, (_, token))| token.kind == TokenKind::Word)
                .scan(0, |links_before, (token, (word, _))| {
                    let links = lang.linking_words.contains(word);
                    let w = SentenceWord {
                        token,
                        word: word.to_string(),
                        stem: morphology::stem(word),
                        links_before: *links_before,
                        links,
                    };
                    *links_before += u32::from(links);
                    Some(w)
                })
                .collect(),
        };
        let mut built: Vec<Claim> = Vec::with_capacity(found.len());
        for fig in &found {
            let before = Before {
                in_sentence: built.iter().rev().find(|c| c.counted.is_some()),
                in_paragraph: built
                    .iter()
                    .rev()
                    .find(|c| c.counted.is_some())
                    .or(last.as_ref()),
                owner: built.iter().rev().find_map(|c| c.frame.owner.clone()),
                conversion_of: built.last(),
            };
            if let Some(claim) = build(&at, fig, &before) {
                built.push(claim);
            }
        }
        frame_from_sentence(&view, &found, &mut built);
        if let Some(claim) = built.iter().rev().find(|c| c.counted.is_some()) {
            last = Some(claim.clone());
        }
        for claim in built {
            each(claim);
        }
    }
}

/// Gives each claim of a sentence the times and places that bound it: those of its
/// own clause; a time or place in a clause with no figure that opens the sentence ("In
/// the global 2022 outbreak, which affected more than 70 countries, ..."; "In Scotland,
/// the SNP lost 38 seats") or points back at the figures before it ("These had been
/// occurring since January 2022"); for a part of a whole, its whole's places.
fn frame_from_sentence(view: &View, figures: &[Figure], built: &mut [Claim]) {
    let anchors = times::anchors(view, figures);
    let as_of = times::report_time(view);
    let named = places::find(view);
    let clauses: Vec<(usize, usize)> = built.iter().map(|c| c.context.clause()).collect();
    let figures_at: Vec<(usize, usize)> = built.iter().map(|c| c.context.figure()).collect();
    let in_some_clause = |t: usize| clauses.iter().any(|&(a, b)| a <= t && t <= b);
    for claim in built.iter_mut() {
        let (first, last) = claim.context.clause();
        // "previous" counts only before the figure: "their previous 11".
        let own: Vec<times::Anchor> = anchors
            .iter()
            .filter(|a| first <= a.token && a.token <= last)
            .filter(|a| a.when != times::When::Previous || a.token < claim.context.span().0)
            .cloned()
            .collect();
        let borrowed = anchors
            .iter()
            .filter(|a| !in_some_clause(a.token))
            .filter(|a| {
                let points_back = a.token > last && opens_anaphorically(view, a.token);
                points_back || (own.is_empty() && a.token < first)
            })
            .cloned();
        let frame = Arc::make_mut(&mut claim.frame);
        frame.anchors = own.iter().cloned().chain(borrowed).collect();
        frame.as_of = as_of;
        let mut own_places: Vec<places::PlaceName> = named
            .iter()
            .filter(|p| first <= p.token && p.token <= last)
            .cloned()
            .collect();
        // "504 were in Ludian County and 72 in Qiaojia County": a place after a figure
        // and before the next is that figure's own. A claim with none shares the
        // places of its clause: "9 dead and 140 injured in Kano", "In Kano, 30 died".
        let figure = claim.context.figure();
        let next = figures_at
            .iter()
            .map(|f| f.0)
            .filter(|&t| t > figure.1)
            .min();
        let trailing = |t: usize| t > figure.1 && next.is_none_or(|n| t < n);
        if own_places.iter().any(|p| trailing(p.token)) {
            own_places.retain(|p| trailing(p.token));
        }
        let opening: Vec<places::PlaceName> = named
            .iter()
            .filter(|p| p.token <= 2 && !p.after_of && !in_some_clause(p.token))
            .cloned()
            .collect();
        if !own_places.is_empty() {
            frame.places = own_places;
        } else if !opening.is_empty() {
            frame.places = opening;
        }
    }
}

/// True when the clause holding token `t` opens with a word that points back at what
/// came before, so its time bounds the figures before it.
fn opens_anaphorically(view: &View, t: usize) -> bool {
    let mut k = t;
    while k > 0 && !view.is_punct(k - 1, &[',', ';', ':', '(', ')', '—', '–']) {
        k -= 1;
    }
    view.word(k)
        .is_some_and(|w| view.lang.anaphoric_openers.contains(w))
}

/// A cheap test that lets paragraphs without any figure skip segmentation.
/// False only for text that no figure can be read in: it has no digit and no number
/// word.
fn may_hold_figure(text: &str, lang: &Language) -> bool {
    text.bytes().any(|b| b.is_ascii_digit()) || has_number_word(text, lang)
}

/// True when a word of `text` can open a figure written in words: a number word ("two",
/// "seventy-four", "two-day"), a vague amount ("dozens", "hundreds"), or a vague prefix
/// glued to a scale ("multimillion-dollar").
fn has_number_word(text: &str, lang: &Language) -> bool {
    text.split(|c: char| !c.is_alphabetic() && c != '-')
        .any(|w| {
            let lower = w.to_ascii_lowercase();
            lang.small_number(&lower).is_some()
                // "seventy-four" or "two-day": the word before the hyphen.
                || lower.contains('-')
                    && lang.small_number(lower.split('-').next().unwrap_or("")).is_some()
                || lang.vague_first_words.contains(&lower)
                || lang
                    .vague_prefixes
                    .words()
                    .iter()
                    .any(|p| lower.starts_with(p))
        })
}

/// A sentence being worked on: where it is, its tokens, and what its claims share.
struct Sentence<'s> {
    origin: &'s Arc<Origin>,
    index: usize,
    paragraph: Paragraph<'s>,
    /// Where the sentence stands in its paragraph.
    span: Span,
    view: &'s View<'s>,
    scopes: Vec<scope::Span>,
    words: Arc<[SentenceWord]>,
}

impl Sentence<'_> {
    /// A claim's wording, from paragraph bytes to the sentence's.
    fn wording(&self, bytes: std::ops::Range<usize>, figure_end: usize) -> Wording {
        // Tokens lie within their sentence; were one not to, the claim shows no wording
        // rather than another's.
        let within = |at: usize| at.checked_sub(self.span.start).unwrap_or(usize::MAX);
        Wording::new(within(bytes.start), within(bytes.end), within(figure_end))
    }
}

/// What the claims before a figure give it.
struct Before<'c> {
    /// The sentence's last claim that counts something: "Labour won 412 seats, a gain of
    /// 214" counts seats, Labour's.
    in_sentence: Option<&'c Claim>,
    /// The same, or else the paragraph's: the whole of "23 of them were women".
    in_paragraph: Option<&'c Claim>,
    /// The sentence's last owner.
    owner: Option<String>,
    /// The claim right before, of which a bracketed figure may be a conversion.
    conversion_of: Option<&'c Claim>,
}

fn build(at: &Sentence, fig: &Figure, before: &Before) -> Option<Claim> {
    let view = at.view;
    let paragraph = at.paragraph;
    let counted = nouns::counted(view, fig);
    let head_after = counted.as_ref().filter(|c| c.after).map(|c| c.last);
    let part = parts::part(view, fig, head_after);
    let (quote_first, quote_last) = match &counted {
        Some(c) if c.after => (fig.first, c.last.max(fig.last)),
        _ => (fig.first, fig.last),
    };
    let span = counted.as_ref().map_or((quote_first, quote_last), |c| {
        (quote_first.min(c.first), quote_last.max(c.last))
    });
    let mut clause = nouns::clause(view, span.0, span.1);
    if nouns::is_total_of_part(view, fig) {
        // In "won 42 of the 80 seats" the winning is the part's, not the whole's.
        clause.0 = fig.first;
    }
    let mut action = nouns::action(view, fig, counted.as_ref(), clause);
    let locality = nouns::locality(view, counted.as_ref());
    let mut thing = counted.as_ref().map(|c| thing(c, locality));
    // "the body parts of 195 individuals", "the deaths of 15 people": the figure says
    // whose, the noun before "of" says what is counted.
    if let (Some(t), Some(what)) = (thing.as_mut(), counted_before_of(view, fig)) {
        t.singulars = what.iter().map(|w| morphology::singular(w)).collect();
        t.words = what;
    }
    let mut whole = None;
    if let Some(part) = &part {
        (thing, action, whole) =
            as_part(view, fig, part, thing.as_ref(), action, before.in_paragraph);
    } else if let Some(t) = thing.as_mut() {
        people_of(t, view, counted.as_ref());
    }
    // "Labour won 412 seats, a gain of 214", "the Tories reduced to a rump of 131",
    // "while the Tories are down to only 121": a figure whose own noun only frames it,
    // or that has none, counts what the figure before it in the sentence counted.
    let shell = thing.as_ref().is_some_and(|t| {
        t.words.len() == 1
            && counted.as_ref().is_some_and(|c| !c.after)
            && view.lang.shell_nouns.contains(t.head())
    });
    let inherited = before
        .in_sentence
        .filter(|earlier| joined(view, earlier, fig))
        .filter(|_| shell || (thing.is_none() && fig.unit == Unit::Count));
    let (mut hedge, mut interval) = (fig.hedge, fig.interval);
    if let Some(earlier) = inherited {
        let elliptic;
        (thing, action, elliptic) = inherit(view, fig, clause, earlier, thing, action, shell);
        if let Some(kind) = carried_hedge(earlier, fig, elliptic) {
            hedge = Some(kind);
            interval = kind.apply(fig.value);
        }
    }
    // A figure that counts nothing nameable and that no verb explains ("it ranked 5")
    // cannot be compared with anything.
    if thing.is_none() && fig.unit == Unit::Count && action.is_none() {
        return None;
    }
    let start = view.tokens[quote_first].start;
    let end = view.tokens[quote_last].end.min(paragraph.line_end(start));
    let scope = scope_of(at, clause, start);
    let relation = frame::relation(
        view,
        fig,
        (quote_last, clause),
        thing.as_ref().map(|t| t.words.as_slice()),
        action.as_deref(),
    );
    // A figure that takes its noun from the one before it takes its owner too: "Labour
    // has secured 412 seats, a gain of 214".
    let owner = frame::owners::owner(view, fig, action.as_deref(), clause)
        .or_else(|| inherited.and(before.owner.clone()));
    let frame = Frame {
        whole,
        owner,
        purpose: frame::purpose(view, fig, span, clause),
        relation,
        earlier: frame::earlier(view, fig, clause),
        span_of_time: frame::span_of_time(view),
        distance_from: frame::distance_from(view, span),
        conversion: conversion(view, fig, before.conversion_of),
        ..Frame::default()
    };
    let (lower, upper, ends) = Ends::pack(interval);
    Some(Claim {
        origin: Arc::clone(at.origin),
        paragraph: u32::try_from(at.index).unwrap_or(u32::MAX),
        at: Place::new(paragraph.locate(start)),
        value: fig.value,
        lower,
        upper,
        ends,
        hedge,
        unit: fig.unit,
        wording: at.wording(start..end, view.tokens[fig.last].end.min(end)),
        sentence_at: SentenceAt::new(at.span.start..at.span.end),
        aside: Aside::of(scope.map(exact::boxed_str), None),
        counted: thing.map(Arc::new),
        action: action.map(|verb| Arc::new(verb.into_boxed_str())),
        context: Context::new(&at.words, span, clause, (fig.first, fig.last)),
        frame: Arc::new(frame),
        rounding: frame::rounding(view, fig),
    })
}

/// Drops a bracket the scope phrase opened or closed without its partner.
fn tidy_brackets(text: &str) -> String {
    let opens = text.matches('(').count();
    let closes = text.matches(')').count();
    let mut out = text;
    if opens > closes {
        out = out.strip_prefix('(').unwrap_or(out);
    }
    if closes > opens {
        out = out.strip_suffix(')').unwrap_or(out);
    }
    out.trim().to_string()
}

/// The noun of "the X of N Y" before a figure when it is a count noun that says what is
/// counted ("parts", "deaths", "families"); not one that only frames the figure ("a
/// total of", "a group of") nor a mass noun ("the data of 100 million people", which
/// counts the people).
fn counted_before_of(view: &View, fig: &Figure) -> Option<Vec<String>> {
    let of = fig.first.checked_sub(1)?;
    if !view.is("of", of) {
        return None;
    }
    let mut start = of;
    while start > 0 && of - start < 3 {
        let Some(word) = view.word(start - 1) else {
            break;
        };
        if view.lang.phrase_stops.contains(word) || view.lang.looks_verb(word) {
            break;
        }
        start -= 1;
    }
    let words: Vec<String> = (start..of)
        .filter_map(|k| view.word(k).map(str::to_string))
        .collect();
    let head = words.last()?;
    let count_noun = view.lang.looks_plural(head) && !view.lang.mass_nouns.contains(head);
    (count_noun && !view.lang.shell_nouns.contains(head) && view.lang.small_number(head).is_none())
        .then_some(words)
}

/// The scope words of a claim's clause, as written: "in two days", "as of October 6".
fn scope_of(at: &Sentence, clause: (usize, usize), start: usize) -> Option<String> {
    let view = at.view;
    let clause_bytes = (view.tokens[clause.0].start, view.tokens[clause.1].end);
    let chosen = scope::choose(&at.scopes, clause_bytes, start);
    (!chosen.is_empty()).then(|| {
        chosen
            .iter()
            .map(|s| tidy_brackets(&at.paragraph.text()[s.start..s.end]))
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// The thing, verb and whole's figure of a figure that counts a part: "600 people
/// injured, 85 of them critically" shares its whole's verb, and is of the 600.
fn as_part(
    view: &View,
    fig: &Figure,
    part: &parts::Part,
    thing: Option<&CountedThing>,
    action: Option<String>,
    whole: Option<&Claim>,
) -> (Option<CountedThing>, Option<String>, Option<f64>) {
    let thing = part_of(
        part,
        thing,
        whole.and_then(|c| c.counted.as_deref()),
        view,
        fig,
    );
    match whole.filter(|_| matches!(part.whole, parts::Whole::Antecedent)) {
        // "of which 25 were female and two were male": a part after a part is of the
        // same whole.
        Some(whole) => (
            thing,
            action.or_else(|| whole.action().map(str::to_string)),
            Some(whole.frame.whole.unwrap_or(whole.value)),
        ),
        None => (thing, action, None),
    }
}

/// True when a figure may count what an earlier figure of its sentence counts: not
/// across a dash, a semicolon, a colon or a bracket ("300 boats sank — 40 more were
/// hurt" does not count boats twice), and only across a comma or a word that joins two
/// figures (in "6.4 quake kills 112" the quake is the subject of the verb that takes
/// 112, not a thing 112 counts).
fn joined(view: &View, earlier: &Claim, fig: &Figure) -> bool {
    let gap = earlier.context.span().1 + 1..fig.first;
    let unbroken = gap.clone().all(|k| {
        !view.is_punct(k, &['—', '–', ';', ':', '(', ')'])
            && view.tokens[k].kind != TokenKind::Number
    });
    let coordinated = gap.clone().any(|k| {
        view.is_punct(k, &[','])
            || view
                .word(k)
                .is_some_and(|w| view.lang.figure_joiners.contains(w))
    });
    unbroken && coordinated
}

/// "over 9.5 million tickets were sold ... and 2.5 million for the Paralympics": an
/// ellipsis repeats the hedge with the rest of the clause.
fn carried_hedge(earlier: &Claim, fig: &Figure, elliptic: bool) -> Option<Hedge> {
    earlier
        .hedge
        .filter(|h| !matches!(h, Hedge::Between | Hedge::Vague))
        .filter(|_| elliptic && fig.hedge.is_none() && earlier.unit == fig.unit)
}

/// The thing and verb of a figure that counts what `earlier` counted, and whether it
/// repeats `earlier`'s clause with only its own figure (an ellipsis).
fn inherit(
    view: &View,
    fig: &Figure,
    clause: (usize, usize),
    earlier: &Claim,
    thing: Option<CountedThing>,
    action: Option<String>,
    shell: bool,
) -> (Option<CountedThing>, Option<String>, bool) {
    let Some(counted) = earlier.counted.as_ref() else {
        return (thing, action, false);
    };
    let mut words: Vec<String> = thing.as_ref().map(|t| t.words.clone()).unwrap_or_default();
    words.extend(counted.words.iter().cloned());
    let thing = CountedThing {
        phrase: thing
            .as_ref()
            .map_or_else(|| counted.phrase.clone(), |t| t.phrase.clone()),
        singulars: words.iter().map(|w| morphology::singular(w)).collect(),
        words,
        qualifier: None,
        part: None,
    };
    // "9.5 million tickets were sold ... and 2.5 million for the Paralympics": the verb
    // goes with the noun, where the figure has no verb of its own.
    // Its own verb comes before any phrase that follows it: in "another 200,000 from
    // overlooking balconies" the -ing word is the balconies'.
    let own_predicate = (fig.last + 1..=clause.1)
        .filter_map(|k| view.word(k))
        .take_while(|w| view.lang.auxiliaries.contains(w) || !view.lang.phrase_stops.contains(w))
        .any(|w| view.lang.auxiliaries.contains(w) || view.lang.looks_verb(w));
    // With no verb of its own either side ("the strongest of them measuring 5.1" has
    // one), the figure repeats the clause before it.
    let elliptic = !shell && !own_predicate && action.is_none();
    let action = if elliptic {
        earlier.action().map(str::to_string)
    } else {
        action
    };
    (Some(thing), action, elliptic)
}

/// True for a bracketed conversion of the measure right before.
fn conversion(view: &View, fig: &Figure, of: Option<&Claim>) -> bool {
    frame::is_conversion(
        view,
        fig,
        of.map(|c| {
            let unit = c
                .counted
                .as_ref()
                .is_some_and(|t| view.lang.is_measure_unit(t.head()));
            (unit, c.context.span().1)
        }),
    )
}

/// What a part counts: its whole's noun (named, or the claim before's), with the
/// whole's qualifier and its own group.
fn part_of(
    part: &parts::Part,
    own: Option<&CountedThing>,
    whole: Option<&CountedThing>,
    view: &View,
    fig: &Figure,
) -> Option<CountedThing> {
    // A part named by a group ("79 men", "of which 25 were female") counts its whole's
    // thing; one named by its own noun ("among them 9 Spanish ports") counts that.
    let own_noun = own.filter(|_| part.group.is_none());
    let words: Vec<String> = match (&part.whole, own_noun) {
        (parts::Whole::Named(words), _) => words.clone(),
        (parts::Whole::Antecedent, Some(own)) => own.words.clone(),
        (parts::Whole::Antecedent, None) => whole.map(|w| w.words.clone())?,
    };
    // Its noun, as reports show it: its own, or else its whole's ("85 of them
    // critically" counts people).
    let phrase = match (&own, &part.whole) {
        (Some(o), _) => o.phrase.clone(),
        (None, parts::Whole::Named(words)) => words.join(" "),
        (None, parts::Whole::Antecedent) => whole.map_or_else(
            || view.text[view.tokens[fig.first].start..view.tokens[fig.last].end].to_string(),
            |w| w.phrase.clone(),
        ),
    };
    let qualifier = match (&part.whole, own_noun) {
        (parts::Whole::Antecedent, Some(own)) => own.qualifier.clone(),
        (parts::Whole::Antecedent, None) => whole.and_then(|w| w.qualifier.clone()),
        (parts::Whole::Named(_), _) => None,
    };
    Some(CountedThing {
        phrase,
        singulars: words.iter().map(|w| morphology::singular(w)).collect(),
        words,
        qualifier,
        part: part.group.clone(),
    })
}

/// "60 Jordanians died": a people's name counts people, and is the part they are. "The
/// death toll among pilgrims from Egypt rose to 323": a subject restricted to a people
/// counts that part of its thing.
fn people_of(thing: &mut CountedThing, view: &View, counted: Option<&Counted>) {
    if let Some(people) = counted.and_then(|c| c.people) {
        thing.part = Some(people.to_string());
        return;
    }
    let Some(c) = counted.filter(|c| c.after) else {
        return;
    };
    if let Some(people) = view.lang.demonym(view.raw(c.last)) {
        thing.words = vec!["people".to_string()];
        thing.singulars = vec!["person".to_string()];
        thing.part = Some(people.to_string());
    }
}

fn thing(counted: &Counted, locality: Option<String>) -> CountedThing {
    let qualifier = match (&counted.qualifier, locality) {
        (Some(own), Some(locality)) => Some(format!("{own} {locality}")),
        (own, locality) => own.clone().or(locality),
    };
    CountedThing {
        phrase: counted.phrase.clone(),
        singulars: counted
            .words
            .iter()
            .map(|w| morphology::singular(w))
            .collect(),
        words: counted.words.clone(),
        qualifier,
        part: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source;

    fn claims(text: &str) -> Vec<Claim> {
        extract(&source::parse("t.txt", text))
    }

    /// Each claim's figure and the head of what it counts ("" for nothing).
    fn heads(text: &str) -> Vec<(f64, String)> {
        claims(&format!("Headline\n\n{text}"))
            .iter()
            .map(|c| {
                (
                    c.value,
                    c.counted.as_ref().map_or("", |t| t.head()).to_string(),
                )
            })
            .collect()
    }

    /// Each claim's figure and the keys of the places it holds in.
    fn places(text: &str) -> Vec<(f64, Vec<String>)> {
        claims(&format!("Headline\n\n{text}"))
            .iter()
            .map(|c| {
                (
                    c.value,
                    c.frame.places.iter().map(|p| p.key.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn coordinated_figures_keep_their_own_places_and_share_a_closing_one() {
        let each = |a: &str, b: &str| vec![vec![a.to_string()], vec![b.to_string()]];
        let found = places(
            "Among the reported deaths, 504 were in the worst-hit Ludian County and 72 in Qiaojia County.",
        );
        assert_eq!(
            found.into_iter().map(|(_, p)| p).collect::<Vec<_>>(),
            each("ludian county", "qiaojia county")
        );
        let found =
            places("Police said 30 people died in Kano on Friday, and 12 in Lagos on Saturday.");
        assert_eq!(
            found.into_iter().map(|(_, p)| p).collect::<Vec<_>>(),
            each("kano", "lagos")
        );
        let found = places("In Kano on Friday, 30 people died in clashes and 12 were hurt.");
        assert_eq!(
            found.into_iter().map(|(_, p)| p).collect::<Vec<_>>(),
            each("kano", "kano")
        );
        // A figure with no place of its own shares the one that closes the pair.
        let found = places("The blast left 9 dead and 140 injured in Kano on Friday.");
        assert_eq!(
            found.into_iter().map(|(_, p)| p).collect::<Vec<_>>(),
            each("kano", "kano")
        );
    }

    #[test]
    fn a_figure_in_words_is_read_wherever_its_paragraph_s_digits_are() {
        // The same sentence alone and after a sentence with digits: whether another
        // sentence of its paragraph has a digit must not decide if its figure is read.
        for sentence in [
            "It was a multimillion-dollar deal, the club said.",
            "Dozens of fans waited outside.",
            "Seventy-four people were rescued.",
            "A multi-thousand-strong crowd gathered.",
        ] {
            let alone = claims(&format!("Headline\n\n{sentence}"));
            let after = claims(&format!("Headline\n\nThe club met on 3 July. {sentence}"));
            let quotes = |found: &[Claim]| -> Vec<String> {
                found
                    .iter()
                    .filter(|c| sentence.contains(c.quote()))
                    .map(|c| c.quote().to_string())
                    .collect()
            };
            assert!(!alone.is_empty(), "{sentence}");
            assert_eq!(quotes(&after), quotes(&alone), "{sentence}");
        }
    }

    #[test]
    fn a_figure_a_copula_links_to_one_person_is_the_person_s_age() {
        for text in [
            "The victim was 63.",
            "The driver, a local shopkeeper, was 45.",
            "The youngest victim was 3, officials said.",
            "Her husband was 71 and had been ill for years.",
            "The suspect is 24, according to court records.",
            "The pilot was about 50 and had flown the route for a decade.",
            "The injured woman, who lives nearby, was 38.",
            "The child is believed to be 9.",
        ] {
            let found = heads(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // A total, a group or a plural is counted; so is a figure that counts a noun
        // of its own, or one that a verb other than a copula reaches.
        for (text, value, head) in [
            ("The toll was 63 by Sunday evening.", 63.0, "toll"),
            ("The crowd was 5,000 at its peak.", 5000.0, "crowd"),
            ("The number of victims was 12.", 12.0, "victims"),
            ("The victims were 19.", 19.0, "victims"),
            ("The crew was 12.", 12.0, "crew"),
            ("The victim count rose to 63.", 63.0, "count"),
            ("The victim was one of 63 people hurt.", 63.0, "people"),
        ] {
            let found = heads(text);
            assert!(
                found.contains(&(value, head.to_string())),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_subject_restricted_to_a_people_counts_their_part() {
        let parts = |text: &str| -> Vec<Option<String>> {
            claims(&format!("Headline\n\n{text}"))
                .iter()
                .map(|c| c.counted.as_ref().and_then(|t| t.part.clone()))
                .collect()
        };
        for (text, people) in [
            (
                "Deaths among pilgrims from Egypt stood at 323.",
                "Egyptians",
            ),
            (
                "The death toll among Egyptians has risen to 323.",
                "Egyptians",
            ),
            (
                "The number of pilgrims from Jordan who died stood at 41.",
                "Jordanians",
            ),
            ("Deaths among Indian pilgrims rose to 98.", "Indians"),
        ] {
            assert_eq!(parts(text), [Some(people.to_string())], "{text}");
        }
        // Where things happened is no people: a place, or a people's adjective
        // before a noun for no people.
        for text in [
            "The death toll from the floods in Kenya rose to 40.",
            "The death toll from the Egyptian floods rose to 40.",
            "The number of homes in Egypt without power reached 2,000.",
        ] {
            assert_eq!(parts(text), [None], "{text}");
        }
    }

    #[test]
    fn a_figure_takes_the_noun_before_it_only_when_joined_to_it() {
        assert_eq!(
            heads("The quake killed 30 people and injured 50."),
            [(30.0, "people".to_string()), (50.0, "people".to_string())]
        );
        assert_eq!(
            heads("Labour won 412 seats, the Tories 121."),
            [(412.0, "seats".to_string()), (121.0, "seats".to_string())]
        );
        // Another figure between them counts nothing the first counts.
        assert!(!heads("A 6.4 quake kills 112, thousands left homeless.")
            .iter()
            .any(|(v, h)| (*v - 2000.0).abs() < 0.5 && h == "quake"));
        // A verb between them: the quake is what kills, not what 112 counts.
        assert_eq!(
            heads("A 6.4 quake kills 112 in the west.")[1],
            (112.0, String::new())
        );
        // Not across a dash.
        assert!(
            !heads("300 boats sank — 40 more were hurt.").contains(&(40.0, "boats".to_string()))
        );
    }

    #[test]
    fn an_ellipsis_repeats_the_hedge_and_a_new_clause_does_not() {
        let hedges = |text: &str| -> Vec<Option<Hedge>> {
            claims(&format!("Headline\n\n{text}"))
                .iter()
                .map(|c| c.hedge)
                .collect()
        };
        assert_eq!(
            hedges("Over 9.5 million tickets were sold for the Olympics and 2.5 million for the Paralympics."),
            [Some(Hedge::MoreThan), Some(Hedge::MoreThan)]
        );
        assert_eq!(
            hedges("Some 300,000 people watched from the stands, and another 200,000 from overlooking balconies."),
            [Some(Hedge::About), Some(Hedge::About)]
        );
        assert_eq!(
            hedges("More than 40 aftershocks were recorded, the strongest measuring 5.1."),
            [Some(Hedge::MoreThan), None]
        );
        // The second figure has its own verb: its own clause, its own (lack of) hedge.
        assert_eq!(
            hedges("Around 23 bodies have been recovered, and 40 were rescued alive."),
            [Some(Hedge::About), None]
        );
    }

    #[test]
    fn parts_are_of_the_figure_of_their_whole() {
        let wholes = |text: &str| -> Vec<Option<f64>> {
            claims(&format!("Headline\n\n{text}"))
                .iter()
                .map(|c| c.frame.whole)
                .collect()
        };
        assert_eq!(
            wholes("They received 27 bodies, of which 25 were female and two were male."),
            [None, Some(27.0), Some(27.0)]
        );
        assert_eq!(
            wholes("Twenty-seven bodies were brought in. Police said 23 of them were women."),
            [None, Some(27.0)]
        );
        assert_eq!(wholes("At least 320 of the dead were Egyptians."), [None]);
    }

    #[test]
    fn the_level_before_a_change_is_another_occasion() {
        let earlier = |text: &str| -> Vec<Option<String>> {
            claims(&format!("Headline\n\n{text}"))
                .iter()
                .map(|c| c.frame.earlier.clone())
                .collect()
        };
        assert_eq!(
            earlier("The Greens won 23 seats, down from 29."),
            [None, Some("down from".to_string())]
        );
        assert_eq!(
            earlier("Labour won 9.7 million votes, compared with 10.2 million in 2019."),
            [None, Some("compared with".to_string())]
        );
        assert_eq!(
            earlier("Deaths rose sharply from 40 people to 52."),
            [Some("rose sharply from".to_string()), None]
        );
        // "from" alone is an origin, not a level.
        assert_eq!(
            earlier("2,500 delegates from 110 countries came."),
            [None, None]
        );
    }

    #[test]
    fn an_increment_is_a_change_not_a_level() {
        let changes = |text: &str| -> Vec<(f64, bool)> {
            claims(&format!("Headline\n\n{text}"))
                .iter()
                .map(|c| (c.value, c.frame.relation == frame::Relation::Change))
                .collect()
        };
        assert_eq!(
            changes("Another 12 bodies were found in the river."),
            [(12.0, true)]
        );
        assert_eq!(
            changes("A further 40 people were hurt overnight."),
            [(40.0, true)]
        );
        assert_eq!(
            changes("The army sent 300 additional troops."),
            [(300.0, true)]
        );
        assert_eq!(
            changes("An extra 28 bodies were recovered on Tuesday."),
            [(28.0, true)]
        );
        // A level, and a second group set beside the first.
        assert_eq!(
            changes("It killed 218 people and injured over 200 more."),
            [(218.0, false), (200.0, false)]
        );
        assert_eq!(
            changes("Five people died and another 12 were injured."),
            [(5.0, false), (12.0, false)]
        );
        assert_eq!(
            changes("Labour won 412 seats and the Conservatives took another 121."),
            [(412.0, false), (121.0, false)]
        );
        assert_eq!(
            changes("Rescuers recovered 28 more bodies on Sunday."),
            [(28.0, true)]
        );
        assert_eq!(
            changes("Officials said 14 more people had died in hospital."),
            [(14.0, true)]
        );
        assert_eq!(
            changes("Labour won 20 fewer seats than forecast."),
            [(20.0, true)]
        );
        // After another figure too: "more" before a noun never makes a level.
        assert_eq!(
            changes("The toll rose to 385 after 28 more bodies were recovered."),
            [(385.0, false), (28.0, true)]
        );
        assert_eq!(
            changes("Divers found 30 bodies on Monday and 12 more bodies on Tuesday."),
            [(30.0, false), (12.0, true)]
        );
        assert_eq!(
            changes("More than 200 people were injured."),
            [(200.0, false)]
        );
        assert_eq!(changes("The toll stood at 300."), [(300.0, false)]);
    }

    #[test]
    fn a_margin_between_two_levels_is_no_level() {
        let margins = |text: &str| -> Vec<bool> {
            claims(&format!("Headline\n\n{text}"))
                .iter()
                .map(|c| c.frame.relation == frame::Relation::Margin)
                .collect()
        };
        assert_eq!(
            margins("Labour is over 290 seats ahead of the Tories."),
            [true]
        );
        assert_eq!(
            margins("The party finished 12 points behind Labour."),
            [true]
        );
        assert_eq!(
            margins("The coalition is two seats short of a majority."),
            [true]
        );
        assert_eq!(margins("Labour won 412 seats on Thursday."), [false]);
        assert_eq!(
            margins("It killed 218 people and injured over 200 more."),
            [false, false]
        );
        // A comparative after the counted thing says when or how, not a margin.
        assert_eq!(
            margins("The crush killed 30 people more than a week ago."),
            [false]
        );
        assert_eq!(
            margins("It killed 12 people more or less at once."),
            [false]
        );
        // A particle after the counted thing is no margin.
        assert_eq!(
            margins("Rescuers picked 30 people up from the roofs."),
            [false]
        );
    }

    #[test]
    fn a_claim_keeps_its_wording_place_and_sentence() {
        let found = claims("Intro line.\nIt said so. Police said more than 3,400 marchers came.\n");
        assert_eq!(found.len(), 1);
        let claim = &found[0];
        assert_eq!(claim.quote(), "more than 3,400 marchers");
        assert_eq!(
            claim.location(),
            Location {
                line: 2,
                column: 25
            }
        );
        assert_eq!(
            claim.sentence(),
            "Police said more than 3,400 marchers came."
        );
        assert_eq!(claim.interval(), Interval::above(3400.0, false));
    }

    #[test]
    fn scopes_come_from_the_clause_or_the_nearest_before() {
        let found = claims(
            "Last night, March 3, saw 41 farmers joining the strike.\n\
             In all, 57 farms joined in three weeks (March 1-21), of which 12 farms joined at the first rally.\n",
        );
        let scopes: Vec<Option<&str>> = found.iter().map(|c| c.scope()).collect();
        assert_eq!(
            scopes,
            [
                Some("Last night, March 3"),
                Some("in three weeks (March 1-21)"),
                Some("of which; at the first rally"),
            ]
        );
    }

    #[test]
    fn context_words_are_near_and_in_the_clause() {
        let found = claims("The quake, which hit at dawn, killed 12 people and injured 40 others.");
        assert_eq!(found.len(), 2);
        let killed = found[0]
            .context
            .iter()
            .find(|w| w.word == "killed")
            .unwrap();
        let injured = found[0]
            .context
            .iter()
            .find(|w| w.word == "injured")
            .unwrap();
        assert!(killed.distance < injured.distance);
        assert!(killed.in_clause);
        let dawn = found[0].context.iter().find(|w| w.word == "dawn").unwrap();
        assert!(!dawn.in_clause);
    }

    #[test]
    fn every_claim_points_into_the_html() {
        let source = source::html::parse("page.html", source::html::tests::PAGE);
        let claims = extract(&source);
        let lines: Vec<&str> = source::html::tests::PAGE.lines().collect();
        assert_eq!(claims.len(), 2, "{claims:?}");
        for claim in claims {
            let line = lines[claim.location().line - 1];
            let at: String = line.chars().skip(claim.location().column - 1).collect();
            let first_word = claim.quote().split(' ').next().unwrap();
            assert!(
                at.starts_with(first_word),
                "{:?} at {:?}",
                claim.quote(),
                at
            );
        }
    }

    #[test]
    fn broken_html_is_read_as_far_as_it_goes() {
        let source = source::html::parse("bad.html", "<p>About 40 boats <b>sank<p>Then 12 <i>more");
        let claims = extract(&source);
        assert!(!claims.is_empty());
    }

    #[test]
    fn a_held_claim_fits_a_128_byte_block() {
        // Every claim of an archive is held in an Arc (two counts, 16 bytes) until the
        // report; past 128 bytes in all, mimalloc gives each one a 160-byte block.
        assert!(
            std::mem::size_of::<Claim>() + 16 <= 128,
            "{}",
            std::mem::size_of::<Claim>()
        );
    }

    #[test]
    fn claims_far_into_long_paragraphs_quote_their_own_words() {
        // Sentences as long as a sentence may be, and a paragraph longer than 16 bits
        // of offsets: the claim's spans must still find its words.
        let filler = |n: usize| "word ".repeat(n);
        let long_sentence = format!("{}and 412 people were hurt.", filler(390));
        let deep = format!(
            "{}Then 87 homes burned.",
            format!("{}and so on. ", filler(300)).repeat(50)
        );
        for (text, quote) in [
            (long_sentence.as_str(), "412 people"),
            (deep.as_str(), "87 homes"),
        ] {
            let file = format!("Headline\n\n{text}\n");
            let sources = crate::source::parse_all(&[("a.txt", &file)]);
            let claims = extract(&sources[0]);
            let claim = claims
                .iter()
                .find(|c| c.quote() == quote)
                .unwrap_or_else(|| {
                    panic!(
                        "{quote}: {:?}",
                        claims.iter().map(Claim::quote).collect::<Vec<_>>()
                    )
                });
            assert!(
                claim.sentence().ends_with(&text[text.len() - 20..]),
                "{quote}"
            );
            let column = file.lines().nth(2).unwrap().find(quote).unwrap() + 1;
            assert_eq!(claim.location(), Location { line: 3, column }, "{quote}");
        }
    }
}
