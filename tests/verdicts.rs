//! Verdicts as the README documents them: every row of its table of examples, run through
//! the whole pipeline; the property that a source agreeing with a topic's figures never
//! makes its verdict worse; and topics in the order an editor must see them.

use hcx::compare::Verdict;
use proptest::prelude::*;

/// One article a wording: the storm's death toll as that wording gives it.
fn article(name: &str, wordings: &[&str]) -> hcx::source::Source {
    let text: Vec<String> = wordings
        .iter()
        .map(|w| format!("Officials said the storm killed {w} people."))
        .collect();
    hcx::source::parse(name, &text.join(" "))
}

/// The deaths topic's verdict over articles given as their wordings.
fn verdict_of(articles: &[Vec<&str>]) -> Option<Verdict> {
    let sources: Vec<hcx::source::Source> = articles
        .iter()
        .enumerate()
        .map(|(i, wordings)| article(&format!("source-{i}.txt"), wordings))
        .collect();
    let analysis = hcx::analyze(&sources, &RULES);
    analysis
        .topics
        .iter()
        .find(|t| t.id == "deaths")
        .map(|t| t.verdict)
}

/// The quoted wordings of a table cell: `"116"`, or `"over 107", "around 121"`.
fn quoted(cell: &str) -> Vec<&str> {
    cell.split('"').skip(1).step_by(2).collect()
}

struct Example<'a> {
    a: Vec<&'a str>,
    b: Vec<&'a str>,
    verdict: &'a str,
}

/// The rows of the README's table of verdict examples.
fn readme_examples(readme: &str) -> Vec<Example<'_>> {
    let start = readme
        .find("<!-- verdict examples: start -->")
        .expect("the README has its table of verdict examples");
    let end = readme[start..]
        .find("<!-- verdict examples: end -->")
        .expect("the table of verdict examples is closed")
        + start;
    readme[start..end]
        .lines()
        .filter(|l| l.starts_with("| \""))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 4, "a row of four cells: {line}");
            Example {
                a: quoted(cells[0]),
                b: quoted(cells[1]),
                verdict: cells[2],
            }
        })
        .collect()
}

#[test]
fn every_example_in_the_readme_holds() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let examples = readme_examples(&readme);
    assert!(
        examples.len() >= 10,
        "the table was read: {} rows",
        examples.len()
    );
    let mut wrong = Vec::new();
    for example in &examples {
        assert!(!example.a.is_empty() && !example.b.is_empty());
        // Each wording of either column is an article of its own.
        let articles: Vec<Vec<&str>> = example
            .a
            .iter()
            .chain(&example.b)
            .map(|w| vec![*w])
            .collect();
        let got = verdict_of(&articles).map(Verdict::as_str);
        if got != Some(example.verdict) {
            wrong.push(format!(
                "{:?} against {:?}: README says {}, hcx says {got:?}",
                example.a, example.b, example.verdict
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// How good a verdict is for the claim that sources agree: a single source is no worse
/// than agreement.
fn rank(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Conflict => 0,
        Verdict::Differs => 1,
        Verdict::Agree | Verdict::Single => 2,
    }
}

const HEDGES: [&str; 8] = [
    "",
    "about ",
    "nearly ",
    "some ",
    "more than ",
    "at least ",
    "as many as ",
    "over ",
];
const FIGURES: [&str; 6] = ["36", "38", "40", "44", "400", "1,000"];

/// Every wording the properties use, with the claims each gives: worked out once, as
/// the rules and the pipeline are what is slow here.
static WORDINGS: std::sync::LazyLock<Vec<(String, Vec<Claim>)>> = std::sync::LazyLock::new(|| {
    HEDGES
        .iter()
        .flat_map(|h| FIGURES.iter().map(move |f| format!("{h}{f}")))
        .map(|w| {
            let claims = claims_of(&w);
            (w, claims)
        })
        .collect()
});

static RULES: std::sync::LazyLock<hcx::rules::RuleSet> =
    std::sync::LazyLock::new(hcx::rules::RuleSet::builtin);

type Claim = std::sync::Arc<hcx::extract::claims::Claim>;

/// Death tolls near one another, so that random topics hold agreements, differences
/// and conflicts alike: each article one or two wordings, by their index in [`WORDINGS`].
fn topic() -> impl Strategy<Value = Vec<Vec<usize>>> {
    let count = HEDGES.len() * FIGURES.len();
    prop::collection::vec(prop::collection::vec(0..count, 1..=2), 1..=4)
}

fn texts(articles: &[Vec<usize>]) -> Vec<Vec<&'static str>> {
    articles
        .iter()
        .map(|a| a.iter().map(|&i| WORDINGS[i].0.as_str()).collect())
        .collect()
}

/// The claims one wording gives, to test what it agrees with.
fn claims_of(wording: &str) -> Vec<Claim> {
    let analysis = hcx::analyze(&[article("probe.txt", &[wording])], &RULES);
    analysis
        .topics
        .iter()
        .filter(|t| t.id == "deaths")
        .flat_map(|t| t.claims.iter().map(|p| std::sync::Arc::clone(&p.claim)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A source that repeats another's figures adds no disagreement.
    #[test]
    fn a_source_repeating_another_never_worsens_the_verdict(
        articles in topic(),
        pick in any::<prop::sample::Index>(),
    ) {
        let before = verdict_of(&texts(&articles));
        let mut more = articles.clone();
        more.push(articles[pick.index(articles.len())].clone());
        let after = verdict_of(&texts(&more));
        if let (Some(before), Some(after)) = (before, after) {
            prop_assert!(rank(after) >= rank(before), "{:?}: {before:?} then {after:?}", texts(&articles));
        }
    }

    /// A source whose figure agrees with every figure of the topic adds no disagreement.
    #[test]
    fn a_source_agreeing_with_every_figure_never_worsens_the_verdict(
        articles in topic(),
        pick in any::<prop::sample::Index>(),
    ) {
        let existing: Vec<&Claim> = articles.iter().flatten().flat_map(|&i| &WORDINGS[i].1).collect();
        let agreeing: Vec<usize> = (0..WORDINGS.len())
            .filter(|&k| {
                let new = &WORDINGS[k].1;
                !new.is_empty()
                    && new.iter().all(|n| {
                        existing
                            .iter()
                            .all(|e| hcx::compare::relate(n, e) == Verdict::Agree)
                    })
            })
            .collect();
        // A topic no wording agrees with wholly has nothing to add.
        if !agreeing.is_empty() {
            let added = agreeing[pick.index(agreeing.len())];
            let before = verdict_of(&texts(&articles));
            let mut more = articles.clone();
            more.push(vec![added]);
            let after = verdict_of(&texts(&more));
            if let (Some(before), Some(after)) = (before, after) {
                prop_assert!(
                    rank(after) >= rank(before),
                    "{:?} + {}: {before:?} then {after:?}",
                    texts(&articles),
                    WORDINGS[added].0
                );
            }
        }
    }
}

/// The agreeing property is not empty: some topics do have a wording that agrees with
/// all their figures, and adding it keeps an agreement.
#[test]
fn an_agreeing_source_exists_for_an_agreeing_topic() {
    let about = WORDINGS.iter().position(|w| w.0 == "about 40").unwrap();
    let some = WORDINGS.iter().position(|w| w.0 == "some 40").unwrap();
    let nearly = WORDINGS.iter().position(|w| w.0 == "nearly 40").unwrap();
    assert_eq!(
        verdict_of(&texts(&[vec![about], vec![nearly]])),
        Some(Verdict::Agree)
    );
    assert_eq!(
        verdict_of(&texts(&[vec![about], vec![nearly], vec![some]])),
        Some(Verdict::Agree)
    );
}

/// Topics in the order an editor must see them, on the seeds and the fixtures: the
/// first flagged topic is a conflict, no difference comes before a conflict, and
/// within a verdict no topic with a narrower gap comes before a wider one.
#[test]
fn the_most_important_topic_comes_first() {
    for set in [
        "seeds",
        "tests/fixtures/earthquake",
        "tests/fixtures/election",
    ] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(set);
        let corpus = hcx::read(&[dir], &hcx::ReadOptions::default()).unwrap();
        let analysis = hcx::analyze(&corpus.sources, &RULES);
        let topics = &analysis.topics;
        assert_eq!(topics[0].verdict, Verdict::Conflict, "{set}");
        for pair in topics.windows(2) {
            assert!(pair[0].verdict <= pair[1].verdict, "{set}: {}", pair[1].id);
            if pair[0].verdict == pair[1].verdict {
                assert!(
                    hcx::compare::gap(&pair[0]) >= hcx::compare::gap(&pair[1]),
                    "{set}: {} before {}",
                    pair[0].id,
                    pair[1].id
                );
            }
        }
    }
}
