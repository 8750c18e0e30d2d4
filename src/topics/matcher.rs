//! Matching claims to rules. A [`Matcher`] is compiled once from a rule set: it numbers
//! every stem of every rule term, so that matching compares numbers instead of strings.
//! Each thread then makes an [`Assigner`] from it, which remembers how each counted
//! phrase matched the rules, since the articles on one event keep counting the same
//! things and fuzzy matching a phrase against every rule noun is the costliest step.
//!
//! A rule takes a claim when its counted noun names the topic, or names what the topic
//! counts and a context word says so; when several rules could, the one whose evidence
//! stands nearest the figure wins.

use rustc_hash::FxHashMap;

use crate::event::Event;
use crate::extract::claims::Claim;
use crate::extract::figures::Unit;
use crate::extract::frame::Relation;
use crate::rules::{RuleSet, RuleUnit, Term, Topic};

use super::{auto, slug, Evidence, Placement};

/// Least similarity for two nouns to be taken as spellings of one word.
pub const FUZZY_THRESHOLD: f64 = 0.85;

/// Context words further than this from the claim, or outside its clause, count less.
const OUT_OF_CLAUSE: usize = 1000;

/// How far from the claim the context word that places a shared noun ("people") may
/// stand: its own verb, or a word right by it. In "78 people died when a boat with 278
/// passengers capsized" the dying is not the passengers'.
const CONTEXT_REACH: usize = 3;

/// An exclude word vetoes a rule only this close to the figure: "40 signatures for
/// ratification" is about ratification, a "come into effect" at the sentence's end is not.
const EXCLUDE_REACH: usize = 4;

/// A counted phrase's best match in a topic's noun list: words matched, similarity, and
/// the index of the rule's term.
type NounMatch = (usize, f64, usize);

/// How a counted phrase matches each topic: its best `nouns` and `counted` terms.
type NounMatches = Vec<(Option<NounMatch>, Option<NounMatch>)>;

/// Distinct counted phrases remembered before the memory is cleared, so that a corpus
/// of endless new nouns cannot grow it without bound: each holds two matches a topic,
/// about 2 KB with the built-in rules, so at most about 8 MB an assigner.
const NOUN_MEMORY: usize = 4_096;

/// The stems of every rule term, numbered, so that placement compares numbers instead
/// of strings, and the terms each stem starts, so that a claim is matched only against
/// the terms its sentence's words can begin.
#[derive(Debug, Clone, Default)]
struct TermIndex {
    /// Every stem of the topics' context, exclude and noun terms. No other word of a
    /// sentence can decide a placement.
    ids: FxHashMap<String, u32>,
    /// Per topic, in order: its context, exclude and noun terms as stem numbers.
    topics: Vec<TopicTerms>,
    /// Per stem number, the terms whose first word it is. A sentence holds a handful of
    /// rule words, so a claim is matched against the terms they start, not every term
    /// of every topic.
    starting: Vec<Vec<TermRef>>,
}

/// Which list of a topic a term is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TermKind {
    Context,
    Exclude,
    Noun,
}

/// A term of a topic: the topic's order, its list, and its index there.
#[derive(Debug, Clone, Copy)]
struct TermRef {
    topic: usize,
    kind: TermKind,
    term: usize,
}

#[derive(Debug, Clone, Default)]
struct TopicTerms {
    context: Vec<Vec<u32>>,
    exclude: Vec<Vec<u32>>,
    nouns: Vec<Vec<u32>>,
}

impl TermIndex {
    fn new(topics: &[Topic]) -> Self {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut number = |terms: &[Term]| -> Vec<Vec<u32>> {
            terms
                .iter()
                .map(|term| {
                    term.stems
                        .iter()
                        .map(|stem| {
                            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                            *ids.entry(stem.clone()).or_insert(next)
                        })
                        .collect()
                })
                .collect()
        };
        let topics: Vec<TopicTerms> = topics
            .iter()
            .map(|t| TopicTerms {
                context: number(&t.context),
                exclude: number(&t.exclude),
                nouns: number(&t.nouns),
            })
            .collect();
        let mut starting: Vec<Vec<TermRef>> = vec![Vec::new(); ids.len()];
        for (topic, terms) in topics.iter().enumerate() {
            for (kind, list) in [
                (TermKind::Context, &terms.context),
                (TermKind::Exclude, &terms.exclude),
                (TermKind::Noun, &terms.nouns),
            ] {
                for (term, stems) in list.iter().enumerate() {
                    if let Some(&first) = stems.first() {
                        starting[first as usize].push(TermRef { topic, kind, term });
                    }
                }
            }
        }
        // `counted` nouns are matched by their singulars, never among context words.
        TermIndex {
            ids,
            topics,
            starting,
        }
    }

    fn terms(&self, at: TermRef) -> &[u32] {
        let topic = &self.topics[at.topic];
        match at.kind {
            TermKind::Context => &topic.context[at.term],
            TermKind::Exclude => &topic.exclude[at.term],
            TermKind::Noun => &topic.nouns[at.term],
        }
    }

    fn id(&self, stem: &str) -> Option<u32> {
        self.ids.get(stem).copied()
    }
}

/// A rule set compiled for matching: its topics' terms numbered. Made once and shared by
/// every thread.
pub struct Matcher<'r> {
    rules: &'r RuleSet,
    index: TermIndex,
}

impl<'r> Matcher<'r> {
    pub fn new(rules: &'r RuleSet) -> Self {
        Matcher {
            rules,
            index: TermIndex::new(rules.topics()),
        }
    }

    /// An assigner for one thread of parallel work, reused for each claim it places,
    /// for claims of the event given.
    pub fn assigner<'a>(&'a self, event: &'a Event) -> Assigner<'a> {
        Assigner {
            rules: self.rules,
            index: &self.index,
            event,
            nouns: FxHashMap::default(),
        }
    }
}

/// Puts claims under the topics of a compiled rule set, remembering how each counted
/// phrase matched the rules.
pub struct Assigner<'m> {
    rules: &'m RuleSet,
    index: &'m TermIndex,
    event: &'m Event,
    nouns: FxHashMap<Vec<String>, NounMatches>,
}

/// A word of the claim's sentence that some rule term holds: its index among the
/// sentence's words, its stem's number, and where it stands from the claim.
#[derive(Clone, Copy)]
struct Relevant {
    index: usize,
    id: u32,
    distance: usize,
    in_clause: bool,
}

impl Assigner<'_> {
    /// The other occasion a claim is about, if it is not about the event's.
    pub fn occasion(&self, claim: &Claim) -> Option<String> {
        self.event.occasion(claim)
    }

    /// The topic of one claim; none for a claim of another occasion or a conversion,
    /// which are never compared.
    pub fn assign(&mut self, claim: &Claim) -> Option<Placement> {
        if claim.occasion().is_some() || claim.frame.conversion {
            return None;
        }
        let rules = self.rules;
        let index = self.index;
        let relevant: Vec<Relevant> = claim
            .context
            .iter()
            .enumerate()
            .filter_map(|(i, w)| {
                index.id(w.stem).map(|id| Relevant {
                    index: i,
                    id,
                    distance: w.distance,
                    in_clause: w.in_clause,
                })
            })
            .collect();
        // Most terms hold a word the sentence lacks: one lookup of their first word
        // spares scanning the sentence for each.
        let mut present: Vec<u32> = relevant.iter().map(|r| r.id).collect();
        present.sort_unstable();
        present.dedup();
        let action = claim
            .action()
            .map(crate::base::morphology::stem)
            .and_then(|s| index.id(&s));
        let words = Words {
            relevant: &relevant,
            present: &present,
            action,
        };
        let hits = hits(index, rules, &words);
        let matches = self.noun_matches(claim);
        let best = rules
            .topics()
            .iter()
            .enumerate()
            .filter_map(|(order, topic)| {
                let nouns = matches.map_or((None, None), |m| m[order]);
                candidate(claim, topic, &words, &hits[order], nouns).map(|m| (m, order, topic))
            })
            .min_by(|(a, ao, _), (b, bo, _)| {
                b.by_action
                    .cmp(&a.by_action)
                    .then(a.distance.cmp(&b.distance))
                    .then(b.words.cmp(&a.words))
                    .then(b.evidence.score.total_cmp(&a.evidence.score))
                    .then(ao.cmp(bo))
            });
        if let Some((found, _, topic)) = best {
            let mut id = topic.id.clone();
            let mut label = topic.label.clone();
            decorate(claim, self.event, &mut id, &mut label);
            return Some(Placement::framed(
                claim,
                self.event,
                (id, label),
                Some(topic.origin.clone()),
                found.evidence,
            ));
        }
        auto::group(claim, self.event)
    }

    /// How the claim's counted phrase matches every topic, worked out once per phrase.
    fn noun_matches(&mut self, claim: &Claim) -> Option<&NounMatches> {
        let counted = claim.counted.as_ref()?;
        if !self.nouns.contains_key(&counted.singulars) {
            if self.nouns.len() >= NOUN_MEMORY {
                self.nouns.clear();
            }
            let found = self
                .rules
                .topics()
                .iter()
                .map(|topic| {
                    (
                        best_noun(&counted.singulars, &topic.nouns),
                        best_noun(&counted.singulars, &topic.counted),
                    )
                })
                .collect();
            self.nouns.insert(counted.singulars.clone(), found);
        }
        self.nouns.get(&counted.singulars)
    }
}

/// Appends what makes a sub-topic of its own: the qualifier, the part, the currency,
/// a change (never compared with a level: "deaths have jumped by 19%" and "96% of
/// deaths") and what the figure is for.
pub(super) fn decorate(claim: &Claim, event: &Event, id: &mut String, label: &mut String) {
    let counted = claim.counted.as_ref();
    // The people of the event's own country are its whole, not a part of it.
    let part = counted
        .and_then(|c| c.part.as_ref())
        .filter(|p| !event.is_home_people(claim, p));
    for extra in [counted.and_then(|c| c.qualifier.as_ref()), part]
        .into_iter()
        .flatten()
    {
        id.push('/');
        id.push_str(&slug(extra));
        label.push_str(" (");
        label.push_str(extra);
        label.push(')');
    }
    // A part is compared only with parts of a whole of the same figure. A part that
    // names no group ("120 bands played, of which 45 on the main stage") is
    // still a part of its whole, never a rival count of it.
    let unnamed_part = part.is_none() && counted.and_then(|c| c.part.as_ref()).is_none();
    if let Some(whole) = claim.frame.whole.filter(|_| part.is_some() || unnamed_part) {
        let figure = crate::base::numbers::human_number(whole);
        id.push_str("/of-");
        id.push_str(&slug(&figure));
        label.push_str(", of ");
        label.push_str(&figure);
    }
    if let Unit::Money(currency) = claim.unit {
        let code = currency.code();
        id.push('/');
        id.push_str(&code.to_lowercase());
        label.push_str(", ");
        label.push_str(code);
    }
    let changes = |part: &str| claim.language().change_words.contains(part);
    match claim.frame.relation {
        Relation::Change if !id.split(['/', '+', '-']).any(changes) => {
            id.push_str("/change");
            label.push_str(", change");
        }
        Relation::Margin => {
            id.push_str("/margin");
            label.push_str(", margin");
        }
        _ => {}
    }
    if let Some(purpose) = event.purpose(claim) {
        id.push_str("/for-");
        id.push_str(&slug(&purpose));
        label.push_str(", for ");
        label.push_str(&purpose);
    }
}

struct Candidate {
    /// True when the claim's own verb is one of the topic's context words: the
    /// strongest evidence, above a noun that names the topic ("218 attendees have
    /// died" counts the dead, not the audience).
    by_action: bool,
    distance: usize,
    words: usize,
    evidence: Evidence,
}

fn unit_fits(claim: &Claim, unit: RuleUnit) -> bool {
    matches!(
        (&claim.unit, unit),
        (Unit::Count, RuleUnit::Count)
            | (Unit::Percent, RuleUnit::Percent)
            | (Unit::Money(_), RuleUnit::Money)
    )
}

/// What placement knows of a claim's sentence.
struct Words<'a> {
    relevant: &'a [Relevant],
    /// The ids of `relevant`, sorted, each once.
    present: &'a [u32],
    /// The number of the stem of the verb that governs the figure.
    action: Option<u32>,
}

/// What one topic's terms found in a claim's sentence.
#[derive(Debug, Clone, Copy, Default)]
struct Hits<'t> {
    /// Its nearest context term: text and distance, words outside the clause counted
    /// as far.
    context: Option<(&'t str, usize)>,
    /// Its nearest noun term, as a context word is measured.
    noun: Option<(&'t str, usize)>,
    /// An exclude term stands in the clause, close to the figure.
    excluded: bool,
}

/// What every topic's terms find in a claim's sentence: only the terms that start with
/// a word the sentence holds, or with the verb that governs the figure, are looked for.
fn hits<'t>(index: &TermIndex, rules: &'t RuleSet, words: &Words) -> Vec<Hits<'t>> {
    let topics = rules.topics();
    let mut hits = vec![Hits::default(); topics.len()];
    let action = words
        .action
        .filter(|a| words.present.binary_search(a).is_err());
    for id in words.present.iter().copied().chain(action) {
        for &at in &index.starting[id as usize] {
            let terms = index.terms(at);
            let topic = &topics[at.topic];
            let found = &mut hits[at.topic];
            let (text, best) = match at.kind {
                TermKind::Exclude => {
                    found.excluded = found.excluded
                        || find_term(words, terms)
                            .is_some_and(|(d, in_clause)| in_clause && d <= EXCLUDE_REACH);
                    continue;
                }
                TermKind::Context => (topic.context[at.term].text.as_str(), &mut found.context),
                TermKind::Noun => (topic.nouns[at.term].text.as_str(), &mut found.noun),
            };
            // The verb that governs the figure outranks any other word near it.
            let distance = if terms.len() == 1 && words.action == Some(terms[0]) {
                Some(0)
            } else {
                find_term(words, terms).map(
                    |(d, in_clause)| {
                        if in_clause {
                            d
                        } else {
                            d + OUT_OF_CLAUSE
                        }
                    },
                )
            };
            if let Some(distance) = distance {
                if best.is_none_or(|(t, d)| (distance, text) < (d, t)) {
                    *best = Some((text, distance));
                }
            }
        }
    }
    hits
}

fn candidate(
    claim: &Claim,
    topic: &Topic,
    words: &Words,
    hits: &Hits,
    (noun, counted_noun): (Option<NounMatch>, Option<NounMatch>),
) -> Option<Candidate> {
    if !unit_fits(claim, topic.unit) {
        return None;
    }
    if let Some(pattern) = &topic.pattern {
        if !pattern.is_match(claim.sentence()) {
            return None;
        }
    }
    if hits.excluded {
        return None;
    }
    let context = hits.context;
    let by_action = context.is_some_and(|(_, d)| d == 0) && words.action.is_some();
    if let Some(counted) = &claim.counted {
        if let Some((words, score, term)) = noun {
            return Some(Candidate {
                by_action,
                distance: 0,
                words,
                evidence: Evidence {
                    noun: Some((topic.nouns[term].text.clone(), counted.head().to_string())),
                    score,
                    context: None,
                },
            });
        }
        let (words, score, term) = counted_noun?;
        // A shared noun ("people") needs its context word in its own clause, and near.
        let (word, distance) = context.filter(|(_, d)| *d <= CONTEXT_REACH)?;
        return Some(Candidate {
            by_action,
            distance,
            words,
            evidence: Evidence {
                noun: Some((topic.counted[term].text.clone(), counted.head().to_string())),
                score,
                context: Some((word.to_string(), distance)),
            },
        });
    }
    // "killing 30 and injuring 50": with no noun, only a context word right by the
    // figure places it, and only in topics that count people or things.
    let (word, distance) = context.or(hits.noun)?;
    // The object of its own verb ("invested billions in crowd control") is not placed
    // by another word near it; a subject may be, by what its verb says of it
    // ("thousands left homeless").
    let own_verb_elsewhere = distance > 0
        && claim
            .action()
            .is_some_and(|verb| claim.context.is_object_of(verb));
    let near = (distance <= 2 || claim.unit != Unit::Count) && !own_verb_elsewhere;
    (near && distance < OUT_OF_CLAUSE && (!topic.counted.is_empty() || claim.unit != Unit::Count))
        .then_some(Candidate {
            by_action: distance == 0 && words.action.is_some(),
            distance,
            words: 0,
            evidence: Evidence {
                noun: None,
                score: 0.0,
                context: Some((word.to_string(), distance)),
            },
        })
}

/// The rule noun that best matches the end of the claim's counted phrase (given as
/// singulars): how many words matched, their similarity, and the term's index.
fn best_noun(words: &[String], terms: &[Term]) -> Option<NounMatch> {
    terms
        .iter()
        .enumerate()
        .filter_map(|(index, term)| {
            let n = term.singulars.len();
            if n == 0 || n > words.len() {
                return None;
            }
            let tail = &words[words.len() - n..];
            let mut total = 0.0;
            for (word, rule_word) in tail.iter().zip(&term.singulars) {
                total += similarity(word, rule_word)?;
            }
            Some((n, total / n as f64, index))
        })
        // The first of equally good terms, so the rule's own order breaks ties.
        .min_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)))
}

/// 1 for the same singular; otherwise the normalized Damerau-Levenshtein similarity of
/// the singulars, if it reaches the fuzzy threshold (for words long enough to judge), so
/// a misspelt "delagates" still meets "delegates".
pub(super) fn similarity(word: &str, rule_singular: &str) -> Option<f64> {
    if word == rule_singular {
        return Some(1.0);
    }
    // A misspelling keeps its first letter, and most pairs differ there. Asked of every
    // rule noun for every new phrase, so a byte tells first; the characters are
    // compared below, since one lead byte starts many letters.
    if word.as_bytes().first() != rule_singular.as_bytes().first() {
        return None;
    }
    let (a, b) = (word.chars().count(), rule_singular.chars().count());
    // Words whose lengths differ by more than the threshold allows cannot reach it: both
    // checks spare the edit-distance table.
    let longest = a.max(b) as f64;
    let reachable = (a.abs_diff(b) as f64) <= (1.0 - FUZZY_THRESHOLD) * longest
        && word.chars().next() == rule_singular.chars().next();
    if a < 6 || b < 6 || !reachable {
        return None;
    }
    let score = edit_similarity(word, rule_singular);
    (score >= FUZZY_THRESHOLD).then_some(score)
}

/// The normalized Damerau-Levenshtein similarity of two words. The same words meet the
/// same rule nouns claim after claim, and strsim's edit-distance table costs some
/// 4,000 instructions a pair: each thread remembers the pairs it has scored, and
/// forgets them all when its memory is full, so that it stays small.
fn edit_similarity(word: &str, rule_singular: &str) -> f64 {
    const MEMORY: usize = 20_000;
    thread_local! {
        static SCORES: std::cell::RefCell<FxHashMap<String, f64>> =
            std::cell::RefCell::default();
    }
    // The length first, so that no two pairs write the same key.
    let pair = format!("{}:{word}{rule_singular}", word.len());
    SCORES.with_borrow_mut(|scores| {
        if let Some(score) = scores.get(&pair) {
            return *score;
        }
        let score = strsim::normalized_damerau_levenshtein(word, rule_singular);
        if scores.len() >= MEMORY {
            scores.clear();
        }
        scores.insert(pair, score);
        score
    })
}

/// The nearest place where a (possibly multi-word) term, given as stem numbers, stands
/// in the sentence. It is looked for among the words some rule holds, where a term's
/// words must still be neighbours in the sentence.
fn find_term(words: &Words, term: &[u32]) -> Option<(usize, bool)> {
    let relevant = words.relevant;
    let n = term.len();
    if n == 0 || n > relevant.len() || words.present.binary_search(&term[0]).is_err() {
        return None;
    }
    (0..=relevant.len() - n)
        .filter(|&i| {
            (0..n).all(|k| {
                let word = relevant[i + k];
                word.id == term[k] && word.index == relevant[i].index + k
            })
        })
        .map(|i| {
            let words = &relevant[i..i + n];
            let distance = words.iter().map(|w| w.distance).min().unwrap_or(usize::MAX);
            let in_clause = words.iter().all(|w| w.in_clause);
            (distance, in_clause)
        })
        .min_by_key(|(d, in_clause)| (!in_clause, *d))
}
