//! The rule-examples lint: every topic's examples run through extraction and matching.
//! It lives with the topics, not with the rules, because it needs the stages between:
//! the rules layer loads and validates files and knows nothing of extraction.

use crate::extract::claims;
use crate::rules::RuleSet;
use crate::source;

use super::Matcher;

/// A rule whose examples do not do what the rule promises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub topic: String,
    /// The rule file and line of the topic.
    pub origin: String,
    pub line: usize,
    pub message: String,
}

/// Runs every topic's examples through extraction and placement: each `match` example
/// must put a claim in the topic, no `no_match` example may, and a topic without
/// examples is reported, since nothing shows it matches anything.
pub fn check_examples(rules: &RuleSet) -> Vec<ExampleFailure> {
    let matcher = Matcher::new(rules);
    let base_topics = |text: &str| -> Vec<String> {
        let article = source::parse("example", text);
        let mut assigner = matcher.assigner(&crate::event::UNKNOWN);
        claims::extract(&article)
            .iter()
            .filter_map(|claim| assigner.assign(claim))
            .map(|p| p.id.split('/').next().unwrap_or_default().to_string())
            .collect()
    };
    let mut failures = Vec::new();
    for topic in rules.topics() {
        let mut fail = |message: String| {
            failures.push(ExampleFailure {
                topic: topic.id.clone(),
                origin: topic.origin.clone(),
                line: topic.line,
                message,
            });
        };
        if topic.examples.matches.is_empty() {
            fail(format!(
                "topic \"{}\" has no `examples.match`: nothing shows it takes any claim",
                topic.id
            ));
        }
        for text in &topic.examples.matches {
            let found = base_topics(text);
            if !found.contains(&topic.id) {
                fail(format!(
                    "topic \"{}\" does not take its example {text:?} (its claims went to {found:?})",
                    topic.id
                ));
            }
        }
        for text in &topic.examples.no_match {
            if base_topics(text).contains(&topic.id) {
                fail(format!(
                    "topic \"{}\" takes its counter-example {text:?}",
                    topic.id
                ));
            }
        }
    }
    failures
}
