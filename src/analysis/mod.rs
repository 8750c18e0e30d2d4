//! Analysis: runs the stages over a set of articles, from reading the files to the
//! topics' verdicts and the checks' findings, and applies what `hcx diff` decides on
//! top of them (topic selection, the baseline, the exit code).
//!
//! Articles are read and worked on in parallel and gathered in path order, so the result
//! is the same bytes whatever the thread count.

pub mod baseline;
pub mod diff;

use std::path::PathBuf;

use crate::base::error::Error;
use crate::checks;
use crate::compare::{self, Placed, TopicReport};
use crate::extract::claims;
use crate::rules::RuleSet;
use crate::source::{self, Loaded, Source, Warning};
use crate::topics::{self, ClaimInTopic};

/// Articles read from disk, and what was skipped on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    /// Files passed over without harm: binary files, hcx's own reports, link loops.
    pub warnings: Vec<Warning>,
    /// Files and folders that could not be read. The run goes on without them; the
    /// command ends with exit code 2.
    pub errors: Vec<Warning>,
}

/// How to read the paths given.
#[derive(Default)]
pub struct ReadOptions<'a> {
    /// Globs of paths to leave out of folder walks.
    pub exclude: Vec<String>,
    /// Follow symbolic links found under the folders given.
    pub follow: bool,
    /// Called with (files done, files in all) as the work goes on: after each file in
    /// [`read`], after each batch of files in [`stream_claims`].
    pub progress: Option<&'a (dyn Fn(usize, usize) + Sync)>,
}

/// Reads the files and folders given, in sorted path order. Files are read in parallel.
/// A file or folder that cannot be read is one of [`Corpus::errors`] and the others are
/// read all the same, as ripgrep does; only a bad exclude glob stops the run.
pub fn read(paths: &[PathBuf], options: &ReadOptions) -> Result<Corpus, Error> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let found = source::collect_paths(paths, &options.exclude, options.follow)?;
    let total = found.files.len();
    let done = AtomicUsize::new(0);
    let loaded: Vec<_> = found
        .files
        .par_iter()
        .map(|file| {
            let result = source::load(file);
            if let Some(progress) = options.progress {
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            }
            result
        })
        .collect();
    let mut corpus = Corpus {
        warnings: found.warnings,
        errors: found.errors,
        ..Corpus::default()
    };
    for result in loaded {
        let (loaded, warning) = match result {
            Ok(read) => read,
            Err(err) => {
                corpus.errors.push(unreadable(err));
                continue;
            }
        };
        corpus.warnings.extend(warning);
        match loaded {
            Loaded::Article(article) => corpus.sources.push(article),
            Loaded::Skipped(warning) => corpus.warnings.push(warning),
        }
    }
    Ok(corpus)
}

/// A file that could not be read, as an error of the run.
fn unreadable(err: Error) -> Warning {
    match err {
        Error::Source { path, message } => Warning { path, message },
        other => Warning {
            path: String::new(),
            message: other.to_string(),
        },
    }
}

/// Files read and worked on together when claims are streamed: enough to keep every
/// thread busy, few enough that only their texts and claims are held at once.
const BATCH: usize = 256;

/// Reads the paths given, places every claim in its topic, turns each into what the
/// caller keeps of it with `render` (on the worker threads, so that formatting output
/// is parallel too), and hands the results to `each`: file by file in sorted path
/// order, the same order and bytes whatever the thread count. Unlike [`read`] then
/// [`analyze`], it holds only a batch of articles at a time, so its memory does not
/// grow with the corpus. Warnings go to `warn` as they are met, and files and folders
/// that cannot be read to `fail`; the others are read all the same. Returns how many
/// articles were read. An error from `each` stops it as [`Error::Output`].
pub fn stream_claims<R: Send>(
    paths: &[PathBuf],
    options: &ReadOptions,
    rules: &RuleSet,
    render: &(dyn Fn(&ClaimInTopic) -> R + Sync),
    warn: &mut dyn FnMut(&Warning),
    fail: &mut dyn FnMut(&Warning),
    each: &mut dyn FnMut(R) -> std::io::Result<()>,
) -> Result<usize, Error> {
    use rayon::prelude::*;
    let found = source::collect_paths(paths, &options.exclude, options.follow)?;
    found.warnings.iter().for_each(&mut *warn);
    found.errors.iter().for_each(&mut *fail);
    let total = found.files.len();
    let matcher = topics::Matcher::new(rules);
    let mut articles = 0;
    for (batch, files) in found.files.chunks(BATCH).enumerate() {
        let worked: Vec<_> = files
            .par_iter()
            .map_init(
                || matcher.assigner(),
                |assigner, file| {
                    let (loaded, warning) = source::load(file)?;
                    Ok(match loaded {
                        Loaded::Article(article) => {
                            let placed = assign_claims(&article, assigner).0;
                            (warning, Ok(placed.iter().map(render).collect::<Vec<R>>()))
                        }
                        Loaded::Skipped(skipped) => (warning, Err(skipped)),
                    })
                },
            )
            .collect();
        for result in worked {
            let (warning, rendered) = match result {
                Ok(worked) => worked,
                Err(err) => {
                    fail(&unreadable(err));
                    continue;
                }
            };
            warning.iter().for_each(&mut *warn);
            match rendered {
                Ok(claims) => {
                    for claim in claims {
                        each(claim).map_err(Error::Output)?;
                    }
                    articles += 1;
                }
                Err(skipped) => warn(&skipped),
            }
        }
        if let Some(progress) = options.progress {
            progress((batch * BATCH + files.len()).min(total), total);
        }
    }
    Ok(articles)
}

/// Everything hcx found in a set of articles.
#[derive(Debug)]
pub struct Analysis {
    /// Each source's path and URL, in path order.
    pub sources: Vec<(String, Option<String>)>,
    /// Every claim with its topic, in source and file order. A claim an editor has
    /// confirmed with an ignore comment has no topic.
    pub claims: Vec<ClaimInTopic>,
    /// The topics with their verdicts, disagreements first.
    pub topics: Vec<TopicReport>,
    /// How many claims ignore comments kept out of their topic.
    pub suppressed: usize,
    /// Sums, names, titles and dates that do not square.
    pub checks: Vec<checks::Finding>,
}

/// Runs extraction, topic placement, comparison and every check over read articles.
pub fn analyze(sources: &[Source], rules: &RuleSet) -> Analysis {
    analyze_with(sources, rules, &[])
}

/// Runs extraction, topic placement, comparison and every check but the skipped ones. Sources are
/// worked on in parallel and gathered in their given order, so the result is the same
/// whatever the thread count.
pub fn analyze_with(
    sources: &[Source],
    rules: &RuleSet,
    skipped: &[checks::CheckName],
) -> Analysis {
    use rayon::prelude::*;
    let matcher = topics::Matcher::new(rules);
    let per_source: Vec<(Vec<ClaimInTopic>, usize)> = sources
        .par_iter()
        .map_init(
            || (matcher.assigner(), Placements::default()),
            |(assigner, placements), source| {
                let (mut found, suppressed) = assign_claims(source, assigner);
                for (_, placement) in &mut found {
                    if let Some(p) = placement.as_mut() {
                        *p = placements.shared(p);
                    }
                }
                (found, suppressed)
            },
        )
        .collect();
    let mut claims = Vec::new();
    let mut suppressed = 0;
    for (found, ignored) in per_source {
        claims.extend(found);
        suppressed += ignored;
    }
    let placed = claims
        .iter()
        .filter_map(|(claim, placement)| {
            placement.as_ref().map(|placement| Placed {
                claim: std::sync::Arc::clone(claim),
                placement: std::sync::Arc::clone(placement),
            })
        })
        .collect();
    Analysis {
        sources: sources
            .iter()
            .map(|s| (s.path.clone(), s.url.clone()))
            .collect(),
        topics: compare::compare(placed),
        suppressed,
        checks: checks::run(
            &checks::Input {
                sources,
                claims: &claims,
                titles: &rules.titles,
            },
            skipped,
        ),
        claims,
    }
}

/// Placements met so far on one thread, each kept once: most claims of a corpus share
/// their topic and evidence with many others, and a placement each (a topic id, label,
/// origin and evidence words) was a third of the memory `hcx diff` held.
#[derive(Default)]
struct Placements {
    seen: rustc_hash::FxHashMap<PlacementKey, std::sync::Arc<topics::Placement>>,
}

/// A placement compared by value (its score by bits).
struct PlacementKey(std::sync::Arc<topics::Placement>);

/// What a placement is made of, as a key: its score by bits.
type PlacementParts<'a> = (
    &'a String,
    &'a String,
    &'a Option<String>,
    &'a Option<(String, String)>,
    u64,
    &'a Option<(String, usize)>,
);

impl PlacementKey {
    fn parts(&self) -> PlacementParts<'_> {
        let p = &*self.0;
        (
            &p.id,
            &p.label,
            &p.origin,
            &p.evidence.noun,
            p.evidence.score.to_bits(),
            &p.evidence.context,
        )
    }
}

impl PartialEq for PlacementKey {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for PlacementKey {}

impl std::hash::Hash for PlacementKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

impl Placements {
    /// The placement equal to `placement` met first on this thread.
    fn shared(
        &mut self,
        placement: &std::sync::Arc<topics::Placement>,
    ) -> std::sync::Arc<topics::Placement> {
        let key = PlacementKey(std::sync::Arc::clone(placement));
        std::sync::Arc::clone(
            self.seen
                .entry(key)
                .or_insert_with(|| std::sync::Arc::clone(placement)),
        )
    }
}

/// One source's claims with their topics, and how many an ignore comment suppressed.
fn assign_claims(source: &Source, assigner: &mut topics::Assigner) -> (Vec<ClaimInTopic>, usize) {
    let mut suppressed = 0;
    let mut found = Vec::new();
    claims::extract_each(source, &mut |mut claim| {
        let mut placement = assigner.assign(&claim);
        let ignore = &source.paragraphs[claim.paragraph].ignore;
        if placement.as_ref().is_some_and(|p| covers(ignore, &p.id)) {
            placement = None;
            suppressed += 1;
        }
        // The words around the figure served placement; the claim no longer needs them.
        claim.context = claims::Context::default();
        found.push((
            std::sync::Arc::new(claim),
            placement.map(std::sync::Arc::new),
        ));
    });
    (found, suppressed)
}

/// True when an ignore list names the topic, its base topic ("deaths" covers
/// "deaths/district"), or every topic.
fn covers(ignore: &[String], id: &str) -> bool {
    ignore
        .iter()
        .any(|name| name == "*" || topics::names_topic(name, id))
}
