//! Every shipped rule carries examples of text it must and must not take; this runs them
//! all, so a rule edit that breaks one of its own promises fails here.

use hcx::rules::RuleSet;
use hcx::source;

/// The base ids (before any "/qualifier") of the topics the claims of `text` go to.
fn topics_of(text: &str, rules: &RuleSet) -> Vec<String> {
    let article = source::parse("example.txt", text);
    hcx::claims::extract(&article)
        .iter()
        .filter_map(|claim| hcx::topics::place(claim, rules))
        .map(|p| p.id.split('/').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn every_shipped_rule_takes_its_examples_and_leaves_its_counter_examples() {
    let rules = RuleSet::builtin();
    let mut failures = Vec::new();
    for topic in &rules.topics {
        if topic.examples.matches.is_empty() {
            failures.push(format!("{}: no examples", topic.id));
        }
        for text in &topic.examples.matches {
            let found = topics_of(text, &rules);
            if !found.contains(&topic.id) {
                failures.push(format!("{}: should take {text:?}, got {found:?}", topic.id));
            }
        }
        for text in &topic.examples.no_match {
            let found = topics_of(text, &rules);
            if found.contains(&topic.id) {
                failures.push(format!("{}: should not take {text:?}", topic.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
