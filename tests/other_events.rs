//! hcx on article sets about events the seeds are not about, with no rule written for
//! them: the figures that disagree there must be found, and nothing else flagged.

mod common;

use common::{analyze_dir, covered, load_expected, non_claims_taken, root, seen, touched, Seen};

/// Checks an article set against its expected findings: every conflict is found in a
/// flagged topic that does not lump unrelated findings, no agreement is flagged, and no
/// date, year or identifier is taken as a claim.
fn check(set: &str) {
    let dir = root().join("tests/fixtures").join(set);
    let expected = load_expected(&dir.join("expected.toml"));
    let analysis = analyze_dir(&dir);
    let flagged: Vec<(&str, Vec<Seen>)> = analysis
        .topics
        .iter()
        .filter(|t| t.verdict.is_disagreement())
        .map(|t| {
            (
                t.id.as_str(),
                t.claims.iter().map(|p| seen(&p.claim)).collect(),
            )
        })
        .collect();

    for finding in expected.finding.iter().filter(|f| f.kind == "conflict") {
        let found = flagged.iter().any(|(_, claims)| {
            covered(claims, finding) >= 2 && touched(claims, &expected).len() == 1
        });
        assert!(
            found,
            "{set}: conflict `{}` not reported in a clean topic",
            finding.id
        );
    }
    for (topic, claims) in &flagged {
        let hit = touched(claims, &expected);
        assert!(
            hit.len() <= 1,
            "{set}: topic {topic} lumps findings {:?}",
            hit.iter().map(|f| &f.id).collect::<Vec<_>>()
        );
        for finding in hit.iter().filter(|f| f.kind == "agree") {
            assert!(
                covered(claims, finding) < 2,
                "{set}: agreement `{}` flagged in {topic}",
                finding.id
            );
        }
    }
    let all = every_claim(&analysis);
    let taken = non_claims_taken(&all, &expected);
    assert!(taken.is_empty(), "{set}: non-claims taken: {taken:?}");
    // Neither set was written with a sum, name or date problem.
    let checks: Vec<String> = analysis
        .checks
        .iter()
        .map(hcx::report::messages::message)
        .collect();
    assert!(checks.is_empty(), "{set}: {checks:?}");
}

/// Every claim the analysis read, in every source.
fn every_claim(analysis: &hcx::Analysis) -> Vec<Seen> {
    analysis
        .claims
        .iter()
        .flatten()
        .map(|(c, _)| seen(c))
        .collect()
}

#[test]
fn earthquake_reports_deaths_injuries_displaced_and_magnitude() {
    check("earthquake");
}

#[test]
fn election_reports_turnout_and_votes_but_not_the_capital_against_the_region() {
    check("election");
}

#[test]
fn seeds_report_signatories_press_agencies_and_delegates() {
    let dir = root().join("seeds");
    let expected = load_expected(&root().join("tests/seeds-expected.toml"));
    let analysis = analyze_dir(&dir);
    let flagged: Vec<Vec<Seen>> = analysis
        .topics
        .iter()
        .filter(|t| t.verdict.is_disagreement())
        .map(|t| t.claims.iter().map(|p| seen(&p.claim)).collect())
        .collect();
    for finding in expected.finding.iter().filter(|f| f.kind == "conflict") {
        assert!(
            flagged.iter().any(|claims| covered(claims, finding) >= 2),
            "seeds: conflict `{}` missed",
            finding.id
        );
    }
    let all = every_claim(&analysis);
    assert!(non_claims_taken(&all, &expected).is_empty());
    for finding in expected.finding.iter().filter(|f| f.kind == "internal") {
        let found = analysis.checks.iter().any(|check| {
            let claims: Vec<Seen> = check.claims.iter().chain(&check.total).map(seen).collect();
            covered(&claims, finding) >= 2
        });
        assert!(found, "seeds: internal `{}` missed", finding.id);
    }
    let kinds: Vec<&str> = analysis.checks.iter().map(|c| c.kind().as_str()).collect();
    for kind in ["sum", "date", "title", "spelling"] {
        assert!(
            kinds.contains(&kind),
            "no {kind} check on the seeds: {kinds:?}"
        );
    }
}

#[test]
fn a_set_that_agrees_reports_no_disagreement() {
    let analysis = analyze_dir(&root().join("tests/fixtures/festival_clean"));
    let flagged: Vec<&str> = analysis
        .topics
        .iter()
        .filter(|t| t.verdict.is_disagreement())
        .map(|t| t.id.as_str())
        .collect();
    assert!(flagged.is_empty(), "flagged: {flagged:?}");
    assert!(analysis
        .topics
        .iter()
        .any(|t| t.verdict == hcx::compare::Verdict::Agree));
}
