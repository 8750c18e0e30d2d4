//! Rules: topic definitions loaded from TOML files and validated before any work.
//!
//! A topic says which counted nouns belong to it, which context words tell it apart from
//! other topics that count the same noun, and carries examples of text it must and must
//! not take. Rules are data: adding a topic never needs code. The default rules are built
//! into the binary; `--rules DIR` adds files that override topics of the same id.

mod load;
mod validate;

pub use load::load_path;
pub use validate::{parse, parse_file};

use serde::Deserialize;

use crate::base::morphology;

/// A problem with a rule file, placed at a line and column.
pub type RuleError = crate::base::diagnostics::Diagnostic;

/// What a topic's figures are measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RuleUnit {
    #[default]
    Count,
    Percent,
    Money,
}

/// The words of people's titles, for the names check: ranks and honorifics ("Deputy",
/// "Minister", "General") say who someone is, offices ("Foreign", "Affairs") say where.
/// A name given with other ranks in two sources is a discrepancy; a title word spelt
/// almost like one of these is a misspelling.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TitleWords {
    #[serde(default)]
    pub ranks: Vec<String>,
    #[serde(default)]
    pub offices: Vec<String>,
    /// Words that make a capitalised name an organisation's ("Ministry", "Agency").
    #[serde(default)]
    pub organizations: Vec<String>,
}

impl TitleWords {
    pub(crate) fn extend(&mut self, other: TitleWords) {
        for (mine, theirs) in [
            (&mut self.ranks, other.ranks),
            (&mut self.offices, other.offices),
            (&mut self.organizations, other.organizations),
        ] {
            for word in theirs {
                if !mine.contains(&word) {
                    mine.push(word);
                }
            }
        }
    }

    pub fn is_rank(&self, word: &str) -> bool {
        self.ranks.iter().any(|r| r.eq_ignore_ascii_case(word))
    }

    pub fn is_office(&self, word: &str) -> bool {
        self.offices.iter().any(|r| r.eq_ignore_ascii_case(word))
    }
}

/// Text a topic must take, and text it must leave to other topics.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default, rename = "match")]
    pub matches: Vec<String>,
    #[serde(default)]
    pub no_match: Vec<String>,
}

/// A term of a rule: one or more words, kept as stems for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    /// Snowball stems, for context words ("signed" meets "signing").
    pub stems: Vec<String>,
    /// Singular forms, for counted nouns ("delegates" meets "delegate", not "delegations").
    pub singulars: Vec<String>,
}

impl Term {
    fn new(text: &str) -> Self {
        Term {
            text: text.to_string(),
            stems: text.split_whitespace().map(morphology::stem).collect(),
            singulars: text.split_whitespace().map(morphology::singular).collect(),
        }
    }
}

/// A validated topic.
#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub description: Option<String>,
    pub unit: RuleUnit,
    /// Nouns that name the topic on their own ("deaths", "press agencies").
    pub nouns: Vec<Term>,
    /// Nouns that belong to the topic only with a context word ("people" + "killed").
    pub counted: Vec<Term>,
    pub context: Vec<Term>,
    pub exclude: Vec<Term>,
    pub pattern: Option<regex::Regex>,
    pub examples: Examples,
    /// Where the topic was defined: "built in" or a file path.
    pub origin: String,
    /// 1-based line of the definition in its file.
    pub line: usize,
}

/// The topics in force, in a fixed order.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// Private so that topics change only through [`RuleSet::merge`], which keeps ids
    /// unique.
    topics: Vec<Topic>,
    pub titles: TitleWords,
}

/// What one rule file or folder holds.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub topics: Vec<Topic>,
    pub titles: TitleWords,
}

impl RuleSet {
    /// Adds a file's or folder's topics and title words.
    pub fn add(&mut self, rules: Rules) {
        self.merge(rules.topics);
        self.titles.extend(rules.titles);
    }

    /// The topics in force, in order.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// Adds topics; one with the id of a topic already in force replaces it.
    pub fn merge(&mut self, topics: Vec<Topic>) {
        for topic in topics {
            if let Some(existing) = self.topics.iter_mut().find(|t| t.id == topic.id) {
                *existing = topic;
            } else {
                self.topics.push(topic);
            }
        }
    }

    pub fn get(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
}
