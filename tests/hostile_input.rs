//! Hostile and huge input: articles come from the web and are printed to terminals,
//! Markdown and HTML, and newsrooms point hcx at archives. One case per kind: escape
//! sequences neither reach a person nor make claims, Markdown shows article markup
//! literally, only what was given is read, UTF-16 is decoded, unreadable paths follow
//! one policy, and a huge file or topic costs what its size does.

mod common;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Output;

use common::{hcx, Scratch};

fn scratch(name: &str) -> Scratch {
    Scratch::new(&format!("hostile-{name}"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    hcx().current_dir(dir).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// True when a control (anything but tab and line feed that steers a terminal or
/// reorders text) is in the bytes.
fn has_control(text: &str) -> bool {
    text.chars().any(hcx::base::controls::is_control)
}

/// Clears the screen, homes the cursor, and wraps a figure in an OSC 8 hyperlink.
const HOSTILE: &[u8] = b"The storm killed 12 people.\x1b[2J\x1b[H Officials said \
\x1b]8;;http://evil.example\x07more than 40 boats\x1b]8;;\x07 sank.\n\
A \xe2\x80\xaeflood\xe2\x80\xac hit 30 villages \xc2\x9b31m today.\n";

#[test]
fn escape_sequences_make_no_claims_and_keep_every_place() {
    let dir = scratch("claims");
    fs::write(dir.join("a.txt"), HOSTILE).unwrap();
    let output = run(&["claims", "a.txt", "--format", "jsonl"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    let claims: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let found: Vec<(f64, u64, u64, &str)> = claims
        .iter()
        .map(|c| {
            (
                c["value"].as_f64().unwrap(),
                c["line"].as_u64().unwrap(),
                c["column"].as_u64().unwrap(),
                c["quote"].as_str().unwrap(),
            )
        })
        .collect();
    // "ESC[2J" is no figure 2; columns count the dropped controls as the file has them.
    assert_eq!(
        found,
        [
            (12.0, 1, 18, "12 people"),
            (40.0, 1, 76, "more than 40 boats"),
            (30.0, 2, 15, "30 villages"),
        ]
    );
    for claim in &claims {
        assert!(!has_control(claim["sentence"].as_str().unwrap()), "{claim}");
    }
}

#[cfg(unix)]
#[test]
fn every_format_for_people_escapes_a_hostile_file_name() {
    let dir = scratch("names");
    let name = "evil\u{1b}[2J\u{202e}.txt";
    fs::write(dir.join(name), HOSTILE).unwrap();
    fs::write(dir.join("b.txt"), "The storm killed 14 people.\n").unwrap();
    let shown = "evil\\x1b[2J\\u{202e}.txt";
    let cases: [(&[&str], String); 5] = [
        (&["--width", "400"], format!("┆ {shown}:1:18 ")),
        (&["--format", "markdown"], format!("| `{shown}:1:18` | 12 |")),
        (
            &["--format", "github"],
            format!("::error file=b.txt,line=1,col=18,title=hcx conflict%3A People killed::\"14 people\" here; other sources: 12 ({shown}:1:18)"),
        ),
        (
            &["--format", "html"],
            format!("<tr><td><code>{shown}:1:18</code></td><td>12</td>"),
        ),
        (&[], String::new()),
    ];
    for (extra, wanted) in cases {
        let mut args = vec!["diff", name, "b.txt"];
        args.extend_from_slice(extra);
        if extra.is_empty() {
            args = vec!["explain", "deaths", name, "b.txt"];
        }
        let output = run(&args, &dir);
        let text = stdout(&output);
        assert!(!has_control(&text), "{args:?}: {text:?}");
        let wanted = if wanted.is_empty() {
            format!("{shown}:1:18  \"12 people\"")
        } else {
            wanted
        };
        assert!(text.contains(&wanted), "{args:?} lacks {wanted:?}:\n{text}");
    }
    // JSON keeps the name exact, escaped as JSON escapes it.
    let output = run(&["diff", name, "b.txt", "--format", "json"], &dir);
    assert!(stdout(&output).contains("\"source\": \"evil\\u001b[2J\u{202e}.txt\""));
    // Standard error shows it escaped too.
    fs::write(dir.join("z\u{1b}[31m.txt"), b"\x00binary").unwrap();
    let output = run(&["diff", "."], &dir);
    assert!(!has_control(&stderr(&output)), "{:?}", stderr(&output));
    assert!(stderr(&output).contains("z\\x1b[31m.txt: skipped: binary file"));
}

#[test]
fn markdown_shows_article_markup_literally() {
    let dir = scratch("markdown");
    fs::write(
        dir.join("a.txt"),
        "<b>x</b> <img onerror=y> killed 14 people.\n",
    )
    .unwrap();
    fs::write(
        dir.join("b.txt"),
        "The storm killed 16 people | `c` *s* _u_ a_b &amp; [l](x).\n",
    )
    .unwrap();
    let output = run(&["diff", "a.txt", "b.txt", "--format", "markdown"], &dir);
    let text = stdout(&output);
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("| `")).collect();
    assert_eq!(
        rows,
        [
            "| `a.txt:1:33` | 14 |  | &lt;b&gt;x&lt;/b&gt; &lt;img onerror=y&gt; killed **14 people**. |",
            "| `b.txt:1:18` | 16 |  | The storm killed **16 people** \\| \\`c\\` \\*s\\* \\_u\\_ a_b &amp;amp; \\[l\\](x). |",
        ]
    );
    assert!(!text.contains("<b>") && !text.contains("<img"));
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_only_when_asked() {
    let dir = scratch("links");
    fs::create_dir_all(dir.join("outside")).unwrap();
    fs::create_dir_all(dir.join("articles")).unwrap();
    fs::write(
        dir.join("outside/secret.txt"),
        "The storm killed 99 people.",
    )
    .unwrap();
    fs::write(dir.join("articles/a.txt"), "The storm killed 12 people.").unwrap();
    fs::write(dir.join("articles/b.txt"), "The storm killed 14 people.").unwrap();
    std::os::unix::fs::symlink(dir.join("outside"), dir.join("articles/link")).unwrap();
    std::os::unix::fs::symlink(
        dir.join("outside/secret.txt"),
        dir.join("articles/linked.txt"),
    )
    .unwrap();
    let sources = |args: &[&str]| -> Vec<String> {
        let output = run(args, &dir);
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        value["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["path"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        sources(&["diff", "articles", "--format", "json"]),
        ["articles/a.txt", "articles/b.txt"]
    );
    let followed = sources(&["diff", "articles", "--format", "json", "--follow"]);
    assert_eq!(followed.len(), 3, "{followed:?}");
    assert!(followed.iter().any(|p| p.contains("secret")));
    // A link named on the command line is what was given: it is read.
    assert_eq!(
        sources(&[
            "diff",
            "articles/linked.txt",
            "articles/a.txt",
            "--format",
            "json"
        ])
        .len(),
        2
    );
}

#[test]
fn reports_written_into_the_folder_are_not_read_back() {
    let dir = scratch("reports");
    fs::create_dir_all(dir.join("articles")).unwrap();
    fs::write(dir.join("articles/a.txt"), "The storm killed 12 people.").unwrap();
    fs::write(dir.join("articles/b.txt"), "The storm killed 14 people.").unwrap();
    for (format, file) in [
        ("markdown", "note.md"),
        ("html", "report.html"),
        ("json", "report.txt"),
        ("table", "table.txt"),
    ] {
        let output = run(&["diff", "articles", "--format", format], &dir);
        fs::write(dir.join("articles").join(file), &output.stdout).unwrap();
    }
    let output = run(&["diff", "articles", "--format", "json"], &dir);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["sources"].as_array().unwrap().len(), 2);
    assert_eq!(value["generator"], hcx::source::REPORT_MARKER);
    let err = stderr(&output);
    for file in ["note.md", "report.html", "report.txt", "table.txt"] {
        assert!(
            err.contains(&format!("{file}: skipped: a report of hcx, not an article")),
            "{file}: {err}"
        );
    }
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let text = "Title\nPolice said 40 boats sank.\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let dir = scratch("utf16");
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        fs::write(dir.join(name), bytes).unwrap();
        let output = run(&["claims", name, "--format", "jsonl"], &dir);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let claim: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
        assert_eq!(
            (&claim["value"], &claim["line"], &claim["column"]),
            (&40.into(), &2.into(), &13.into()),
            "{name}"
        );
    }
    // Without a mark, other encodings are guessed: Cyrillic in windows-1251.
    fs::write(
        dir.join("ru.txt"),
        b"\xcf\xee\xe3\xe8\xe1\xeb\xe8 12 \xf7\xe5\xeb\xee\xe2\xe5\xea.",
    )
    .unwrap();
    let output = run(&["claims", "ru.txt", "--format", "jsonl"], &dir);
    assert!(
        stderr(&output).contains("read as windows-1251"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("Погибли 12 человек."));
}

#[test]
fn unreadable_paths_are_each_reported_and_the_run_ends_with_2() {
    let dir = scratch("failures");
    fs::write(dir.join("a.txt"), "The storm killed 12 people.").unwrap();
    fs::write(dir.join("b.txt"), "The storm killed 14 people.").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("nothing-there.txt"), dir.join("gone.txt")).unwrap();
    #[cfg(not(unix))]
    fs::write(dir.join("gone.txt"), "").unwrap();
    for command in ["diff", "claims"] {
        let output = run(
            &[
                command,
                "a.txt",
                "gone.txt",
                "b.txt",
                "nowhere.txt",
                "--format",
                "json",
            ],
            &dir,
        );
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{command}: {err}");
        let errors: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with("hcx: error: "))
            .collect();
        #[cfg(unix)]
        assert_eq!(errors.len(), 2, "{command}: {err}");
        assert!(
            err.contains("hcx: error: nowhere.txt: no such file or folder"),
            "{err}"
        );
        // The report of what could be read is written all the same.
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let kept = if command == "diff" {
            value["sources"].as_array().unwrap().len()
        } else {
            value["claims"].as_array().unwrap().len()
        };
        assert_eq!(kept, 2, "{command}");
    }
    // A folder with no articles beside a good one is one more failure, not the end.
    fs::create_dir_all(dir.join("empty")).unwrap();
    let output = run(&["diff", "a.txt", "b.txt", "empty"], &dir);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("empty: no article files"));
    assert!(stdout(&output).contains("People killed"));
}

#[test]
fn thousands_of_findings_of_one_file_are_counted_not_listed() {
    let dir = scratch("many-findings");
    let text = "The fleet has 40 boats. It counts 12 Greek boats, 15 Turkish boats and 10 Italian boats.\n\n"
        .repeat(60);
    fs::write(dir.join("a.txt"), text).unwrap();
    let output = run(&["diff", "a.txt", "--format", "markdown"], &dir);
    let text = stdout(&output);
    assert_eq!(text.matches("- **sum**: 12 + 15 + 10 = 37").count(), 20);
    assert!(
        text.contains("- **sum** (a.txt): and 40 more sum findings in this file"),
        "{text}"
    );
    let output = run(&["diff", "a.txt", "--format", "json"], &dir);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["checks"].as_array().unwrap().len(), 60);
}

#[test]
fn one_huge_topic_costs_what_its_claims_do() {
    // 40,000 different death tolls in one file and 40,000 in another: every repeat was
    // looked for among all of a source's claims, and every two sources' claims paired.
    let dir = scratch("huge-topic");
    for (name, offset) in [("a.txt", 0), ("b.txt", 7)] {
        let mut text = String::new();
        for i in 0..40_000 {
            writeln!(text, "The storm killed {} people.", 100 + i * 3 + offset).unwrap();
        }
        fs::write(dir.join(name), text).unwrap();
    }
    let start = std::time::Instant::now();
    let output = run(&["diff", "a.txt", "b.txt", "--format", "json"], &dir);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        start.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        value["topics"][0]["claims"].as_array().unwrap().len(),
        80_000
    );
}
