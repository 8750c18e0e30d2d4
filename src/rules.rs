//! Rules: topic definitions loaded from TOML files and validated before any work.
//!
//! A topic says which counted nouns belong to it, which context words tell it apart from
//! other topics that count the same noun, and carries examples of text it must and must
//! not take. Rules are data: adding a topic never needs code. The default rules are built
//! into the binary; `--rules DIR` adds files that override topics of the same id.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::Path;
use toml::Spanned;

use crate::lexicon;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// A problem with a rule file, placed at a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for RuleError {}

/// What a topic's figures are measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RuleUnit {
    #[default]
    Count,
    Percent,
    Money,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    topic: Vec<Spanned<RawTopic>>,
    #[serde(default)]
    titles: Option<TitleWords>,
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
    fn extend(&mut self, other: TitleWords) {
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: Spanned<String>,
    label: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    unit: RuleUnit,
    #[serde(default)]
    nouns: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    counted: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    pattern: Option<Spanned<String>>,
    #[serde(default)]
    examples: Examples,
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
            stems: text.split_whitespace().map(lexicon::stem).collect(),
            singulars: text.split_whitespace().map(lexicon::singular).collect(),
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
    /// Private so that the term index built from them cannot go stale: topics change
    /// only through [`RuleSet::merge`].
    topics: Vec<Topic>,
    pub titles: TitleWords,
    /// The topics' terms as numbers, worked out once when first asked for.
    index: std::sync::OnceLock<crate::topics::TermIndex>,
}

/// What one rule file or folder holds.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub topics: Vec<Topic>,
    pub titles: TitleWords,
}

impl RuleSet {
    /// The rules built into the binary.
    pub fn builtin() -> RuleSet {
        let mut set = RuleSet::default();
        for (name, text) in BUILTIN_RULES {
            let rules = parse_file(&format!("built in: {name}"), text)
                .unwrap_or_else(|errors| panic!("built-in rules are invalid: {}", errors[0]));
            set.add(rules);
        }
        set
    }

    /// Adds a file's or folder's topics and title words.
    pub fn add(&mut self, rules: Rules) {
        self.merge(rules.topics);
        self.titles.extend(rules.titles);
    }

    /// The topics in force, in order.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The topics' terms as numbers, for placement (see [`crate::topics::TermIndex`]).
    pub fn term_index(&self) -> &crate::topics::TermIndex {
        self.index
            .get_or_init(|| crate::topics::TermIndex::new(&self.topics))
    }

    /// Adds topics; one with the id of a topic already in force replaces it.
    pub fn merge(&mut self, topics: Vec<Topic>) {
        self.index = std::sync::OnceLock::new();
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

/// Loads every `.toml` file of a folder (sorted by name), or one file. All problems of
/// all files are returned, so a maintainer fixes them in one pass.
pub fn load_path(path: &Path) -> Result<Rules, Vec<RuleError>> {
    let shown = path.display().to_string();
    let io_error = |message: String| {
        vec![RuleError {
            file: shown.clone(),
            line: 1,
            column: 1,
            message,
        }]
    };
    let files = if path.is_dir() {
        let mut files: Vec<_> = fs::read_dir(path)
            .map_err(|err| io_error(err.to_string()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(io_error("no rule files (.toml) in this folder".to_string()));
        }
        files
    } else if path.exists() {
        vec![path.to_path_buf()]
    } else {
        return Err(io_error("no such file or folder".to_string()));
    };
    let mut rules = Rules::default();
    let mut errors = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for file in files {
        let name = file.display().to_string();
        let text = match fs::read_to_string(&file) {
            Ok(text) => text,
            Err(err) => {
                errors.push(RuleError {
                    file: name,
                    line: 1,
                    column: 1,
                    message: format!("cannot read: {err}"),
                });
                continue;
            }
        };
        match parse_file(&name, &text) {
            Ok(found) => {
                rules.titles.extend(found.titles);
                for topic in found.topics {
                    if let Some(first) = seen.get(&topic.id) {
                        errors.push(RuleError {
                            file: name.clone(),
                            line: topic.line,
                            column: 1,
                            message: format!(
                                "duplicate topic id \"{}\" (first defined in {first})",
                                topic.id
                            ),
                        });
                    } else {
                        seen.insert(topic.id.clone(), name.clone());
                        rules.topics.push(topic);
                    }
                }
            }
            Err(mut found) => errors.append(&mut found),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// Parses and validates one rule file's topics.
pub fn parse(file: &str, text: &str) -> Result<Vec<Topic>, Vec<RuleError>> {
    parse_file(file, text).map(|rules| rules.topics)
}

/// Parses and validates one rule file: its topics and title words.
pub fn parse_file(file: &str, text: &str) -> Result<Rules, Vec<RuleError>> {
    let place = Placer { file, text };
    let parsed: RuleFile = toml::from_str(text).map_err(|err| {
        let offset = err.span().map_or(0, |s| s.start);
        vec![place.at(offset, one_line(err.message()))]
    })?;
    let mut errors = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let topics: Vec<Topic> = parsed
        .topic
        .into_iter()
        .map(|spanned| {
            let start = spanned.span().start;
            validate(spanned.into_inner(), start, &place, &mut ids, &mut errors)
        })
        .collect();
    if errors.is_empty() {
        Ok(Rules {
            topics,
            titles: parsed.titles.unwrap_or_default(),
        })
    } else {
        Err(errors)
    }
}

/// Turns byte offsets of one file into placed errors.
struct Placer<'a> {
    file: &'a str,
    text: &'a str,
}

impl Placer<'_> {
    fn at(&self, offset: usize, message: String) -> RuleError {
        let (line, column) = line_column(self.text, offset);
        RuleError {
            file: self.file.to_string(),
            line,
            column,
            message,
        }
    }
}

/// Checks one topic, recording every problem, and builds it.
fn validate(
    raw: RawTopic,
    start: usize,
    place: &Placer,
    ids: &mut BTreeMap<String, usize>,
    errors: &mut Vec<RuleError>,
) -> Topic {
    let id_span = raw.id.span();
    let id = raw.id.into_inner();
    let valid_id = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !valid_id {
        errors.push(place.at(
            id_span.start,
            format!("topic id \"{id}\" must be lower-case letters, digits, '-' or '_'"),
        ));
    }
    if let Some(first) = ids.get(&id) {
        let (line, _) = line_column(place.text, *first);
        errors.push(place.at(
            id_span.start,
            format!("duplicate topic id \"{id}\" (first defined on line {line})"),
        ));
    } else {
        ids.insert(id.clone(), id_span.start);
    }
    let nouns_at = raw.nouns.as_ref().map_or(start, |n| n.span().start);
    let nouns = raw.nouns.map(Spanned::into_inner).unwrap_or_default();
    if nouns
        .iter()
        .chain(&raw.counted)
        .all(|n| n.trim().is_empty())
    {
        errors.push(place.at(
            nouns_at,
            format!("topic \"{id}\" has no nouns: give `nouns` or `counted` at least one"),
        ));
    }
    if !raw.counted.is_empty() && raw.context.is_empty() {
        errors.push(place.at(
            start,
            format!("topic \"{id}\" has `counted` nouns but no `context` words to tell them apart"),
        ));
    }
    let pattern = raw
        .pattern
        .and_then(|p| match regex::Regex::new(p.get_ref()) {
            Ok(re) => Some(re),
            Err(err) => {
                errors.push(place.at(
                    p.span().start,
                    format!("bad regex in `pattern`: {}", one_line(&err.to_string())),
                ));
                None
            }
        });
    let terms = |list: &[String]| {
        list.iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| Term::new(t))
            .collect()
    };
    Topic {
        id,
        label: raw.label,
        description: raw.description,
        unit: raw.unit,
        nouns: terms(&nouns),
        counted: terms(&raw.counted),
        context: terms(&raw.context),
        exclude: terms(&raw.exclude),
        pattern,
        examples: raw.examples,
        origin: place.file.to_string(),
        line: line_column(place.text, start).0,
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A TOML error in a file as one report line: `file:line:column: message`. Shared by
/// every TOML file hcx reads (rules, baselines, configuration).
pub fn toml_error(file: &str, text: &str, err: &toml::de::Error) -> String {
    let (line, column) = line_column(text, err.span().map_or(0, |s| s.start));
    format!("{file}:{line}:{column}: {}", one_line(err.message()))
}

/// Error texts from the TOML and regex parsers span several lines; a report line is one.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        parse("r.toml", text)
            .err()
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn builtin_rules_load() {
        let set = RuleSet::builtin();
        assert!(set.topics.len() >= 10, "{}", set.topics.len());
        assert!(set.get("deaths").is_some());
    }

    #[test]
    fn syntax_errors_name_the_place() {
        let found = errors("[[topic]]\nid = \"a\"\nlabel = \n");
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("r.toml:3:"), "{}", found[0]);
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_errors() {
        let unknown =
            errors("[[topic]]\nid = \"a\"\nlabel = \"A\"\nnouns = [\"x\"]\nnoun = [\"y\"]\n");
        assert!(
            unknown[0].contains("unknown field `noun`"),
            "{}",
            unknown[0]
        );
        assert!(
            unknown[0].starts_with("r.toml:1:") || unknown[0].starts_with("r.toml:5:"),
            "{}",
            unknown[0]
        );
        let wrong = errors("[[topic]]\nid = \"a\"\nlabel = \"A\"\nnouns = \"x\"\n");
        assert!(wrong[0].contains("invalid type"), "{}", wrong[0]);
        assert!(wrong[0].starts_with("r.toml:4:"), "{}", wrong[0]);
    }

    #[test]
    fn semantic_errors_name_the_place() {
        let dup = errors("[[topic]]\nid = \"a\"\nlabel = \"A\"\nnouns = [\"x\"]\n[[topic]]\nid = \"a\"\nlabel = \"B\"\nnouns = [\"y\"]\n");
        assert_eq!(
            dup,
            ["r.toml:6:6: duplicate topic id \"a\" (first defined on line 2)"]
        );
        let empty = errors("[[topic]]\nid = \"a\"\nlabel = \"A\"\nnouns = []\n");
        assert!(
            empty[0].starts_with("r.toml:4:9: topic \"a\" has no nouns"),
            "{}",
            empty[0]
        );
        let regex = errors(
            "[[topic]]\nid = \"a\"\nlabel = \"A\"\nnouns = [\"x\"]\npattern = \"(unclosed\"\n",
        );
        assert!(
            regex[0].starts_with("r.toml:5:11: bad regex"),
            "{}",
            regex[0]
        );
        let bad_id = errors("[[topic]]\nid = \"Has Space\"\nlabel = \"A\"\nnouns = [\"x\"]\n");
        assert!(
            bad_id[0].starts_with("r.toml:2:6: topic id"),
            "{}",
            bad_id[0]
        );
    }

    #[test]
    fn later_rules_override_by_id() {
        let mut set = RuleSet::builtin();
        let before = set.topics.len();
        let mine = parse(
            "mine.toml",
            "[[topic]]\nid = \"deaths\"\nlabel = \"Dead\"\nnouns = [\"dead\"]\n",
        )
        .unwrap();
        set.merge(mine);
        assert_eq!(set.topics.len(), before);
        assert_eq!(set.get("deaths").unwrap().origin, "mine.toml");
    }
}
