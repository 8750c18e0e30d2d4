//! Claims: every figure of an article with what it counts, its hedge, its scope, its
//! sentence and its exact place.
//!
//! This stage puts together what the figure, noun and scope stages find, sentence by
//! sentence, and records the words around each figure that the topic stage will need.

use crate::base::interval::Interval;
use crate::base::lang::Language;
use crate::base::morphology;
use crate::base::tokens::TokenKind;
use crate::extract::figures::{self, Figure, Hedge, Unit, View};
use crate::extract::nouns::{self, Counted};
use crate::extract::scope;
use crate::source::{Location, Paragraph, Source};
use std::sync::Arc;

/// One numeric claim of one source.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The source's path as given.
    pub source: String,
    /// The source's language, whose word lists later stages ask about the claim's words.
    pub language: &'static Language,
    /// Index of the paragraph in its source.
    pub paragraph: usize,
    /// Where the claim's wording starts.
    pub location: Location,
    /// The figure as stated (scale applied; for a range or vague amount, its low end).
    pub value: f64,
    pub interval: Interval,
    pub hedge: Option<Hedge>,
    pub unit: Unit,
    /// The figure's wording exactly as in the file: hedge, figure and counted noun.
    pub quote: String,
    /// The figure alone as written, with its hedge: "over 2,500", "$2.3bn".
    pub figure: String,
    /// Shared by the claims of one sentence.
    pub sentence: Arc<str>,
    pub scope: Option<String>,
    /// What the figure counts, if anything could be found.
    pub counted: Option<CountedThing>,
    /// The verb that says what happened to the counted thing.
    pub action: Option<String>,
    /// Its stem, for matching context words.
    pub action_stem: Option<String>,
    /// The words of the claim's sentence seen from the claim, for the topic rules;
    /// emptied once the claim is placed.
    pub context: Context,
}

/// The counted noun phrase of a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedThing {
    pub phrase: String,
    /// Lower-case words, head last.
    pub words: Vec<String>,
    /// Their singulars, as counted nouns are matched.
    pub singulars: Vec<String>,
    pub qualifier: Option<String>,
}

impl CountedThing {
    pub fn head(&self) -> &str {
        self.words.last().map_or("", String::as_str)
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
}

/// The words of a claim's sentence, seen from the claim. The words are shared by every
/// claim of the sentence (a sentence of many figures would otherwise copy them all once
/// per figure); each claim adds only where its wording and its clause stand.
#[derive(Debug, Clone, Default)]
pub struct Context {
    words: Arc<[SentenceWord]>,
    /// First and last token of the claim's wording.
    span: (usize, usize),
    /// First and last token of the claim's clause.
    clause: (usize, usize),
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
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The `i`th word of the sentence, seen from the claim.
    pub fn get(&self, i: usize) -> ContextWord<'_> {
        let w = &self.words[i];
        let k = w.token;
        let distance = if k < self.span.0 {
            self.span.0 - k
        } else {
            k.saturating_sub(self.span.1)
        };
        ContextWord {
            word: &w.word,
            stem: &w.stem,
            distance,
            in_clause: k >= self.clause.0 && k <= self.clause.1,
        }
    }

    /// Every word of the sentence, in order.
    pub fn iter(&self) -> impl Iterator<Item = ContextWord<'_>> {
        (0..self.len()).map(|i| self.get(i))
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
    for (index, paragraph) in source.paragraphs.iter().enumerate() {
        extract_paragraph(source, index, paragraph, each);
    }
}

/// Extracts the claims of one paragraph, handing each to `each`.
fn extract_paragraph(
    source: &Source,
    index: usize,
    paragraph: &Paragraph,
    each: &mut dyn FnMut(Claim),
) {
    let path = source.path.as_str();
    let lang = source.language;
    let text = paragraph.text.as_str();
    if !text.bytes().any(|b| b.is_ascii_digit()) && !has_number_word(text, lang) {
        return;
    }
    for &sentence in crate::sentences::of(paragraph, lang) {
        let view = View::new(lang, text, sentence.start, sentence.end);
        if view.is_empty() {
            continue;
        }
        let found = figures::find(&view);
        if found.is_empty() {
            continue;
        }
        let scopes = scope::find(lang, text, sentence.start, sentence.end);
        let shared = Sentence {
            text: Arc::from(sentence.text(text)),
            words: view
                .lower
                .iter()
                .zip(&view.tokens)
                .enumerate()
                .filter(|(_, (_, token))| token.kind == TokenKind::Word)
                .map(|(token, (word, _))| SentenceWord {
                    token,
                    word: word.to_string(),
                    stem: morphology::stem(word),
                })
                .collect(),
        };
        for fig in &found {
            if let Some(claim) = build(path, index, paragraph, &view, fig, &scopes, &shared) {
                each(claim);
            }
        }
    }
}

/// A cheap test that lets paragraphs without any figure skip segmentation.
fn has_number_word(text: &str, lang: &Language) -> bool {
    text.split(|c: char| !c.is_alphabetic() && c != '-')
        .any(|w| {
            let lower = w.to_ascii_lowercase();
            lang.small_number(&lower).is_some()
                // "seventy-four" or "two-day": the word before the hyphen.
                || lower.contains('-')
                    && lang.small_number(lower.split('-').next().unwrap_or("")).is_some()
                || lang.vague_first_words.contains(&lower)
        })
}

/// What the claims of one sentence share: its text and its words.
struct Sentence {
    text: Arc<str>,
    words: Arc<[SentenceWord]>,
}

fn build(
    path: &str,
    index: usize,
    paragraph: &Paragraph,
    view: &View,
    fig: &Figure,
    scopes: &[scope::Span],
    sentence: &Sentence,
) -> Option<Claim> {
    let counted = nouns::counted(view, fig);
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
    let action = nouns::action(view, fig, counted.as_ref(), clause);
    let locality = nouns::locality(view, counted.as_ref(), clause);
    // A figure that counts nothing nameable and that no verb explains ("it ranked 5")
    // cannot be compared with anything.
    if counted.is_none() && fig.unit == Unit::Count && action.is_none() {
        return None;
    }
    let start = view.tokens[quote_first].start;
    let end = view.tokens[quote_last].end.min(paragraph.line_end(start));
    let clause_bytes = (view.tokens[clause.0].start, view.tokens[clause.1].end);
    let chosen = scope::choose(scopes, clause_bytes, start);
    let scope = (!chosen.is_empty()).then(|| {
        chosen
            .iter()
            .map(|s| tidy_brackets(&paragraph.text[s.start..s.end]))
            .collect::<Vec<_>>()
            .join("; ")
    });
    Some(Claim {
        source: path.to_string(),
        language: view.lang,
        paragraph: index,
        location: paragraph.locate(start),
        value: fig.value,
        interval: fig.interval,
        hedge: fig.hedge,
        unit: fig.unit.clone(),
        quote: paragraph.text[start..end].to_string(),
        figure: paragraph.text[start..view.tokens[fig.last].end.min(end)].to_string(),
        sentence: Arc::clone(&sentence.text),
        scope,
        counted: counted.as_ref().map(|c| thing(c, locality)),
        action_stem: action.as_deref().map(morphology::stem),
        action,
        context: Context {
            words: Arc::clone(&sentence.words),
            span,
            clause,
        },
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source;

    fn claims(text: &str) -> Vec<Claim> {
        extract(&source::parse("t.txt", text))
    }

    #[test]
    fn a_claim_keeps_its_wording_place_and_sentence() {
        let found = claims("Intro line.\nIt said so. Police said more than 3,400 marchers came.\n");
        assert_eq!(found.len(), 1);
        let claim = &found[0];
        assert_eq!(claim.quote, "more than 3,400 marchers");
        assert_eq!(
            claim.location,
            Location {
                line: 2,
                column: 25
            }
        );
        assert_eq!(
            &*claim.sentence,
            "Police said more than 3,400 marchers came."
        );
        assert_eq!(claim.interval, Interval::above(3400.0, false));
    }

    #[test]
    fn scopes_come_from_the_clause_or_the_nearest_before() {
        let found = claims(
            "Last night, March 3, saw 41 farmers joining the strike.\n\
             In all, 57 farms joined in three weeks (March 1-21), of which 12 farms joined at the first rally.\n",
        );
        let scopes: Vec<Option<&str>> = found.iter().map(|c| c.scope.as_deref()).collect();
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
            let line = lines[claim.location.line - 1];
            let at: String = line.chars().skip(claim.location.column - 1).collect();
            let first_word = claim.quote.split(' ').next().unwrap();
            assert!(at.starts_with(first_word), "{:?} at {:?}", claim.quote, at);
        }
    }

    #[test]
    fn broken_html_is_read_as_far_as_it_goes() {
        let source = source::html::parse("bad.html", "<p>About 40 boats <b>sank<p>Then 12 <i>more");
        let claims = extract(&source);
        assert!(!claims.is_empty());
    }
}
