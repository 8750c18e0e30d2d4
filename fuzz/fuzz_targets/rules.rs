//! Arbitrary bytes (lossy UTF-8) as a rule file: parsing must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let _ = hcx::rules::parse("fuzz.toml", &text);
});
