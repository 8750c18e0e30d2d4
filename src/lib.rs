//! hcx: checks several news articles about one event against each other and reports
//! every figure on which the sources disagree.
//!
//! The pipeline, one module a stage: [`source`] reads and cleans articles, [`sentences`]
//! splits them, [`figures`], [`nouns`] and [`scope`] find what each number claims and
//! [`claims`] puts it together, [`rules`] loads topic definitions and [`topics`] places
//! each claim under one, [`compare`] gives each topic its verdict, and [`report`] prints
//! the result. [`analyze`] runs the stages after reading.

pub mod claims;
pub mod compare;
pub mod figures;
pub mod interval;
pub mod lexicon;
pub mod nouns;
pub mod report;
pub mod rules;
pub mod scope;
pub mod sentences;
pub mod source;
pub mod tokens;
pub mod topics;

use std::path::PathBuf;

use claims::Claim;
use compare::{Placed, TopicReport};
use rules::RuleSet;
use source::{Loaded, Source, SourceError, Warning};
use topics::Placement;

/// Articles read from disk, and what was skipped on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    pub warnings: Vec<Warning>,
}

/// Reads the files and folders given, in sorted path order.
pub fn read(paths: &[PathBuf]) -> Result<Corpus, SourceError> {
    let files = source::collect_paths(paths)?;
    let mut corpus = Corpus::default();
    for file in files {
        let (loaded, warning) = source::load(&file)?;
        corpus.warnings.extend(warning);
        match loaded {
            Loaded::Article(article) => corpus.sources.push(article),
            Loaded::Skipped(warning) => corpus.warnings.push(warning),
        }
    }
    Ok(corpus)
}

/// Everything hcx found in a set of articles.
#[derive(Debug)]
pub struct Analysis {
    /// Each source's path and URL, in path order.
    pub sources: Vec<(String, Option<String>)>,
    /// Every claim with its topic, in source and file order.
    pub claims: Vec<(Claim, Option<Placement>)>,
    /// The topics with their verdicts, disagreements first.
    pub topics: Vec<TopicReport>,
}

/// Runs extraction, topic placement and comparison over read articles.
pub fn analyze(sources: &[Source], rules: &RuleSet) -> Analysis {
    let mut claims: Vec<(Claim, Option<Placement>)> = Vec::new();
    for source in sources {
        for claim in claims::extract(source) {
            let placement = topics::place(&claim, rules);
            claims.push((claim, placement));
        }
    }
    let placed = claims
        .iter()
        .filter_map(|(claim, placement)| {
            placement.clone().map(|placement| Placed {
                claim: claim.clone(),
                placement,
            })
        })
        .collect();
    Analysis {
        sources: sources
            .iter()
            .map(|s| (s.path.clone(), s.url.clone()))
            .collect(),
        claims,
        topics: compare::compare(placed),
    }
}
