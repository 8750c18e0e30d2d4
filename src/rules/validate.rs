//! Validating a rule file: TOML syntax, unknown keys and wrong types, then every topic's
//! id, nouns and pattern, each problem placed at its file, line and column before any
//! work is done.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::base::diagnostics::{line_column, one_line};

use super::{Examples, RuleError, RuleUnit, Rules, Term, TitleWords, Topic};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    topic: Vec<Spanned<RawTopic>>,
    #[serde(default)]
    titles: Option<TitleWords>,
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

/// Parses and validates one rule file's topics.
pub fn parse(file: &str, text: &str) -> Result<Vec<Topic>, Vec<RuleError>> {
    parse_file(file, text).map(|rules| rules.topics)
}

/// Parses and validates one rule file: its topics and title words.
pub fn parse_file(file: &str, text: &str) -> Result<Rules, Vec<RuleError>> {
    let locator = SpanLocator { file, text };
    let parsed: RuleFile = toml::from_str(text).map_err(|err| {
        let offset = err.span().map_or(0, |s| s.start);
        vec![locator.at(offset, one_line(err.message()))]
    })?;
    let mut errors = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let topics: Vec<Topic> = parsed
        .topic
        .into_iter()
        .map(|spanned| {
            let start = spanned.span().start;
            validate(spanned.into_inner(), start, &locator, &mut ids, &mut errors)
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

/// Turns byte offsets of one file into errors placed at a line and column.
struct SpanLocator<'a> {
    file: &'a str,
    text: &'a str,
}

impl SpanLocator<'_> {
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
    locator: &SpanLocator,
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
        errors.push(locator.at(
            id_span.start,
            format!("topic id \"{id}\" must be lower-case letters, digits, '-' or '_'"),
        ));
    }
    if let Some(first) = ids.get(&id) {
        let (line, _) = line_column(locator.text, *first);
        errors.push(locator.at(
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
        errors.push(locator.at(
            nouns_at,
            format!("topic \"{id}\" has no nouns: give `nouns` or `counted` at least one"),
        ));
    }
    if !raw.counted.is_empty() && raw.context.is_empty() {
        errors.push(locator.at(
            start,
            format!("topic \"{id}\" has `counted` nouns but no `context` words to tell them apart"),
        ));
    }
    let pattern = raw
        .pattern
        .and_then(|p| match regex::Regex::new(p.get_ref()) {
            Ok(re) => Some(re),
            Err(err) => {
                errors.push(locator.at(
                    p.span().start,
                    format!("bad regex in `pattern`: {}", one_line(&err.to_string())),
                ));
                None
            }
        });
    // "@people" stands for every word of that class. Rule files are written in
    // English, the one language whose classes they may name.
    let lang = crate::base::lang::ENGLISH;
    let mut terms = |list: &[String]| -> Vec<Term> {
        let mut out = Vec::new();
        for term in list.iter().filter(|t| !t.trim().is_empty()) {
            let Some(class) = term.strip_prefix('@') else {
                out.push(Term::new(term));
                continue;
            };
            match lang.word_class(class) {
                Some(words) => out.extend(words.iter().map(|w| Term::new(w))),
                None => errors.push(locator.at(
                    start,
                    format!(
                        "topic \"{id}\" names an unknown word class \"@{class}\" (known: {})",
                        lang.word_class_names().join(", ")
                    ),
                )),
            }
        }
        out
    };
    let (nouns, counted, context, exclude) = (
        terms(&nouns),
        terms(&raw.counted),
        terms(&raw.context),
        terms(&raw.exclude),
    );
    Topic {
        id,
        label: raw.label,
        description: raw.description,
        unit: raw.unit,
        nouns,
        counted,
        context,
        exclude,
        pattern,
        examples: raw.examples,
        origin: locator.file.to_string(),
        line: line_column(locator.text, start).0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

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
