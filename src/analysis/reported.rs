//! What `hcx diff` keeps of a claim once it is placed: of its frame and its counted
//! thing, only what the reports and checks read, and of its verb one copy. Every claim
//! of an archive is held until the report, and these were most of each one's room.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::claims::{Claim, CountedThing};
use crate::extract::frame::times::ReportTime;
use crate::extract::frame::Frame;

/// The counted things, cut frames and verbs kept so far, each once: claims that count
/// alike ("people", "seats") share one thing, claims of one owner counted at one time
/// one frame, and claims of one verb ("killed") one copy of it. One is kept for each
/// thread, so each may have a copy on each: sharing saves room, and nothing reads which
/// copy it is.
#[derive(Default)]
pub(super) struct Reported {
    counted: FxHashSet<Arc<CountedThing>>,
    frames: FxHashMap<(Option<String>, Option<ReportTime>), Arc<Frame>>,
    actions: FxHashSet<Arc<Box<str>>>,
}

impl Reported {
    /// Cuts a placed claim's frame and counted thing to what is reported of them.
    pub fn cut(&mut self, claim: &mut Claim) {
        let frame = Frame::reported(&claim.frame);
        claim.frame = if frame.owner.is_none() && frame.as_of.is_none() {
            frame
        } else {
            Arc::clone(
                self.frames
                    .entry((frame.owner.clone(), frame.as_of))
                    .or_insert(frame),
            )
        };
        if let Some(action) = &claim.action {
            match self.actions.get(action) {
                Some(shared) => claim.action = Some(Arc::clone(shared)),
                None => {
                    self.actions.insert(Arc::clone(action));
                }
            }
        }
        if let Some(counted) = &claim.counted {
            let kept = counted.reported();
            let shared = self.counted.get(&kept).map(Arc::clone);
            claim.counted = Some(shared.unwrap_or_else(|| {
                let shared = Arc::new(kept);
                self.counted.insert(Arc::clone(&shared));
                shared
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_claims(text: &str) -> Vec<Claim> {
        let sources = crate::source::parse_all(&[("a.txt", text)]);
        let mut reported = Reported::default();
        let mut claims = crate::extract::claims::extract(&sources[0]);
        for claim in &mut claims {
            reported.cut(claim);
        }
        claims
    }

    #[test]
    fn claims_of_one_verb_share_one_copy_of_it() {
        for text in [
            "Headline\n\nThe storm killed 12 people in May. Floods killed 40 people in June.",
            "Headline\n\nAbout 300 workers were hired. Later 25 workers were hired abroad.",
        ] {
            let claims = cut_claims(text);
            assert_eq!(claims.len(), 2, "{text}");
            let (a, b) = (&claims[0], &claims[1]);
            let (Some(x), Some(y)) = (&a.action, &b.action) else {
                panic!("no verb in {text}: {claims:?}");
            };
            assert_eq!(x, y, "{text}");
            assert!(Arc::ptr_eq(x, y), "{text}: two copies of {x}");
            assert!(
                Arc::ptr_eq(a.counted.as_ref().unwrap(), b.counted.as_ref().unwrap()),
                "{text}"
            );
        }
    }

    #[test]
    fn claims_of_other_verbs_keep_their_own() {
        let claims = cut_claims("Headline\n\nThe storm killed 12 people. It injured 40 people.");
        let verbs: Vec<_> = claims.iter().filter_map(Claim::action).collect();
        assert_eq!(verbs, ["killed", "injured"]);
    }
}
