//! Arbitrary bytes as an article file: decode, extract claims, run the whole analysis.
#![no_main]

use std::sync::LazyLock;

use hcx::rules::RuleSet;
use hcx::source::Loaded;
use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<RuleSet> = LazyLock::new(RuleSet::builtin);

fuzz_target!(|bytes: &[u8]| {
    let (loaded, _warning) = hcx::source::decode("fuzz.txt", bytes);
    let Loaded::Article(source) = loaded else {
        return;
    };
    for claim in hcx::extract::claims::extract(&source) {
        let paragraph = source
            .paragraphs
            .get(claim.paragraph())
            .unwrap_or_else(|| panic!("claim paragraph {} out of range", claim.paragraph()));
        assert!(
            paragraph.text().contains(claim.quote()),
            "quote {:?} not in paragraph {}: {:?}",
            claim.quote(),
            claim.paragraph(),
            paragraph.text()
        );
    }
    let _ = hcx::analyze(std::slice::from_ref(&source), &RULES);
});
