//! Topics: puts each claim under the topic it is about, by the rules or, where no rule
//! takes it, by what it counts and what happened to it.
//!
//! Claims about one thing must meet and claims about different things must not: deaths
//! are never compared with injuries, nor a city's turnout with the nation's. A rule takes a
//! claim when its counted noun names the topic, or names what the topic counts and a
//! context word says so; when several rules could, the one whose evidence stands nearest
//! the figure wins. A claim no rule takes is grouped by its counted noun (stemmed, so
//! "organisations" meets "organization") with its verb and its qualifier.

mod auto;
mod examples;
mod matcher;

pub use examples::{check_examples, ExampleFailure};
pub use matcher::{Assigner, Matcher, FUZZY_THRESHOLD};

use crate::event::Event;
use crate::extract::claims::Claim;
use crate::rules::RuleSet;

/// A claim with the topic it was placed in, if any. The claim is shared with the topic
/// reports, not copied into them.
pub type ClaimInTopic = (std::sync::Arc<Claim>, Option<std::sync::Arc<Placement>>);

/// The topic a claim was put under, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// Topic id: a rule's id, or `auto/...` for a group no rule named; a qualifier, a
    /// part, a currency, an owner (`/by-`), a place (`/in-`) and a period (`@`) are
    /// appended.
    pub id: String,
    pub label: String,
    /// The id and label before the owner, the place and the period: what the claim
    /// counts, whoever's, wherever and whenever.
    pub base_id: String,
    pub base_label: String,
    /// Whose figure it is, by the name the set compares it under: its key, and that
    /// name as written.
    pub owner: Option<(String, String)>,
    /// The place the claim is restricted to.
    pub place: Option<PlaceTag>,
    /// The period it counts over, when that starts before the event.
    pub period: Option<String>,
    /// The rule's origin (built in, or its file), or `None` for an automatic group.
    pub origin: Option<String>,
    pub evidence: Evidence,
}

/// A place a claim is restricted to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlaceTag {
    pub key: String,
    /// As written.
    pub text: String,
    /// False for one of the event's own places: a restriction only if the claim's source
    /// also gives the same thing with another figure and no place.
    pub certain: bool,
    /// True when the claim's own words set it apart (a place that is not the event's,
    /// or one they stress), not the other claims of its source.
    pub by_its_words: bool,
}

impl Placement {
    /// A placement of `claim` under the base topic given, with the event's reading of
    /// its frame.
    fn framed(
        claim: &Claim,
        event: &Event,
        (base_id, base_label): (String, String),
        origin: Option<String>,
        evidence: Evidence,
    ) -> Placement {
        let restriction = event
            .restriction(claim)
            .filter(|(p, _)| !names_place(&base_id, &p.key));
        let mut placement = Placement {
            id: String::new(),
            label: String::new(),
            base_id,
            base_label,
            owner: event.owner(claim),
            place: restriction.map(|(p, certain)| PlaceTag {
                key: p.key.clone(),
                text: p.text.clone(),
                certain,
                by_its_words: certain,
            }),
            period: event.period(claim),
            origin,
            evidence,
        };
        placement.compose();
        placement
    }

    /// Sets the id and label from the base and the frame.
    pub fn compose(&mut self) {
        let mut id = self.base_id.clone();
        let mut label = self.base_label.clone();
        if let Some((key, text)) = &self.owner {
            id.push_str("/by-");
            id.push_str(&slug(key));
            label.push_str(", ");
            label.push_str(text);
        }
        if let Some(place) = self.place.as_ref().filter(|p| p.certain) {
            id.push_str("/in-");
            id.push_str(&slug(&place.key));
            label.push_str(", in ");
            label.push_str(&place.text);
        }
        if let Some(period) = &self.period {
            id.push('@');
            id.push_str(&slug(period));
            label.push_str(" [");
            label.push_str(period);
            label.push(']');
        }
        self.id = id;
        self.label = label;
    }
}

#[cfg(test)]
impl Placement {
    /// A placement under a base topic with nothing else set: what the tests of the
    /// stages after placement build their claims' topics from.
    pub(crate) fn bare(id: &str, label: &str) -> Placement {
        Placement {
            id: id.to_string(),
            label: label.to_string(),
            base_id: id.to_string(),
            base_label: label.to_string(),
            owner: None,
            place: None,
            period: None,
            origin: None,
            evidence: Evidence {
                noun: None,
                score: 1.0,
                context: None,
            },
        }
    }
}

/// True when a topic id already names a place as a qualifier ("homes-destroyed/
/// korvath-district" names Korvath): saying it twice would split nothing.
fn names_place(id: &str, key: &str) -> bool {
    let place = slug(key);
    id.split(['/', '+'])
        .any(|part| part == place || part.starts_with(&format!("{place}-")))
}

/// How a claim was matched: for `hcx explain` and for people reading the JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The rule noun that matched, and the claim's word it matched.
    pub noun: Option<(String, String)>,
    /// Similarity of those two words (1 for the same stem).
    pub score: f64,
    /// The context word that decided, and its distance from the figure.
    pub context: Option<(String, usize)>,
}

/// The topic of one claim, knowing nothing of its event. To place many, make one
/// [`Matcher`] and an [`Assigner`] from it for each thread.
pub fn assign(claim: &Claim, rules: &RuleSet) -> Option<Placement> {
    Matcher::new(rules)
        .assigner(&crate::event::UNKNOWN)
        .assign(claim)
}

/// True when `id` is the topic `name` or one of its sub-topics ("deaths" names
/// "deaths/district"): how ignore comments and `--topic` name topics.
pub fn names_topic(name: &str, id: &str) -> bool {
    name == id
        || id
            .strip_prefix(name)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Up to `n` of the topic ids `known` nearest in spelling to `name`, nearest first: what
/// an error or a warning suggests for a topic name that names none. A sub-topic's base
/// id is a candidate too ("deaths" for "deaths/district"), since it names them all.
pub fn nearest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>, n: usize) -> Vec<String> {
    // Every id and each base id above it ("deaths", "auto/country"), but "auto",
    // which groups topics of nothing in common.
    let mut candidates: Vec<&str> = known
        .into_iter()
        .flat_map(|id| {
            let bases = id.match_indices('/').map(move |(at, _)| &id[..at]);
            std::iter::once(id).chain(bases)
        })
        .filter(|id| *id != "auto")
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|id| (strsim::jaro_winkler(name, id), id))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(n)
        .map(|(_, id)| id.to_string())
        .collect()
}

/// Lower-case letters and digits, words joined by '-'.
pub fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::morphology;

    #[test]
    fn nearest_topics_are_spelt_most_alike() {
        let known = [
            "deaths",
            "injuries",
            "missing",
            "deaths/in-etah",
            "auto/person+leav",
        ];
        assert_eq!(nearest("misssing", known, 1), ["missing"]);
        assert_eq!(nearest("death", known, 1), ["deaths"]);
        assert_eq!(nearest("injured", known, 1), ["injuries"]);
        assert_eq!(nearest("Deaths", known, 2)[0], "deaths");
        // A base id is offered once, and "auto" never.
        let offered = nearest("auto", known, 10);
        assert!(!offered.contains(&"auto".to_string()), "{offered:?}");
        assert_eq!(offered.iter().filter(|id| *id == "deaths").count(), 1);
        assert!(nearest("x", [], 3).is_empty());
    }
    use crate::extract::claims;
    use crate::source;

    fn topics_of(text: &str) -> Vec<(String, String)> {
        let rules = RuleSet::builtin();
        let found = claims::extract(&source::parse("t.txt", text));
        found
            .iter()
            .map(|c| {
                (
                    c.quote().to_string(),
                    assign(c, &rules).map_or("-".to_string(), |p| p.id),
                )
            })
            .collect()
    }

    fn ids(text: &str) -> Vec<String> {
        topics_of(text).into_iter().map(|(_, id)| id).collect()
    }

    #[test]
    fn a_place_the_topic_already_names_is_not_named_twice() {
        assert!(names_place("homes-destroyed/korvath-district", "Korvath"));
        assert!(names_place("turnout/lindhaven", "Lindhaven"));
        assert!(!names_place("turnout", "Lindhaven"));
        assert!(!names_place("deaths/etah-district", "Eta"));
    }

    #[test]
    fn a_verb_chain_does_not_part_a_subject_from_its_figure() {
        for text in [
            "The death toll had risen to 381 people by Tuesday.",
            "The death toll has now climbed to 381 people.",
            "The toll had already reached 381 people on Friday.",
        ] {
            assert_eq!(ids(text), ["deaths"], "{text}");
        }
        // Its words still count as far as they stand when they are no such chain.
        assert_eq!(
            ids("The toll of the flood in the old quarter of the city worried 381 people."),
            ["auto/person+worri"]
        );
    }

    #[test]
    fn deaths_and_injuries_never_meet() {
        assert_eq!(
            ids("The quake killed 112 people and injured more than 600."),
            ["deaths", "injuries"]
        );
        assert_eq!(
            ids("killing 112 people and injuring more than 600, officials said"),
            ["deaths", "injuries"]
        );
        assert_eq!(
            ids("At least 118 people died and 430 were hurt."),
            ["deaths", "injuries"]
        );
        assert_eq!(
            ids("The death toll rose to 112, and 600 people were hurt."),
            ["deaths", "injuries"]
        );
    }

    #[test]
    fn context_words_tell_apart_topics_sharing_a_noun() {
        assert_eq!(ids("57 nations signed the accord."), ["signatories"]);
        assert_eq!(
            ids("Fans came from 31 nations that attended the games."),
            ["delegations"]
        );
        assert_eq!(
            ids("It enters into force once at least 30 states ratify it."),
            ["ratifications"]
        );
        assert_eq!(
            ids("It needs at least 30 signatures for ratification."),
            ["ratifications"]
        );
        assert_eq!(
            ids("It enters into force once at least 30 states ratify it, so the signing by 57 states at the summit is a step."),
            ["ratifications", "signatories"]
        );
    }

    #[test]
    fn spellings_and_inflections_meet() {
        let a = ids("Some 80 international organisations sent observers.");
        let b = ids("Some 80 international organizations sent observers.");
        assert_eq!(a, b);
        assert_eq!(ids("It drew 40 spectator."), ids("It drew 40 spectators."));
    }

    #[test]
    fn unknown_nouns_group_by_noun_verb_and_qualifier() {
        assert_eq!(ids("Officials counted 30 sheep lost."), ["auto/sheep+lose"]);
        assert_eq!(
            ids("Officials counted 30 sheep lost."),
            ids("Officials counted one sheep lost.")
        );
        assert_eq!(
            ids("They came from 9 Spanish ports, 4 Greek ports."),
            ["auto/port/spanish", "auto/port/greek"]
        );
        assert_eq!(ids("The firm sold 300 tractors."), ["auto/tractor+sell"]);
    }

    #[test]
    fn shares_are_grouped_apart_from_counts() {
        let ids = ids("One in five people voted, and 5,000 people voted in the town.");
        assert_eq!(ids.len(), 2, "{ids:?}");
        assert!(ids[0].contains("/ratio"), "{ids:?}");
        assert!(!ids[1].contains("/ratio"), "{ids:?}");
    }

    #[test]
    fn money_is_compared_within_one_currency() {
        assert_eq!(ids("The bank pledged $25 million in aid."), ["aid/usd"]);
        assert_eq!(ids("The EU pledged €4m in aid."), ["aid/eur"]);
    }

    #[test]
    fn fuzzy_nouns_meet_within_the_threshold() {
        let sim = |word: &str, rule: &str| matcher::similarity(&morphology::singular(word), rule);
        assert_eq!(sim("organisations", "organization"), Some(1.0));
        assert!(sim("delagates", "delegate").is_some());
        assert!(sim("delegates", "delegation").is_none());
        assert!(sim("reporters", "report").is_none());
    }

    #[test]
    fn remembered_scores_are_the_scores_of_their_own_pair() {
        // Pairs whose words, written end to end, spell the same: one reaches the
        // threshold and the other does not, asked first or again.
        let pairs = [
            ("eeeeddd", "eeededdd"),
            ("eeeeddde", "eededdd"),
            ("dededed", "ddeded"),
            ("dedede", "dddeded"),
        ];
        for _ in 0..2 {
            for (word, rule) in pairs {
                let want = strsim::normalized_damerau_levenshtein(word, rule);
                let got = matcher::similarity(word, rule);
                assert_eq!(got, (want >= matcher::FUZZY_THRESHOLD).then_some(want));
            }
        }
    }
}
