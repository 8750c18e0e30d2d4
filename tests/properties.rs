//! Properties that hold for any input: extraction never panics, every claim's quote is
//! exactly the text at its line and column (controls in the text or not), no control
//! character reaches a human-readable output, and the report is the same bytes
//! whatever the order the files are given in and however many threads run.

mod common;

use proptest::prelude::*;

/// Text that looks enough like news to exercise every stage: words, figures with
/// separators, hedges, dates, units, punctuation, odd spaces, emoji, line ends.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("killed".to_string()),
        Just("more than".to_string()),
        Just("nearly".to_string()),
        Just("people".to_string()),
        Just("delegates".to_string()),
        Just("October".to_string()),
        Just("Oct.".to_string()),
        Just("per cent".to_string()),
        Just("$".to_string()),
        Just("%".to_string()),
        Just("of which".to_string()),
        Just("<!-- hcx: ignore deaths -->".to_string()),
        Just("Source: https://example.org/a-123.html".to_string()),
        Just("| caption |".to_string()),
        Just("twenty-one".to_string()),
        Just("dozens of".to_string()),
        Just("\u{202F}".to_string()),
        Just("😢".to_string()),
        Just("قتلى".to_string()),
        // Controls, which are dropped from article text with their places kept.
        Just("\u{1b}[2J".to_string()),
        Just("\u{1b}]8;;http://x.example/1\u{7}".to_string()),
        Just("\u{1b}]8;;\u{1b}\\".to_string()),
        Just("\u{9b}31m".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{7}".to_string()),
        Just("\u{b}".to_string()),
        "[0-9]{1,3}(,[0-9]{3}){0,2}(\\.[0-9]{1,2})?",
        "[A-Za-z]{1,9}",
        "[.,;:()\\-–—\"'/]",
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.join(" "))
}

/// Lines as hcx counts them: ended by \n, \r\n or a lone \r.
fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = &rest[end..];
        rest = rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix('\n'))
            .or_else(|| rest.strip_prefix('\r'))
            .unwrap_or(rest);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn extraction_never_panics_on_any_string(text in "\\PC*") {
        let source = hcx::source::parse("any.txt", &text);
        let _ = hcx::analyze(&[source], &hcx::rules::RuleSet::builtin());
    }

    #[test]
    fn extraction_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let (hcx::source::Loaded::Article(source), _) = hcx::source::decode("any.txt", &bytes) {
            let _ = hcx::extract::claims::extract(&source);
        }
    }

    #[test]
    fn every_quote_is_the_text_at_its_line_and_column(text in newsy()) {
        let source = hcx::source::parse("news.txt", &text);
        let file_lines = lines(&text);
        for claim in hcx::extract::claims::extract(&source) {
            let line = file_lines[claim.location().line - 1];
            let at: String = line
                .chars()
                .skip(claim.location().column - 1)
                .take(claim.quote().chars().count())
                .collect();
            prop_assert_eq!(at.as_str(), claim.quote(), "line {:?}", line);
        }
    }
}

/// Text full of controls and escape sequences among news words and figures.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        newsy(),
        "[\\x00-\\x1f\\x7f-\\x9f\u{202a}-\u{202e}\u{2066}-\u{2069}]{1,3}",
        Just("\u{1b}[".to_string()),
        Just("\u{1b}]".to_string()),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

/// Every report for people of the analysis of `texts`, at `paths`.
fn human_reports(paths: &[String], texts: &[String]) -> Vec<(String, String)> {
    use hcx::report::{explain, table, Document, Format};
    let sources: Vec<_> = paths
        .iter()
        .zip(texts)
        .map(|(path, text)| hcx::source::parse(path, text))
        .collect();
    let analysis = hcx::analyze(&sources, &hcx::rules::RuleSet::builtin());
    let layout = table::Layout {
        width: Some(80),
        color: false,
    };
    let mut out = Vec::new();
    for format in [
        Format::Table,
        Format::Markdown,
        Format::Github,
        Format::Html,
    ] {
        let document = Document::new(&analysis, analysis.topics.iter().collect(), true, 0);
        let mut bytes = Vec::new();
        format.printer(layout).print(&document, &mut bytes).unwrap();
        out.push((format!("{format:?}"), String::from_utf8(bytes).unwrap()));
    }
    for topic in &analysis.topics {
        let mut bytes = Vec::new();
        explain::write_topic(&mut bytes, topic, &analysis.claims).unwrap();
        out.push((
            format!("explain {}", topic.id),
            String::from_utf8(bytes).unwrap(),
        ));
    }
    let mut bytes = Vec::new();
    let claims: Vec<_> = analysis.claims.concat();
    table::write_claims(&mut bytes, &claims, layout).unwrap();
    out.push((
        "claims table".to_string(),
        String::from_utf8(bytes).unwrap(),
    ));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_control_character_reaches_a_human_readable_output(
        texts in prop::collection::vec(hostile(), 1..4),
        name in "[a-z\\x00-\\x1f\\x7f-\\x9f\u{202e}\n]{1,8}",
    ) {
        let paths: Vec<String> = (0..texts.len()).map(|i| format!("{name}{i}.txt")).collect();
        for (format, text) in human_reports(&paths, &texts) {
            let found = text.chars().find(|c| hcx::base::controls::is_control(*c));
            prop_assert!(found.is_none(), "{} wrote {:?}: {:?}", format, found, text);
        }
    }
}

/// The JSON report of `hcx diff` on the given paths with a given thread count.
fn report(paths: &[&str], threads: &str) -> Vec<u8> {
    let output = common::hcx()
        .env("RAYON_NUM_THREADS", threads)
        .arg("diff")
        .args(paths)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.code().is_some_and(|c| c <= 1));
    output.stdout
}

/// Files given in one order, threads one: the reference every other run must equal.
const INPUTS: [&str; 6] = [
    "seeds/000_1ad5fa34fd881193.txt",
    "seeds/001_d9d9c12d293b2fd6.txt",
    "seeds/002_2d2e2011335ee849.txt",
    "seeds/003_b6e59658b2a52701.txt",
    "seeds/004_b9ba1f36f9bbdff0.txt",
    "tests/fixtures/earthquake",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn the_report_does_not_depend_on_file_order_or_threads(
        order in Just(INPUTS.to_vec()).prop_shuffle(),
        threads in prop_oneof![Just("1"), Just("2"), Just("4")],
    ) {
        let reference = report(&INPUTS, "1");
        prop_assert_eq!(report(&order, threads), reference);
    }
}
