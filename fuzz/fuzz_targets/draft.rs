#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::draft_article(data));
