#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::gazetteer_parse(data));
