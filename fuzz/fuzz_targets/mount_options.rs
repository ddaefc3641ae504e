#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::mount_options(data));
