use super::*;
use crate::standalone::StandaloneBackend;
use crate::Backend;

#[test]
fn streams_round_trip() {
    let source = "#[doc = \"x\"] /// doc\nfn f<'a>(x: &'a str) -> Option<u8> { r##\"raw\"## ; b'x' ; 1.5e3f64 ; c\"s\" ; r#try }";
    let mut backend = StandaloneBackend::new("a.rs", source);
    let stream = backend.parse(source).unwrap();
    assert!(stream.len() > 20);
    assert_eq!(decode::<Vec<Token>>(&encode(&stream)).unwrap(), stream);
}

#[test]
fn truncated_and_extended_messages_are_errors() {
    let value: (Option<String>, Vec<u32>) = (Some("name".into()), vec![1, 2, 3]);
    let bytes = encode(&value);
    assert_eq!(decode::<(Option<String>, Vec<u32>)>(&bytes).unwrap(), value);
    for cut in 0..bytes.len() {
        assert!(decode::<(Option<String>, Vec<u32>)>(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(decode::<(Option<String>, Vec<u32>)>(&longer).unwrap_err().0.contains("left over"));
    // A huge list length is refused before anything is reserved.
    assert!(decode::<Vec<u64>>(&encode(&u64::MAX)).is_err());
}
