//! Every shipped rule carries examples of text it must and must not take; this runs them
//! all, so a rule edit that breaks one of its own promises fails here.

use hcx::rules::RuleSet;
use hcx::topics::check_examples;

#[test]
fn every_shipped_rule_takes_its_examples_and_leaves_its_counter_examples() {
    let failures: Vec<String> = check_examples(&RuleSet::builtin())
        .into_iter()
        .map(|f| format!("{}:{}: {}", f.origin, f.line, f.message))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_rule_that_breaks_its_example_is_reported() {
    let mut rules = RuleSet::builtin();
    let broken = hcx::rules::parse(
        "broken.toml",
        "[[topic]]\nid = \"ferries\"\nlabel = \"Ferries\"\nnouns = [\"ferries\"]\n\
         examples.match = [\"Twelve buses left.\"]\nexamples.no_match = [\"Nine ferries sailed.\"]\n\n\
         [[topic]]\nid = \"barges\"\nlabel = \"Barges\"\nnouns = [\"barges\"]\n",
    )
    .unwrap();
    rules.merge(broken);
    let failures: Vec<(String, String)> = check_examples(&rules)
        .into_iter()
        .map(|f| (f.topic, f.message))
        .collect();
    assert_eq!(failures.len(), 3, "{failures:?}");
    assert!(failures[0]
        .1
        .contains("does not take its example \"Twelve buses left.\""));
    assert!(failures[1]
        .1
        .contains("takes its counter-example \"Nine ferries sailed.\""));
    assert_eq!(failures[2].0, "barges");
    assert!(failures[2].1.contains("no `examples.match`"));
}
