//! The layers of `src/`, each using only the ones below it. The order is written down
//! here once; a module that reaches up (a `use crate::x` or a `crate::x::` path in code
//! naming a higher layer) fails this test, so the pipeline's data keeps flowing one way.

use std::fs;
use std::path::{Path, PathBuf};

/// The layers from the bottom up: the top-level modules of the library, each a folder
/// or a file of `src/`. The binary (`src/bin/`) stands above them all.
const LAYERS: &[&str] = &[
    "base",
    "source",
    "sentences",
    "extract",
    "event",
    "rules",
    "topics",
    "compare",
    "checks",
    "analysis",
    "report",
    "app",
];

/// The layer a file of `src/` belongs to: its top-level module.
fn layer_of(relative: &Path) -> Option<&'static str> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    LAYERS.iter().copied().find(|layer| *layer == name)
}

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == layer)
}

/// The top-level modules a file's code names through `crate::` (comments left out).
fn named_modules(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                inner
                    .split(',')
                    .map(|item| item.trim().split("::").next().unwrap_or("").trim())
                    .collect()
            } else {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                vec![&rest[..end]]
            };
            found.extend(
                names
                    .into_iter()
                    .filter(|n| !n.is_empty())
                    .map(|n| (number + 1, n.to_string())),
            );
        }
    }
    found
}

/// Every use of a higher layer, or of anything not in the list, one line each naming the
/// file and line.
fn violations(files: &[(PathBuf, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (relative, text) in files {
        let Some(own) = layer_of(relative) else {
            continue;
        };
        let own_rank = rank(own).expect("a listed layer");
        for (line, module) in named_modules(text) {
            match rank(&module) {
                Some(r) if r <= own_rank => {}
                Some(_) => out.push(format!(
                    "{}:{line}: layer `{own}` uses `crate::{module}`, a layer above it",
                    relative.display()
                )),
                None => out.push(format!(
                    "{}:{line}: `crate::{module}` is not a layer; name the module that defines it",
                    relative.display()
                )),
            }
        }
    }
    out
}

fn rust_files(dir: &Path, root: &Path, out: &mut Vec<(PathBuf, String)>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            out.push((path.strip_prefix(root).unwrap().to_path_buf(), text));
        }
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &src, &mut files);
    let library: Vec<_> = files
        .into_iter()
        .filter(|(path, _)| !path.starts_with("bin"))
        .collect();
    for (path, _) in &library {
        let top = path.to_string_lossy();
        assert!(
            top == "lib.rs" || layer_of(path).is_some(),
            "{top} is in no layer: add its module to LAYERS"
        );
    }
    let found = violations(&library);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_backward_import_is_caught() {
    let files = vec![
        (
            PathBuf::from("base/tokens.rs"),
            "use crate::report::Document;\nfn f() { crate::base::numbers::human_number(1.0); }\n"
                .to_string(),
        ),
        (
            PathBuf::from("checks/sums.rs"),
            "use crate::{extract::claims::Claim, analysis::Analysis};\n// crate::app in a comment\n"
                .to_string(),
        ),
    ];
    assert_eq!(
        violations(&files),
        [
            "base/tokens.rs:1: layer `base` uses `crate::report`, a layer above it",
            "checks/sums.rs:1: layer `checks` uses `crate::analysis`, a layer above it",
        ]
    );
}
