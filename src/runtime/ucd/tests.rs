//! Expected values printed by CPython 3.11.

use super::*;

#[test]
fn case_mappings_match_cpython() {
    assert_eq!(lower("ΣΑΣ ΟΔΟΣ."), "σας οδος.");
    assert_eq!(lower("Σ"), "σ");
    assert_eq!(lower("AΣ'B"), "aσ'b");
    assert_eq!(lower("aΣ'"), "aς'");
    assert_eq!(title("hello WORLD ǆ ß ŉ"), "Hello World ǅ Ss ʼN");
    assert_eq!(swapcase("ǅ"), "ǅ");
    assert_eq!(casefold("Straße ﬁ"), "strasse fi");
    assert_eq!(capitalize("ß"), "Ss");
    assert_eq!(upper("straße"), "STRASSE");
}

#[test]
fn predicates_match_cpython() {
    assert!(all_have("٣", DECIMAL));
    assert!(all_have("Ⅻ", NUMERIC));
    assert!(!all_have("½", DIGIT));
    assert!(all_have("²", DIGIT));
    assert!(is_space('\x1c') && is_space('\u{85}') && !is_space('\u{200b}'));
    assert!(is_title("Title Case") && !is_title("TItle"));
    assert!(is_identifier("_id") && !is_identifier("2x") && is_identifier("été"));
    assert!(is_printable("") && !is_printable("\n"));
}
