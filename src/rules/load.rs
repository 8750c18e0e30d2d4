//! Loading rule files: the ones built into the binary, and the `.toml` files of a
//! folder the user names, each parsed and validated (see [`super::validate`]).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::base::error::Error;

use super::{parse_file, RuleError, RuleSet, Rules};

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

impl RuleSet {
    /// The rules built into the binary.
    pub fn builtin() -> RuleSet {
        let mut set = RuleSet::default();
        for (name, text) in BUILTIN_RULES {
            let rules = parse_file(&format!("built in: {name}"), text)
                .unwrap_or_else(|errors| panic!("built-in rules are invalid: {}", errors[0]));
            set.add(rules);
        }
        set
    }
}

/// Loads every `.toml` file of a folder (sorted by name), or one file. All problems of
/// all files are returned (in [`Error::Rules`]), so a maintainer fixes them in one pass.
pub fn load_path(path: &Path) -> Result<Rules, Error> {
    let shown = path.display().to_string();
    let io_error = |message: String| {
        Error::Rules(vec![RuleError {
            file: shown.clone(),
            line: 1,
            column: 1,
            message,
        }])
    };
    let files = if path.is_dir() {
        let mut files: Vec<_> = fs::read_dir(path)
            .map_err(|err| io_error(err.to_string()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(io_error("no rule files (.toml) in this folder".to_string()));
        }
        files
    } else if path.exists() {
        vec![path.to_path_buf()]
    } else {
        return Err(io_error("no such file or folder".to_string()));
    };
    let mut rules = Rules::default();
    let mut errors = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for file in files {
        let name = file.display().to_string();
        let text = match fs::read_to_string(&file) {
            Ok(text) => text,
            Err(err) => {
                errors.push(RuleError {
                    file: name,
                    line: 1,
                    column: 1,
                    message: format!("cannot read: {err}"),
                });
                continue;
            }
        };
        match parse_file(&name, &text) {
            Ok(found) => {
                rules.titles.extend(found.titles);
                for topic in found.topics {
                    if let Some(first) = seen.get(&topic.id) {
                        errors.push(RuleError {
                            file: name.clone(),
                            line: topic.line,
                            column: 1,
                            message: format!(
                                "duplicate topic id \"{}\" (first defined in {first})",
                                topic.id
                            ),
                        });
                    } else {
                        seen.insert(topic.id.clone(), name.clone());
                        rules.topics.push(topic);
                    }
                }
            }
            Err(mut found) => errors.append(&mut found),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(Error::Rules(errors))
    }
}
