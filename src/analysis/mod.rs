//! Analysis: runs the stages over a set of articles, from reading the files to the
//! topics' verdicts and the checks' findings, and applies what `hcx diff` decides on
//! top of them (topic selection, the baseline, the exit code).
//!
//! Articles are read and worked on in parallel and gathered in path order, so the result
//! is the same bytes whatever the thread count.

pub mod baseline;
pub mod diff;
mod placements;
mod reported;
mod settle;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use crate::base::error::Error;
use crate::checks;
use crate::compare::{self, TopicReport};
use crate::event::Event;
use crate::extract::claims;
use crate::rules::RuleSet;
use crate::source::{self, Loaded, Source, Warning};
use crate::topics::{self, ClaimInTopic};

use placements::Placements;
use reported::Reported;

/// Articles read from disk, and what was skipped on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    /// Files passed over without harm: binary files, hcx's own reports, link loops.
    pub warnings: Vec<Warning>,
    /// The files among [`Corpus::warnings`] that were left out of the run: binary
    /// files and hcx's own reports. A report names them, so that a comparison that
    /// lost a source does not pass for one that had it.
    pub skipped: Vec<Warning>,
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
            Loaded::Skipped(warning) => {
                corpus.skipped.push(warning.clone());
                corpus.warnings.push(warning);
            }
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

/// Compiles, on a thread of the pool, the patterns the stages will need, while the
/// caller loads the rules: on a few articles, building them is a third of the run, and
/// the first thread to need one would otherwise build it while the others wait. A
/// check that will be skipped has nothing built.
pub fn warm_up(skipped: &[checks::CheckName]) {
    let dates_check = !skipped.contains(&checks::CheckName::Dates);
    rayon::spawn(move || {
        // In the order the stages meet them: reading dates each file first. The names'
        // patterns are for the articles to ask for (`analyze_with`).
        source::warm_dates();
        crate::extract::scope::warm();
        if dates_check {
            checks::dates::warm();
        }
    });
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
    let event = timing(&found.files);
    let matcher = topics::Matcher::new(rules);
    let mut articles = 0;
    for (batch, files) in found.files.chunks(BATCH).enumerate() {
        let worked: Vec<_> = files
            .par_iter()
            .map_init(
                || matcher.assigner(&event),
                |assigner, file| {
                    let (loaded, warning) = source::load(file)?;
                    Ok(match loaded {
                        Loaded::Article(article) => {
                            // Each claim is rendered and dropped at once: sharing its
                            // placement with others would save nothing.
                            let keep = Keep {
                                placements: None,
                                reported: None,
                            };
                            let mut placed = place_claims(&article, assigner, keep);
                            apply_ignores(&article, &mut placed);
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

/// When the files were written, and which events they name: a first, light pass over
/// them (each file's top and URL, and the names of events, nothing else kept) before
/// claims are streamed, since whether a claim is of another occasion depends on both.
/// Standard input is not read twice.
fn timing(files: &[PathBuf]) -> Event {
    use rayon::prelude::*;
    let (heads, named): (Vec<Source>, Vec<_>) = files
        .par_iter()
        .filter(|file| file.as_os_str() != "-")
        .filter_map(|file| match source::load(file) {
            Ok((Loaded::Article(mut article), _)) => {
                let named = crate::event::named::Naming::of(&article);
                // Only the headline is read, and every file's head is held at once:
                // the room the other paragraphs took would grow with the corpus.
                article.paragraphs = Arc::new(article.paragraphs.first_only());
                Some((article, named))
            }
            _ => None,
        })
        .unzip();
    Event {
        named: crate::event::NamedEvents::of_each(named),
        ..Event::timing_of(&heads)
    }
}

/// What a report says of a source beside its claims: where it is, and what an editor
/// knows it by (its outlet, from the URL; its headline; its day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    pub path: String,
    /// From its `Source: <url>` line.
    pub url: Option<String>,
    /// Its first paragraph: the headline, when the article has one on its first line.
    pub headline: Option<String>,
    /// The day it was written, when it says.
    pub date: Option<crate::base::calendar::DayNumber>,
}

impl SourceInfo {
    pub fn of(source: &Source) -> SourceInfo {
        SourceInfo {
            path: source.path.clone(),
            url: source.url.clone(),
            headline: source.paragraphs.first().map(|p| p.text().to_string()),
            date: source.date,
        }
    }
}

/// Everything hcx found in a set of articles.
#[derive(Debug)]
pub struct Analysis {
    /// Each source as a report names it, in path order.
    pub sources: Vec<SourceInfo>,
    /// Every claim with its topic: each source's in file order, the sources in path
    /// order. A claim an editor has confirmed with an ignore comment has no topic.
    pub claims: Vec<Vec<ClaimInTopic>>,
    /// The topics with their verdicts, disagreements first.
    pub topics: Vec<TopicReport>,
    /// How many claims ignore comments kept out of their topic.
    pub suppressed: usize,
    /// Sums, names, titles and dates that do not square.
    pub checks: Vec<checks::Finding>,
    /// Ignore comments naming a topic that neither the rules nor these articles have.
    pub unknown_ignores: Vec<UnknownIgnore>,
}

/// An ignore comment's topic name that answers to no topic: a typo keeps nothing out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownIgnore {
    pub source: String,
    pub line: usize,
    pub name: String,
    /// The known topic spelt most like it.
    pub nearest: Option<String>,
}

/// The names of ignore comments that name no topic of the rules nor of the claims
/// placed (before the comments took any out), in source order.
fn unknown_ignores(
    sources: &[Source],
    rules: &RuleSet,
    per_source: &[Vec<ClaimInTopic>],
) -> Vec<UnknownIgnore> {
    if sources.iter().all(|s| s.ignore_names.is_empty()) {
        return Vec::new();
    }
    let mut known: BTreeSet<&str> = rules.topics().iter().map(|t| t.id.as_str()).collect();
    known.extend(
        per_source
            .iter()
            .flatten()
            .filter_map(|(_, p)| p.as_ref().map(|p| p.id.as_str())),
    );
    let mut found = Vec::new();
    for source in sources {
        for (line, name) in &source.ignore_names {
            if known.iter().any(|id| topics::names_topic(name, id)) {
                continue;
            }
            found.push(UnknownIgnore {
                source: source.path.clone(),
                line: *line,
                name: name.clone(),
                nearest: topics::nearest(name, known.iter().copied(), 1).pop(),
            });
        }
    }
    found
}

/// Runs extraction, topic placement, comparison and every check over read articles.
pub fn analyze(sources: &[Source], rules: &RuleSet) -> Analysis {
    analyze_with(sources, rules, &[], Frames::Whole)
}

/// How much of each claim's frame an analysis keeps once the claim is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frames {
    /// All of it, as `hcx explain` tells it.
    Whole,
    /// What the reports of `hcx diff` read of frames and counted things (see
    /// [`crate::extract::frame::Frame::reported`], [`claims::CountedThing::reported`]).
    Reported,
}

/// Runs extraction, topic placement, comparison and every check but the skipped ones. Sources are
/// worked on in parallel and gathered in their given order, so the result is the same
/// whatever the thread count.
pub fn analyze_with(
    sources: &[Source],
    rules: &RuleSet,
    skipped: &[checks::CheckName],
    frames: Frames,
) -> Analysis {
    use rayon::prelude::*;
    // Each source's claims are placed as soon as they are extracted, so that the words
    // around each figure, which only placement reads, are never held for the whole set
    // at once: they were the larger part of `diff`'s peak memory. Placement needs all
    // of the event but its owners' names, which depend on every source's claims; those
    // are settled after.
    // A placement is shared by the claims placed alike on one thread as soon as they
    // are, since most claims of a corpus share their topic and evidence with many
    // others; the few copies left across threads are shared again after settling.
    // Counted things, frames and verbs are shared on each thread only.
    let event = Event::of_sources(sources);
    let matcher = topics::Matcher::new(rules);
    // One store per thread, not one per piece of rayon's work (`map_init`): work is
    // split into more pieces the more threads steal it (10 on 2 threads, 729 on 8 for
    // 100 MB), and each piece kept its own copy of everything shared.
    let stores: Vec<Mutex<Store>> = (0..rayon::current_num_threads().max(1))
        .map(|_| {
            Mutex::new(Store {
                assigner: matcher.assigner(&event),
                placements: Placements::default(),
                reported: Reported::default(),
            })
        })
        .collect();
    let (mut per_source, ()): (Vec<Vec<ClaimInTopic>>, ()) = rayon::join(
        || {
            sources
                .par_iter()
                .map(|source| {
                    let store = rayon::current_thread_index()
                        .and_then(|i| stores.get(i))
                        .unwrap_or(&stores[0]);
                    // Each thread takes its own store: the lock is never waited for.
                    let mut store = store.lock().unwrap_or_else(PoisonError::into_inner);
                    let Store {
                        assigner,
                        placements,
                        reported,
                    } = &mut *store;
                    let keep = Keep {
                        placements: Some(placements),
                        reported: (frames == Frames::Reported).then_some(reported),
                    };
                    place_claims(source, assigner, keep)
                })
                .collect()
        },
        || crate::event::names::warm(sources),
    );
    drop(stores);
    let event = event.with_names(sources, per_source.iter().flatten().map(|(c, _)| &**c));
    // Each claim's owner, now that the set's names are known: worked out in parallel,
    // then set in order, each change shared at once by the claims placed alike.
    let owners: Vec<Vec<_>> = per_source
        .par_iter()
        .map(|placed| {
            placed
                .iter()
                .enumerate()
                .filter_map(|(k, (claim, placement))| {
                    let placement = placement.as_ref()?;
                    let owner = event.owner(claim);
                    (placement.owner != owner).then_some((k, owner))
                })
                .collect()
        })
        .collect();
    // Across threads, the placements placed alike on each are shared too.
    let mut placements = Placements::default();
    for (placed, changes) in per_source.iter_mut().zip(owners) {
        for (k, owner) in changes {
            if let Some(p) = placed[k].1.as_mut() {
                placements.change(p, |p| {
                    p.owner = owner;
                    p.compose();
                });
            }
        }
    }
    settle::owners(&mut per_source, &mut placements);
    settle::shared_places(&mut per_source, &mut placements);
    let unknown_ignores = unknown_ignores(sources, rules, &per_source);
    // Each source's list is kept as it is: gathered into one list of the set, both
    // were held at once, and the one freed was on other threads than the one made.
    let mut suppressed = 0;
    for (source, placed) in sources.iter().zip(&mut per_source) {
        suppressed += apply_ignores(source, placed);
        for (_, placement) in placed.iter_mut() {
            *placement = placement.take().map(|p| placements.shared(p));
        }
    }
    let claims = per_source;
    // The store also holds placements settling replaced and ones ignore comments took
    // out: they go before comparing and the checks, where the peak is.
    drop(placements);
    // Comparing before the checks: this thread then reuses for the checks the room of
    // the topic lists it made and rayon's threads freed (peak at 100 MB on 2 threads:
    // 381 MB with the checks first, 375 MB with comparing first).
    let topics = compare::compare(&claims);
    let checks = checks::run(
        &checks::Input {
            sources,
            claims: &claims,
            titles: &rules.titles,
        },
        skipped,
    );
    Analysis {
        sources: sources.iter().map(SourceInfo::of).collect(),
        topics,
        suppressed,
        checks,
        claims,
        unknown_ignores,
    }
}

/// What one thread keeps while it places claims: the rules' assigner, and the
/// placements and reported parts of claims shared so far.
struct Store<'a> {
    assigner: topics::Assigner<'a>,
    placements: Placements,
    reported: Reported,
}

/// What [`place_claims`] does beside placing: for an analysis, which holds every claim
/// until the report, each claim's placement shared, and for `diff`'s
/// ([`Frames::Reported`]) the claim cut to what is reported of it; for `hcx claims`,
/// which renders and drops each claim at once, neither.
struct Keep<'a> {
    placements: Option<&'a mut Placements>,
    reported: Option<&'a mut Reported>,
}

/// One source's claims with their topics, each placed as soon as it is extracted.
fn place_claims(
    source: &Source,
    assigner: &mut topics::Assigner,
    mut keep: Keep,
) -> Vec<ClaimInTopic> {
    let mut placed: Vec<ClaimInTopic> = Vec::new();
    claims::extract_each(source, &mut |mut claim| {
        claim.set_occasion(assigner.occasion(&claim).map(crate::base::exact::boxed_str));
        let placement = assigner.assign(&claim);
        // The words around the figure served placement; the claim no longer needs
        // them, and every claim of every source is held until the report. Dropped
        // claim by claim: a source of one huge file held all of its sentences' words.
        claim.context = claims::Context::default();
        if let Some(reported) = keep.reported.as_deref_mut() {
            reported.cut(&mut claim);
        }
        // Shared at once: a source of one huge file held every claim's placement, whole,
        // until its places were settled.
        let placement = placement.map(|p| match keep.placements.as_deref_mut() {
            Some(placements) => placements.share(p),
            None => Arc::new(p),
        });
        placed.push((Arc::new(claim), placement));
    });
    match keep.placements {
        Some(placements) => settle::places(&mut placed, placements),
        // Each claim is rendered and dropped at once: the placements settling changes
        // are shared within this source only, and the store goes with it.
        None => settle::places(&mut placed, &mut Placements::default()),
    }
    crate::base::exact::vec(placed)
}

/// Takes out of one source's placed claims the topics its ignore comments name, and
/// says how many those comments suppressed.
fn apply_ignores(source: &Source, placed: &mut [ClaimInTopic]) -> usize {
    let mut suppressed = 0;
    for (claim, placement) in placed {
        let ignore = source.paragraphs.at(claim.paragraph()).ignore();
        if placement.as_ref().is_some_and(|p| covers(ignore, &p.id)) {
            *placement = None;
            suppressed += 1;
        }
    }
    suppressed
}

/// True when an ignore list names the topic, its base topic ("deaths" covers
/// "deaths/district"), or every topic.
fn covers(ignore: &[String], id: &str) -> bool {
    ignore
        .iter()
        .any(|name| name == "*" || topics::names_topic(name, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics(texts: &[(&str, &str)]) -> Vec<(String, Vec<f64>)> {
        let sources = source::parse_all(texts);
        analyze(&sources, &RuleSet::builtin())
            .topics
            .iter()
            .map(|t| {
                (
                    t.id.clone(),
                    t.claims.iter().map(|p| p.claim.value).collect(),
                )
            })
            .collect()
    }

    fn ids(texts: &[(&str, &str)]) -> Vec<String> {
        topics(texts).into_iter().map(|(id, _)| id).collect()
    }

    #[test]
    fn a_measure_s_scale_is_the_one_after_its_own_wording() {
        // The same wording met earlier in the sentence, with another scale after it,
        // is not the claim's.
        for (text, scale) in [
            (
                "Heatwave\n\nTemperatures reached 45 degrees Celsius in Dalmor, while in Kessa they were 45 degrees Fahrenheit at night.",
                "fahrenheit",
            ),
            (
                "Heatwave\n\nIt was 30 degrees F at dawn in Kessa and 30 degrees C by noon in Dalmor.",
                "celsius",
            ),
        ] {
            let found = ids(&[("a.txt", text)]);
            assert!(
                found.iter().any(|id| id.contains(scale)),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_figure_of_another_named_event_is_another_occasion() {
        let found = topics(&[
            (
                "a.txt",
                "Hurricane Milton kills 11\n\nHurricane Milton killed 11 people. It came 13 days after Hurricane Helene. Helene caused at least 243 deaths.",
            ),
            (
                "b.txt",
                "Milton toll at 12\n\nHurricane Milton killed 12 people, two weeks after Hurricane Helene killed more than 200 people. Helene, which swept through six states, left 230 dead.",
            ),
            (
                "c.txt",
                "Storm\n\nHurricane Milton has killed 12 people in Florida, where Milton, unlike Helene, struck at night. Two weeks after Helene devastated the region, 3 million customers lost power.",
            ),
            (
                "d.txt",
                "Milton toll\n\nIn Florida, Milton and Helene together have killed 250 people this year.",
            ),
        ]);
        let deaths = &topic_of(&found, 11.0)[0];
        assert_eq!(deaths.0, "deaths");
        let mut values = deaths.1.clone();
        values.sort_by(f64::total_cmp);
        // Helene's own sentence, and Helene's clause beside Milton's, are set apart;
        // a clause that names Milton keeps its figure, even beside Helene.
        assert_eq!(values, [11.0, 12.0, 12.0, 250.0]);
        // A clause that only looks back on Helene leaves its figure the set's.
        assert!(
            found.iter().any(|(_, v)| v.contains(&3_000_000.0)),
            "{found:?}"
        );
    }

    #[test]
    fn one_owner_that_agrees_with_the_unowned_is_the_set_s_own() {
        let found = ids(&[
            ("a.txt", "Treaty signed\n\nThe Convention takes effect once it secures at least 40 signatures for ratification."),
            ("b.txt", "Treaty signed\n\nIt takes effect with a minimum of 40 signatures for ratification."),
        ]);
        assert!(found.contains(&"ratifications".to_string()), "{found:?}");
        assert!(!found.iter().any(|id| id.contains("/by-")), "{found:?}");
    }

    #[test]
    fn one_owner_against_other_figures_stays_apart() {
        // The unowned 121 may be another party's: Labour's 412 is kept apart from it.
        let found = ids(&[
            ("a.txt", "Results\n\nLabour won 412 seats."),
            ("b.txt", "Results\n\nThe party won 121 seats."),
        ]);
        assert!(
            found.contains(&"seats-won/by-labour".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn owners_are_named_as_the_whole_set_names_them() {
        // Claims are placed before the set's names are known: the names one source
        // makes one ("or Tories as they are commonly known"), and "the alliance" as its
        // own source's alliance, must still reach every placement.
        let found = topics(&[
            (
                "a.txt",
                "Results\n\nThe Conservatives, or Tories as they are commonly known, won 121 seats.",
            ),
            ("b.txt", "Results\n\nThe Tories won 119 seats. Labour won 412 seats."),
        ]);
        let tories = topic_of(&found, 119.0);
        assert_eq!(tories.len(), 1, "{found:?}");
        assert_eq!(tories[0].1, [121.0, 119.0], "{found:?}");

        let found = topics(&[
            (
                "a.txt",
                "Results\n\nThe Norvale People's Alliance (NPA) led the count. The alliance won 2 seats in a recount. Labour won 30 seats.",
            ),
            ("b.txt", "Results\n\nThe NPA won 3 seats in a recount."),
        ]);
        let recount = topic_of(&found, 2.0);
        assert_eq!(recount.len(), 1, "{found:?}");
        assert_eq!(recount[0].0, "seats-won/by-npa", "{found:?}");
        assert_eq!(recount[0].1, [2.0, 3.0], "{found:?}");
    }

    #[test]
    fn two_owners_are_two_figures() {
        let found = topics(&[
            (
                "a.txt",
                "Results\n\nLabour won 412 seats and the Conservatives won 121 seats.",
            ),
            ("b.txt", "Results\n\nLabour secured 411 seats."),
        ]);
        let labour = found.iter().find(|(id, _)| id == "seats-won/by-labour");
        assert_eq!(
            labour.map(|(_, v)| v.clone()),
            Some(vec![412.0, 411.0]),
            "{found:?}"
        );
    }

    #[test]
    fn a_headline_figure_does_not_set_the_body_s_place_apart() {
        // The headline's earlier count is no whole: the body's toll, in one of the
        // event's own places, stays the event's own and meets the other outlet's.
        let found = topics(&[
            (
                "a.txt",
                "At least 50 killed in stampede at prayer meeting\n\nA total of 116 people died in Hathras district, officials said.",
            ),
            ("b.txt", "Hathras stampede toll rises\n\nOfficials said 121 people died in the crush in Hathras."),
        ]);
        let tolls = found.iter().find(|(_, v)| v.contains(&116.0));
        assert!(tolls.is_some_and(|(_, v)| v.contains(&121.0)), "{found:?}");

        let found = topics(&[
            (
                "a.txt",
                "Turnout near 58% as Norvale votes\n\nTurnout in Lindhaven reached 61.5%, the commission said.",
            ),
            ("b.txt", "Norvale votes in Lindhaven\n\nTurnout was 63%."),
        ]);
        let turnout = found.iter().find(|(_, v)| v.contains(&61.5));
        assert!(turnout.is_some_and(|(_, v)| v.contains(&63.0)), "{found:?}");
    }

    #[test]
    fn a_body_figure_without_place_still_sets_a_place_apart() {
        let found = topics(&[
            (
                "a.txt",
                "Norvale votes in Lindhaven and across the country\n\nTurnout in Lindhaven reached 61.5%.\n\nTurnout was 58%, the commission said.",
            ),
            ("b.txt", "Norvale votes in Lindhaven\n\nTurnout was 63%."),
        ]);
        let turnout = found.iter().find(|(_, v)| v.contains(&61.5));
        assert!(
            turnout.is_some_and(|(_, v)| !v.contains(&63.0)),
            "{found:?}"
        );
    }

    /// The topics that hold `value`.
    fn topic_of(found: &[(String, Vec<f64>)], value: f64) -> Vec<(String, Vec<f64>)> {
        found
            .iter()
            .filter(|(_, v)| v.contains(&value))
            .cloned()
            .collect()
    }

    #[test]
    fn a_figure_another_source_places_apart_is_that_place_s() {
        for (placed, unplaced) in [
            (
                "Twenty-one bodies were brought to a hospital in neighbouring Dalmor district.",
                "The chief medical officer of Dalmor said the hospital had received 21 bodies.",
            ),
            (
                "Police said 21 bodies had been found in Dalmor district.",
                "Officials at the Dalmor morgue counted 21 deaths.",
            ),
        ] {
            let found = topics(&[
                ("a.txt", &format!("Ferry capsizes in Varna\n\nA total of 64 people died when the ferry capsized.\n\n{placed}")),
                ("b.txt", &format!("Toll rises in Varna\n\nThe ferry disaster killed 70 people.\n\n{unplaced}")),
                ("c.txt", "Ferry sinks in Varna\n\nAt least 64 people were killed."),
            ]);
            let part = topic_of(&found, 21.0);
            assert_eq!(part.len(), 1, "{unplaced}: {found:?}");
            assert_eq!(part[0].1, [21.0, 21.0], "{unplaced}: {found:?}");
            assert!(part[0].0.contains("/in-dalmor"), "{found:?}");
        }
    }

    #[test]
    fn a_whole_toll_equal_to_a_place_s_is_not_moved_there() {
        // B and C give the stampede's whole toll and disagree: B's 121 must not hide
        // in the village's topic because A counts 121 there.
        let found = topics(&[
            (
                "a.txt",
                "Stampede in Hathras\n\nA total of 121 people died in Phulrai village.",
            ),
            (
                "b.txt",
                "Stampede in Hathras\n\nThe stampede killed 121 people.",
            ),
            (
                "c.txt",
                "Stampede in Hathras\n\nThe stampede killed 116 people.",
            ),
        ]);
        let whole = found.iter().find(|(_, v)| v.contains(&116.0));
        assert!(whole.is_some_and(|(_, v)| v.contains(&121.0)), "{found:?}");
    }

    #[test]
    fn a_hedged_or_vague_figure_is_not_moved_to_a_place() {
        let found = topics(&[
            (
                "a.txt",
                "Floods in Kessa\n\nTwenty-four people died in neighbouring Dalmor district.",
            ),
            ("b.txt", "Floods in Kessa\n\nDozens died in the floods."),
            (
                "c.txt",
                "Floods in Kessa\n\nMore than 24 people died in the floods.",
            ),
        ]);
        let placed: Vec<&(String, Vec<f64>)> = found
            .iter()
            .filter(|(id, _)| id.contains("/in-dalmor"))
            .collect();
        assert_eq!(
            placed.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>(),
            [vec![24.0]],
            "only A's own figure is Dalmor's: {found:?}"
        );
    }

    #[test]
    fn a_figure_is_moved_only_where_its_own_sentence_names_the_place() {
        for unplaced in [
            // "new" is not "New Dalmor".
            "Officials gave a new toll on Tuesday: 27 people died in the floods.",
            // A larger figure of its source may be an estimate, not its whole.
            "The floods killed 27 people. Local media said up to 150 may have died.",
        ] {
            let found = topics(&[
                ("a.txt", "Floods in Kessa\n\nTwenty-seven people died in neighbouring New Dalmor district."),
                ("b.txt", &format!("Floods in Kessa\n\n{unplaced}")),
                ("c.txt", "Floods in Kessa\n\nThe floods killed 31 people."),
            ]);
            let whole = found.iter().find(|(_, v)| v.contains(&31.0));
            assert!(
                whole.is_some_and(|(_, v)| v.contains(&27.0)),
                "{unplaced}: {found:?}"
            );
        }
    }

    #[test]
    fn a_figure_two_places_claim_stays_where_its_source_puts_it() {
        let found = topics(&[
            (
                "a.txt",
                "Floods in Kessa\n\n12 people died in Dalmor district.",
            ),
            (
                "b.txt",
                "Floods in Kessa\n\n12 people died in Orlen province.",
            ),
            ("c.txt", "Floods in Kessa\n\nOfficials said 12 people died."),
        ]);
        let unplaced = found
            .iter()
            .find(|(id, v)| v.contains(&12.0) && !id.contains("/in-"));
        assert!(unplaced.is_some(), "{found:?}");
    }

    #[test]
    fn a_change_its_topic_names_is_not_marked_twice() {
        for text in [
            "Results\n\nLabour gained 211 seats compared with 2019.",
            "Results\n\nThe Tories lost 250 seats since 2019.",
        ] {
            let found = ids(&[("a.txt", text)]);
            assert!(!found.is_empty(), "{text}");
            assert!(
                found.iter().all(|id| !id.contains("/change")),
                "{text}: {found:?}"
            );
        }
    }
}
