//! Builds hcx's data into the binary, so an installed `hcx` needs no data files and adding
//! a rule file or a word needs no code:
//!
//! - every rule file of `rules/`, embedded as text and parsed at run time (a user's own
//!   rule files are read the same way);
//! - every language's word lists, `lang/<code>/*.toml`, turned into Rust statics (as
//!   typos-dict generates its dictionary), so they cost nothing at start-up.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use toml::{Table, Value};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(
        out.join("builtin_rules.rs"),
        builtin_rules(&root.join("rules")),
    )
    .unwrap();
    fs::write(out.join("languages.rs"), languages(&root.join("lang"))).unwrap();
}

/// The `.toml` files of a folder, sorted, each watched for changes.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    files
}

fn builtin_rules(dir: &Path) -> String {
    let mut out = String::from(
        "/// Built-in rule files: (file name, contents).\npub const BUILTIN_RULES: &[(&str, &str)] = &[\n",
    );
    for file in toml_files(dir) {
        let name = file.file_name().unwrap().to_string_lossy();
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

/// One `Language` static for each folder of `lang/`, named by the folder in capitals
/// (`lang/en/` is `EN`). Every table of the folder's files becomes the field of the same
/// name; its shape says the field's type (see `field`).
fn languages(dir: &Path) -> String {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut codes: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    codes.sort();
    let mut out = String::new();
    for code in &codes {
        let mut tables = Table::new();
        for file in toml_files(&dir.join(code)) {
            let text = fs::read_to_string(&file).unwrap();
            let parsed: Table = text
                .parse()
                .unwrap_or_else(|err| panic!("{}: {err}", file.display()));
            for (key, value) in parsed {
                assert!(
                    tables.insert(key.clone(), value).is_none(),
                    "{}: `{key}` is given twice in lang/{code}",
                    file.display()
                );
            }
        }
        writeln!(
            out,
            "/// The word lists of `lang/{code}/`.\npub static {}: Language = Language {{\n    code: {code:?},",
            code.to_uppercase()
        )
        .unwrap();
        for (key, value) in &tables {
            out.push_str(&field(key, value));
        }
        out.push_str(&month_words(&tables));
        out.push_str("};\n");
    }
    out
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|v| v.as_str().expect("a string").to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn string_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", quoted.join(", "))
}

/// A phrase as its words: "more than" as `&["more", "than"]`.
fn words_of(phrase: &str) -> String {
    let words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
    string_list(&words)
}

fn number(value: &Value) -> String {
    match value {
        // Exponent form ("1e6"): exact, and readable however large.
        Value::Float(f) => format!("{f:e}"),
        #[allow(clippy::cast_precision_loss)]
        Value::Integer(i) => format!("{:e}", *i as f64),
        other => panic!("not a number: {other}"),
    }
}

/// One field of a `Language`, by the shape of its table:
/// - `words` (with optional `examples` and `counter_examples`): a `WordSet`, in lower case;
/// - `pairs`: `&[(&str, &str)]`; `factors`: `&[(&str, f64)]`;
/// - `number_style`: its `group` and `decimal` characters;
/// - arrays of tables: `months` (name, abbreviations), `vague` (words, low, high) and
///   hedges (words, kind).
fn field(key: &str, value: &Value) -> String {
    let body = match (key, value) {
        ("number_style", Value::Table(t)) => {
            let ch = |k: &str| {
                let s = t[k].as_str().expect("a character");
                assert_eq!(s.chars().count(), 1, "number_style.{k} is one character");
                format!("{:?}", s.chars().next().unwrap())
            };
            format!(
                "NumberStyle {{ group: {}, decimal: {} }}",
                ch("group"),
                ch("decimal")
            )
        }
        ("months", Value::Array(items)) => {
            let months: Vec<String> = items
                .iter()
                .map(|m| {
                    format!(
                        "Month {{ name: {:?}, abbreviations: {} }}",
                        m["name"].as_str().unwrap(),
                        string_list(&strings(&m["abbreviations"]))
                    )
                })
                .collect();
            format!("&[{}]", months.join(", "))
        }
        ("vague", Value::Array(items)) => {
            let amounts: Vec<String> = items
                .iter()
                .map(|v| {
                    format!(
                        "Vague {{ words: {}, low: {}, high: {} }}",
                        words_of(v["words"].as_str().unwrap()),
                        number(&v["low"]),
                        number(&v["high"])
                    )
                })
                .collect();
            format!("&[{}]", amounts.join(", "))
        }
        (_, Value::Array(items)) if key.starts_with("hedges_") => {
            let hedges: Vec<String> = items
                .iter()
                .map(|h| {
                    format!(
                        "HedgeWords {{ words: {}, kind: {:?} }}",
                        words_of(h["words"].as_str().unwrap()),
                        h["kind"].as_str().unwrap()
                    )
                })
                .collect();
            format!("&[{}]", hedges.join(", "))
        }
        (_, Value::Table(t)) if t.contains_key("words") => {
            let lower: Vec<String> = strings(&t["words"])
                .iter()
                .map(|w| w.to_lowercase())
                .collect();
            let examples = t.get("examples").map(strings).unwrap_or_default();
            let counter = t.get("counter_examples").map(strings).unwrap_or_default();
            format!(
                "WordSet::new({}, {}, {})",
                string_list(&lower),
                string_list(&examples),
                string_list(&counter)
            )
        }
        (_, Value::Table(t)) if t.contains_key("pairs") => {
            let pairs: Vec<String> = t["pairs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    let p = strings(p);
                    format!("({:?}, {:?})", p[0], p[1])
                })
                .collect();
            format!("&[{}]", pairs.join(", "))
        }
        (_, Value::Table(t)) if t.contains_key("factors") => {
            let factors: Vec<String> = t["factors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    let p = p.as_array().unwrap();
                    format!("({:?}, {})", p[0].as_str().unwrap(), number(&p[1]))
                })
                .collect();
            format!("&[{}]", factors.join(", "))
        }
        _ => panic!("lang: `{key}` has no shape build.rs knows"),
    };
    format!("    {key}: {body},\n")
}

/// Every month name and abbreviation in lower case, for telling a date from a count.
fn month_words(tables: &Table) -> String {
    let mut words = Vec::new();
    for month in tables["months"].as_array().expect("months") {
        words.push(month["name"].as_str().unwrap().to_lowercase());
        words.extend(
            strings(&month["abbreviations"])
                .iter()
                .map(|a| a.to_lowercase()),
        );
    }
    format!(
        "    month_words: WordSet::new({}, &[], &[]),\n",
        string_list(&words)
    )
}
