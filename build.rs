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
/// name; its shape says the field's type (see `field`). A few sets are derived from the
/// tables, for one quick lookup where extraction asks about every word.
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
        let mut sets = WordSets {
            code,
            lookups: String::new(),
        };
        writeln!(
            out,
            "/// The word lists of `lang/{code}/`.\npub static {}: Language = Language {{\n    code: {code:?},",
            code.to_uppercase()
        )
        .unwrap();
        for (key, value) in &tables {
            out.push_str(&field(key, value, &mut sets));
        }
        for (key, words) in derived(&tables) {
            writeln!(out, "    {key}: {},", sets.set(&key, &words, &[], &[])).unwrap();
        }
        out.push_str("};\n");
        out.push_str(&sets.lookups);
    }
    out
}

/// Lists up to this long are looked up by a generated `match`, as fast as the literal
/// comparisons they replace; longer ones by a hash set.
const MATCHED: usize = 32;

/// Writes `WordSet` initialisers, and the lookup functions of the short ones.
struct WordSets<'a> {
    code: &'a str,
    lookups: String,
}

impl WordSets<'_> {
    fn set(
        &mut self,
        key: &str,
        words: &[String],
        examples: &[String],
        counter: &[String],
    ) -> String {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let list = string_list(&lower);
        let (examples, counter) = (string_list(examples), string_list(counter));
        if lower.len() > MATCHED {
            return format!("WordSet::new({list}, {examples}, {counter})");
        }
        let name = format!("{}_{key}", self.code);
        let mut arms = String::new();
        let mut seen: Vec<&str> = Vec::new();
        for (i, word) in lower.iter().enumerate() {
            if !seen.contains(&word.as_str()) {
                seen.push(word);
                write!(arms, "{word:?} => Some({i}), ").unwrap();
            }
        }
        writeln!(
            self.lookups,
            "fn {name}(word: &str) -> Option<usize> {{\n    match word {{ {arms}_ => None }}\n}}"
        )
        .unwrap();
        format!("WordSet::matched({list}, {examples}, {counter}, {name})")
    }
}

/// Sets made from other tables: every month name and abbreviation; the last word of
/// every hedge written before a figure; the words that may
/// open a figure written without digits or a number word (vague plurals and
/// quantifiers, scale words, fractions, multipliers); the units then the tens (one
/// lookup tells a number word and its place its worth); the scale, fraction, multiplier
/// and currency words, in their tables' order.
fn derived(tables: &Table) -> Vec<(String, Vec<String>)> {
    let mut months = Vec::new();
    for month in tables["months"].as_array().expect("months") {
        months.push(month["name"].as_str().unwrap().to_string());
        months.extend(strings(&month["abbreviations"]));
    }
    let mut numbers = strings(&tables["number_units"]["words"]);
    numbers.extend(strings(&tables["number_tens"]["words"]));
    let firsts = |key: &str, column: &str| -> Vec<String> {
        tables[key][column]
            .as_array()
            .unwrap()
            .iter()
            .map(|pair| pair[0].as_str().unwrap().to_string())
            .collect()
    };
    let mut openers: Vec<String> = tables["vague"]
        .as_array()
        .expect("vague")
        .iter()
        .map(|v| v["word"].as_str().unwrap().to_string())
        .collect();
    openers.extend(strings(&tables["vague_quantifiers"]["words"]));
    for key in ["scales", "fractions", "multipliers", "approximate_numbers"] {
        // Suffixes ("m", "bn") follow digits; only words may stand without them.
        openers.extend(firsts(key, "factors").into_iter().filter(|w| w.len() > 2));
    }
    let mut seen = std::collections::BTreeSet::new();
    openers.retain(|w| seen.insert(w.clone()));
    let mut hedge_last: Vec<String> = tables["hedges_before"]
        .as_array()
        .expect("hedges_before")
        .iter()
        .filter_map(|h| h["words"].as_str()?.split_whitespace().last())
        .map(str::to_string)
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    hedge_last.retain(|w| seen.insert(w.clone()));
    vec![
        ("month_words".to_string(), months),
        ("vague_first_words".to_string(), openers),
        ("hedge_last_words".to_string(), hedge_last),
        ("number_words".to_string(), numbers),
        ("scale_words".to_string(), firsts("scales", "factors")),
        ("fraction_words".to_string(), firsts("fractions", "factors")),
        (
            "multiplier_words".to_string(),
            firsts("multipliers", "factors"),
        ),
        (
            "approximate_number_words".to_string(),
            firsts("approximate_numbers", "factors"),
        ),
        (
            "currency_word_list".to_string(),
            firsts("currency_words", "pairs"),
        ),
    ]
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

/// A table's optional true-or-false key.
fn flag(table: &Value, key: &str, default: bool) -> bool {
    table
        .get(key)
        .map_or(default, |v| v.as_bool().expect("true or false"))
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
/// - `classes`: named word lists, `&[(&str, &[&str])]`, in lower case;
/// - `number_style`: its `group` and `decimal` characters;
/// - arrays of tables: `months` (name, abbreviations), `vague` (word, unit, alone) and
///   hedges (words, kind, verb, linked).
fn field(key: &str, value: &Value, sets: &mut WordSets) -> String {
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
                        "Vague {{ word: {:?}, unit: {}, alone: {} }}",
                        v["word"].as_str().unwrap(),
                        number(&v["unit"]),
                        flag(v, "alone", true)
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
                        "HedgeWords {{ words: {}, kind: {:?}, verb: {}, linked: {} }}",
                        words_of(h["words"].as_str().unwrap()),
                        h["kind"].as_str().unwrap(),
                        flag(h, "verb", false),
                        flag(h, "linked", false)
                    )
                })
                .collect();
            format!("&[{}]", hedges.join(", "))
        }
        (_, Value::Table(t)) if t.contains_key("words") => {
            let examples = t.get("examples").map(strings).unwrap_or_default();
            let counter = t.get("counter_examples").map(strings).unwrap_or_default();
            sets.set(key, &strings(&t["words"]), &examples, &counter)
        }
        (_, Value::Table(t)) if t.contains_key("classes") => {
            let classes: Vec<String> = t["classes"]
                .as_table()
                .expect("classes is a table of word lists")
                .iter()
                .map(|(name, words)| {
                    let lower: Vec<String> =
                        strings(words).iter().map(|w| w.to_lowercase()).collect();
                    format!("({name:?}, {})", string_list(&lower))
                })
                .collect();
            format!("&[{}]", classes.join(", "))
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
