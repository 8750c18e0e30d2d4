//! Bad input never crashes hcx, loses nothing, and says what is wrong: one case per kind
//! of path, content and rule file an editor or a CI job may hand it. A fatal problem is
//! one line on standard error naming the file, exit code 2; a skipped input is a
//! warning and the run goes on; nothing panics, and no input file is written to.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{hcx, Scratch};

/// A fresh scratch folder for one test, removed when the test ends.
fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("bad-{name}"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    hcx().current_dir(dir).args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Asserts a fatal error: exit 2, one line on stderr that names `names`, no panic.
fn assert_fatal(output: &Output, names: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {err}");
    let errors: Vec<&str> = err
        .lines()
        .filter(|l| !l.starts_with("hcx: warning: "))
        .collect();
    assert_eq!(errors.len(), 1, "one line besides warnings: {err}");
    assert!(errors[0].starts_with("hcx: error: "), "{err}");
    assert!(err.contains(names), "{err} should name {names}");
    assert!(!err.contains("panicked"), "{err}");
}

/// The claims hcx extracts from one article text, as JSON values.
fn claims_of(name: &str, bytes: &[u8]) -> (Output, Vec<serde_json::Value>) {
    let dir = scratch(&format!("content-{name}"));
    fs::write(dir.join("a.txt"), bytes).unwrap();
    let output = run(&["claims", "a.txt", "--format", "json"], &dir);
    let claims = serde_json::from_slice::<serde_json::Value>(&output.stdout)
        .map(|v| v["claims"].as_array().cloned().unwrap_or_default())
        .unwrap_or_default();
    (output, claims)
}

fn values(claims: &[serde_json::Value]) -> Vec<f64> {
    claims.iter().filter_map(|c| c["value"].as_f64()).collect()
}

// Paths.

#[test]
fn missing_file() {
    let dir = scratch("missing");
    assert_fatal(
        &run(&["diff", "nowhere.txt"], &dir),
        "nowhere.txt: no such file or folder",
    );
}

#[test]
fn empty_folder() {
    let dir = scratch("empty");
    fs::create_dir_all(dir.join("articles")).unwrap();
    assert_fatal(
        &run(&["diff", "articles"], &dir),
        "articles: no article files",
    );
}

#[test]
fn folder_with_no_articles() {
    let dir = scratch("no-articles");
    fs::create_dir_all(dir.join("articles")).unwrap();
    fs::write(dir.join("articles/photo.jpg"), b"\xff\xd8\xff").unwrap();
    fs::write(dir.join("articles/notes.docx"), b"PK").unwrap();
    assert_fatal(
        &run(&["diff", "articles"], &dir),
        "articles: no article files",
    );
}

#[test]
fn unreadable_file() {
    let dir = scratch("unreadable");
    let file = dir.join("locked.txt");
    fs::write(&file, "The flood killed 12 people.").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    }
    if fs::read(&file).is_ok() {
        // Running as root, permissions do not stop reading: a link to nowhere is a file
        // that cannot be read for any user.
        fs::remove_file(&file).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.join("gone.txt"), &file).unwrap();
    }
    assert_fatal(&run(&["diff", "locked.txt"], &dir), "locked.txt");
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_a_warning_not_a_hang() {
    let dir = scratch("loop");
    fs::create_dir_all(dir.join("articles/inner")).unwrap();
    fs::write(dir.join("articles/a.txt"), "The flood killed 12 people.").unwrap();
    fs::write(dir.join("articles/b.txt"), "The flood killed 12 people.").unwrap();
    std::os::unix::fs::symlink(dir.join("articles"), dir.join("articles/inner/back")).unwrap();
    let output = run(&["diff", "articles", "--follow"], &dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("warning"), "{}", stderr(&output));
    assert!(
        stderr(&output).to_lowercase().contains("loop"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_same_file_named_twice_counts_once() {
    let dir = scratch("twice");
    fs::write(dir.join("a.txt"), "The flood killed 12 people.").unwrap();
    let output = run(
        &["claims", "a.txt", "./a.txt", "a.txt", "--format", "jsonl"],
        &dir,
    );
    assert!(output.status.success());
    assert_eq!(stdout(&output).lines().count(), 1);
}

#[test]
fn ten_thousand_small_files() {
    let dir = scratch("many");
    fs::create_dir_all(dir.join("wire")).unwrap();
    for i in 0..10_000 {
        let text = format!("Update {i}: the storm killed {} people.\n", 10 + i % 3);
        fs::write(dir.join(format!("wire/{i:05}.txt")), text).unwrap();
    }
    let output = run(&["diff", "wire", "--format", "json"], &dir);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["sources"].as_array().unwrap().len(), 10_000);
    assert_eq!(value["topics"][0]["topic"], "deaths");
    assert_eq!(value["topics"][0]["verdict"], "conflict");
}

// Content.

#[test]
fn empty_and_blank_files_have_no_claims() {
    for (name, bytes) in [("empty", &b""[..]), ("blank", &b"  \n\t\n \r\n"[..])] {
        let (output, claims) = claims_of(name, bytes);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        assert!(claims.is_empty(), "{name}");
    }
}

#[test]
fn binary_file_is_skipped_with_a_warning() {
    let dir = scratch("binary");
    fs::write(dir.join("a.txt"), "The flood killed 12 people.").unwrap();
    fs::write(dir.join("b.txt"), b"\x00\x01\x02 12 people killed \x00").unwrap();
    let output = run(&["diff", "."], &dir);
    assert!(
        stderr(&output).contains("b.txt: skipped: binary file"),
        "{}",
        stderr(&output)
    );
    // One article is left of the two: the comparison asked for cannot happen, and the
    // error names what was read and what was skipped.
    assert_fatal(
        &output,
        "nothing to compare: only 1 readable article (./a.txt)",
    );
    assert!(stderr(&output).contains("skipped ./b.txt: binary file"));
    let named = run(&["diff", "a.txt", "b.txt"], &dir);
    assert_fatal(&named, "nothing to compare");
    let only = run(&["diff", "b.txt"], &dir);
    assert_fatal(&only, "no readable articles");
    // A third article makes it a comparison again, and the table names the skipped file.
    fs::write(dir.join("c.txt"), "The flood killed 12 people.").unwrap();
    let output = run(&["diff", "."], &dir);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("; 1 file skipped: ./b.txt"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn nothing_to_compare_is_told_before_the_article_is_analysed() {
    // An ignore comment naming no topic is told by the analysis: when the one article
    // read leaves nothing to compare, the run stops before it, however the article
    // was given.
    let dir = scratch("one-article");
    fs::create_dir(dir.join("set")).unwrap();
    fs::write(
        dir.join("set/a.md"),
        "Flood toll rises\n\nThe flood killed 12 people. <!-- hcx: ignore dethas -->\n",
    )
    .unwrap();
    fs::write(dir.join("set/notes.bin"), b"\x00\x01 12 \x00").unwrap();
    for args in [
        &["diff", "set"][..],
        &["diff", "set/a.md", "set/notes.bin"],
        &["diff", "--format", "json", "set"],
    ] {
        let output = run(args, &dir);
        assert_fatal(&output, "nothing to compare");
        assert!(
            !stderr(&output).contains("names no topic"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // Given alone, the file asks for its own checks, and is analysed.
    let alone = run(&["diff", "set/a.md"], &dir);
    assert!(
        stderr(&alone).contains("ignore comment names no topic \"dethas\""),
        "{}",
        stderr(&alone)
    );
}

#[test]
fn one_unreadable_path_of_two_leaves_nothing_to_compare() {
    let dir = scratch("one-of-two");
    fs::write(dir.join("a.txt"), "The flood killed 12 people.").unwrap();
    let output = run(&["diff", "a.txt", "gone.txt"], &dir);
    assert_fatal(&output, "skipped gone.txt: no such file or folder");
}

#[test]
fn latin1_is_decoded_with_a_warning() {
    let (output, claims) = claims_of(
        "latin1",
        b"Le caf\xe9 a accueilli 40 clients. The caf\xe9 served 40 guests.",
    );
    assert!(output.status.success());
    assert!(stderr(&output).contains("not UTF-8"), "{}", stderr(&output));
    assert!(stderr(&output).contains("windows-1252"));
    assert!(claims
        .iter()
        .any(|c| c["sentence"].as_str().unwrap().contains("café")));
}

#[test]
fn bom_is_not_text() {
    let (_, claims) = claims_of("bom", "\u{feff}Police said 40 boats sank.".as_bytes());
    assert_eq!(claims[0]["column"], 13);
}

#[test]
fn crlf_and_lone_cr_count_lines() {
    for (name, text) in [
        ("crlf", "Title\r\n\r\nPolice said 40 boats sank.\r\n"),
        ("cr", "Title\r\rPolice said 40 boats sank.\r"),
    ] {
        let (_, claims) = claims_of(name, text.as_bytes());
        assert_eq!(claims[0]["line"], 3, "{name}");
        assert_eq!(claims[0]["column"], 13, "{name}");
    }
}

#[test]
fn one_fifty_megabyte_line() {
    // Prose with a figure every few kilobytes, on one line with no line break.
    let filler = "the wind rose again over the bay and the harbour master watched the sea, ";
    let clause = format!(
        "{}officials said 1,234 boats sank in the storm, ",
        filler.repeat(40)
    );
    let repeats = 50 * 1024 * 1024 / clause.len();
    let line = clause.repeat(repeats);
    let (output, claims) = claims_of("huge-line", line.as_bytes());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(claims.len(), repeats);
    let last = claims.last().unwrap();
    let expected_column =
        (repeats - 1) * clause.len() + filler.len() * 40 + "officials said ".len() + 1;
    assert_eq!(last["line"], 1);
    assert_eq!(last["column"].as_u64().unwrap() as usize, expected_column);
}

#[test]
fn very_long_sentences_are_read_whole() {
    let sentence = format!(
        "{} and in the end 77 boats sank.",
        "the wind rose again ".repeat(500)
    );
    let (_, claims) = claims_of("long-sentence", sentence.as_bytes());
    assert_eq!(values(&claims), [77.0]);
}

#[test]
fn rtl_text_and_emoji_around_numbers() {
    let text =
        "قال المسؤولون إن 112 شخصا قتلوا. 🌊 The flood 🌊 killed 112 people 😢 in the valley.";
    let (output, claims) = claims_of("rtl", text.as_bytes());
    assert!(output.status.success());
    let english = claims
        .iter()
        .find(|c| c["quote"] == "112 people")
        .expect("the English claim");
    let col = english["column"].as_u64().unwrap() as usize;
    let at: String = text
        .chars()
        .skip(col - 1)
        .take("112 people".chars().count())
        .collect();
    assert_eq!(at, "112 people");
}

#[test]
fn non_breaking_and_thin_spaces_inside_numbers() {
    for text in [
        "Some 2\u{00A0}500 people fled.",
        "Some 2\u{202F}500 people fled.",
        "Some 2\u{2009}500 people fled.",
    ] {
        let (_, claims) = claims_of("spaces", text.as_bytes());
        assert_eq!(values(&claims), [2500.0], "{text:?}");
    }
}

#[test]
fn european_and_indian_grouping() {
    let (_, claims) = claims_of(
        "grouping",
        "Some 2.500.000 people voted. Around 1,00,000 people fled.".as_bytes(),
    );
    assert_eq!(values(&claims), [2_500_000.0, 100_000.0]);
}

#[test]
fn huge_and_tiny_numbers() {
    let (output, claims) = claims_of(
        "extremes",
        b"It held 999,999,999,999,999,999,999 grains. Traces of 0.000001 grams were found.",
    );
    assert!(output.status.success());
    assert_eq!(values(&claims), [999_999_999_999_999_999_999.0, 0.000_001]);
}

#[test]
fn numbers_glued_to_punctuation() {
    let text =
        "Deaths (112) rose; 40-odd boats sank; \"12 people\" died; 7 ships, 8 tugs—and 9 barges…";
    let (output, claims) = claims_of("glued", text.as_bytes());
    assert!(output.status.success());
    let found = values(&claims);
    for want in [12.0, 7.0, 8.0, 9.0] {
        assert!(found.contains(&want), "{want} in {found:?}");
    }
}

// Rules (each kind of bad file is also snapshotted in tests/workflow.rs).

#[test]
fn bad_rules_stop_the_run_naming_file_line_and_column() {
    let root = common::root();
    for (file, place) in [
        ("syntax-error", ":3:15:"),
        ("wrong-type", ":4:9:"),
        ("unknown-key", ":5:1:"),
        ("duplicate-id", ":7:6:"),
        ("empty-nouns", ":4:9:"),
        ("bad-regex", ":5:11:"),
    ] {
        let path = format!("tests/data/bad-rules/{file}.toml");
        let output = run(&["diff", "seeds", "--rules", &path], &root);
        assert_fatal(&output, &format!("{path}{place}"));
    }
}

#[test]
fn a_rule_that_matches_nothing_is_a_warning() {
    let output = run(
        &["rules", "check", "tests/data/rules-warn"],
        &common::root(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("warning: topic \"ferries\" does not take its example"));
}

// Inputs are never written to.

#[test]
fn no_input_file_is_written() {
    let dir = scratch("untouched");
    fs::create_dir_all(dir.join("articles")).unwrap();
    fs::write(
        dir.join("articles/a.txt"),
        "<!-- hcx: ignore deaths -->\nThe flood killed 12 people.\nAbout 40 boats sank.",
    )
    .unwrap();
    fs::write(
        dir.join("articles/b.txt"),
        "The flood killed 14 people. Some 40 boats sank.",
    )
    .unwrap();
    fs::write(dir.join("hcx.toml"), "fail_on = \"conflict\"\n").unwrap();
    let snapshot = || -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
        let mut files: Vec<_> = ["articles/a.txt", "articles/b.txt", "hcx.toml"]
            .iter()
            .map(|f| {
                let p = dir.join(f);
                (
                    p.clone(),
                    fs::read(&p).unwrap(),
                    fs::metadata(&p).unwrap().modified().unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot();
    std::thread::sleep(std::time::Duration::from_millis(20));
    for args in [
        &["diff", "articles"][..],
        &["diff", "articles", "--format", "html"],
        &["claims", "articles", "--format", "json"],
        &["explain", "auto/boat", "articles"],
        &["diff", "articles", "--write-baseline", "base.toml"],
        &["diff", "articles", "--baseline", "base.toml"],
    ] {
        let output = run(args, &dir);
        assert!(
            output.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    assert_eq!(snapshot(), before);
}
