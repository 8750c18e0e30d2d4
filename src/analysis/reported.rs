//! What `hcx diff` keeps of a claim once it is placed: of its frame and its counted
//! thing, only what the reports and checks read. Every claim of an archive is held
//! until the report, and these were most of each one's room.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::claims::{Claim, CountedThing};
use crate::extract::frame::times::ReportTime;
use crate::extract::frame::Frame;

/// The counted things and cut frames kept so far, each once: claims that count alike
/// ("people", "seats") share one thing, and claims of one owner counted at one time
/// one frame. One is kept for each of rayon's jobs (`map_init`), so each may have a
/// copy in each: sharing saves room, and nothing reads which copy it is.
#[derive(Default)]
pub(super) struct Reported {
    counted: FxHashSet<Arc<CountedThing>>,
    frames: FxHashMap<(Option<String>, Option<ReportTime>), Arc<Frame>>,
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
