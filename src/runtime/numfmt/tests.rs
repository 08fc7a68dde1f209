//! Checks against CPython 3.11: every expected value below and in `runtime/testdata/` was printed
//! by `python3` (3.11.7), never written by hand.

use num_bigint::BigInt;
use num_traits::Num;

use super::*;

/// Undoes the test-data escaping: `\\`, `\t`, `\n` and `\u{hex}`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                let code = u32::from_str_radix(&hex, 16).expect("test data: bad \\u{}");
                out.push(char::from_u32(code).expect("test data: bad code point"));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// `"= value"` or `"! Type: message"`, as the generators print an outcome.
fn outcome(result: Result<String, PyExc>) -> String {
    match result {
        Ok(text) => format!("= {text}"),
        Err(e) => format!("! {e}"),
    }
}

fn value_error<T>(r: Result<T, String>) -> Result<T, PyExc> {
    r.map_err(PyExc::ValueError)
}

fn hex_int(s: &str) -> BigInt {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let v = if let Some(hex) = digits.strip_prefix("0x") {
        BigInt::from_str_radix(hex, 16)
    } else {
        BigInt::from_str_radix(digits, 10)
    }
    .expect("test data: bad int");
    if negative {
        -v
    } else {
        v
    }
}

fn bits_float(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).expect("test data: bad float bits"))
}

/// Runs every line of a data file through `check`, which returns the outcome to compare with the
/// line's last field, and reports all mismatches at once.
fn check_file(data: &str, check: impl Fn(&[&str]) -> String) {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in data.lines().filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (expected, inputs) = fields.split_last().expect("test data: empty line");
        let got = check(inputs);
        count += 1;
        if got != unescape(expected) {
            failures.push(format!("{line}\n    got {got}"));
        }
    }
    assert!(count > 0, "no test data");
    assert!(
        failures.is_empty(),
        "{} of {count} cases differ from CPython:\n{}",
        failures.len(),
        failures
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn float_repr_matches_cpython_on_2000_floats() {
    let data = include_str!("../testdata/float_repr.txt");
    let mut failures = Vec::new();
    for line in data.lines() {
        let (bits, expected) = line.split_once(' ').expect("test data: bad line");
        let got = float_repr(bits_float(bits));
        if got != expected {
            failures.push(format!("{bits}: expected {expected}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn float_repr_layout() {
    let cases = [
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (1e-5, "1e-05"),
        (1e-4, "0.0001"),
        (1.5e300, "1.5e+300"),
        (-0.0, "-0.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (0.1 + 0.2, "0.30000000000000004"),
        (2e16 + 8.0, "2.000000000000001e+16"),
        (5e-324, "5e-324"),
    ];
    for (x, expected) in cases {
        assert_eq!(float_repr(x), expected);
    }
}

#[test]
fn format_spec_matches_cpython() {
    check_file(include_str!("../testdata/format_spec.txt"), |f| {
        let spec = unescape(f[2]);
        outcome(match f[0] {
            "i" => value_error(parse_format_spec(&spec, SpecKind::Int, "int"))
                .and_then(|s| format_int(&hex_int(f[1]), &s)),
            "f" => {
                let x: f64 = f[1].parse().expect("test data: bad float");
                value_error(
                    parse_format_spec(&spec, SpecKind::Float, "float")
                        .and_then(|s| format_float(x, &s)),
                )
            }
            _ => value_error(
                parse_format_spec(&spec, SpecKind::Str, "str")
                    .and_then(|s| format_str(&unescape(f[1]), &s)),
            ),
        })
    });
}

#[test]
fn format_examples() {
    let int = |v: i64, spec: &str| {
        let spec = parse_format_spec(spec, SpecKind::Int, "int").expect("spec");
        format_int(&BigInt::from(v), &spec).expect("format")
    };
    let float = |x: f64, spec: &str| {
        let spec = parse_format_spec(spec, SpecKind::Float, "float").expect("spec");
        format_float(x, &spec).expect("format")
    };
    assert_eq!(int(1234, "010,"), "00,001,234");
    assert_eq!(int(-255, "#010x"), "-0x00000ff");
    assert_eq!(
        int(2i64.pow(32), "_b"),
        "1_0000_0000_0000_0000_0000_0000_0000_0000"
    );
    assert_eq!(int(65, "^5c"), "  A  ");
    assert_eq!(float(1234567.0, "015,.2f"), "0,001,234,567.00");
    assert_eq!(float(100.0, ".3"), "1e+02");
    assert_eq!(float(12.0, ".5"), "12.0");
    assert_eq!(float(2.675, ".2f"), "2.67");
    assert_eq!(float(-0.0001, "z.2f"), "0.00");
    assert_eq!(float(f64::INFINITY, "010"), "0000000inf");
    assert_eq!(float(f64::NAN, "F"), "NAN");
    assert_eq!(float(0.5, "%"), "50.000000%");
    let bool_spec = parse_format_spec("x<5d", SpecKind::Int, "bool").expect("spec");
    assert_eq!(
        format_int(&BigInt::from(1), &bool_spec),
        Ok("1xxxx".to_string())
    );
    assert_eq!(
        parse_format_spec("abc", SpecKind::Int, "bool"),
        Err("Invalid format specifier 'abc' for object of type 'bool'".to_string())
    );
}

#[test]
fn numeric_cases_match_cpython() {
    check_file(include_str!("../testdata/numeric_cases.txt"), |f| {
        outcome(match f[0] {
            "round" => {
                let ndigits: i64 = f[2].parse().expect("test data: ndigits");
                format_float_round(bits_float(f[1]), ndigits).map(float_repr)
            }
            "float" => value_error(parse_float(&unescape(f[1]))).map(float_repr),
            "int" => {
                let base: u32 = f[2].parse().expect("test data: base");
                value_error(parse_int(&unescape(f[1]), base)).map(|v| int_to_base(&v, 16, true))
            }
            "repr" => Ok(python_str_repr(&unescape(f[1]))),
            "brepr" => {
                let bytes: Vec<u8> = (0..f[1].len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&f[1][i..i + 2], 16).expect("test data: hex"))
                    .collect();
                Ok(python_bytes_repr(&bytes))
            }
            "hash" => Ok(float_hash(bits_float(f[1])).map_or("None".into(), |h| h.to_string())),
            "tofloat" => int_to_float(&hex_int(f[1])).map(float_repr),
            "base" => {
                let base: u32 = f[2].parse().expect("test data: base");
                Ok(int_to_base(&hex_int(f[1]), base, true))
            }
            other => panic!("test data: unknown op {other}"),
        })
    });
}

#[test]
fn int_digit_limit() {
    let limit = |digits: usize| {
        format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {digits} \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        )
    };
    let ones = |n: usize| "1".repeat(n);
    assert_eq!(parse_int(&ones(4301), 10), Err(limit(4301)));
    assert_eq!(parse_int(&ones(4300), 10).map(|v| v.bits()), Ok(14282));
    assert_eq!(
        parse_int(&format!("{}1", "1_".repeat(4300)), 10),
        Err(limit(4301))
    );
    assert_eq!(parse_int(&format!("{}x", ones(5000)), 10), Err(limit(5000)));
    assert_eq!(
        parse_int(&format!(" {} ", ones(4301)), 10),
        Err(limit(4301))
    );
    assert_eq!(parse_int(&format!("-{}", ones(4301)), 10), Err(limit(4301)));
    assert_eq!(parse_int(&ones(4301), 36), Err(limit(4301)));
    assert_eq!(parse_int(&ones(5000), 16).map(|v| v.bits()), Ok(19997));
    assert_eq!(parse_int(&ones(4301), 8).map(|v| v.bits()), Ok(12901));
    let trailing = parse_int(&format!("{}__", ones(5000)), 10).unwrap_err();
    let expected_start = format!("invalid literal for int() with base 10: '{}", ones(159));
    assert!(trailing.starts_with(&expected_start), "{trailing}");
    assert_eq!(trailing.chars().count(), 40 + 200);

    let too_long = "Exceeds the limit (4300 digits) for integer string conversion; use \
                    sys.set_int_max_str_digits() to increase the limit";
    let ten = BigInt::from(10);
    let pow = |n: u32| num_traits::pow(ten.clone(), n as usize);
    assert_eq!(int_to_decimal(&pow(4299)).map(|s| s.len()), Ok(4300));
    assert_eq!(int_to_decimal(&(pow(4300) - 1)).map(|s| s.len()), Ok(4300));
    assert_eq!(int_to_decimal(&(1 - pow(4300))).map(|s| s.len()), Ok(4301));
    assert_eq!(int_to_decimal(&pow(4300)), Err(too_long.to_string()));
    assert_eq!(int_to_decimal(&-pow(4300)), Err(too_long.to_string()));
    assert_eq!(
        int_to_decimal(&(BigInt::from(1) << 14300)),
        Err(too_long.to_string())
    );
    assert_eq!(
        int_to_decimal(&(BigInt::from(1) << 14280)).map(|s| s.len()),
        Ok(4299)
    );
}

#[test]
fn parse_examples() {
    assert_eq!(parse_float(" 1_000.5\n"), Ok(1000.5));
    assert_eq!(parse_float("-Infinity"), Ok(f64::NEG_INFINITY));
    assert_eq!(
        parse_float("abc"),
        Err("could not convert string to float: 'abc'".to_string())
    );
    assert_eq!(parse_int("0x_1f", 0), Ok(BigInt::from(31)));
    assert_eq!(
        parse_int("010", 0),
        Err("invalid literal for int() with base 0: '010'".to_string())
    );
    assert_eq!(
        parse_int("10", 37),
        Err("int() base must be >= 2 and <= 36, or 0".to_string())
    );
    assert_eq!(int_to_base(&BigInt::from(-31), 16, true), "-0x1f");
    assert_eq!(int_to_base(&BigInt::from(-31), 2, false), "-11111");
}

#[test]
fn round_examples() {
    assert_eq!(format_float_round(2.675, 2), Ok(2.67));
    assert_eq!(format_float_round(1234.5, -1), Ok(1230.0));
    assert_eq!(
        format_float_round(-0.4, 0).map(f64::to_bits),
        Ok((-0.0f64).to_bits())
    );
    assert_eq!(
        format_float_round(1.7976931348623157e308, -308),
        Err(PyExc::OverflowError(
            "rounded value too large to represent".to_string()
        ))
    );
}

#[test]
fn float_to_int_examples() {
    let round = |x: f64| float_round_to_int(x).map(|v| v.to_string());
    let trunc = |x: f64| float_to_int(x).map(|v| v.to_string());
    let ok = |s: &str| Ok(s.to_string());
    assert_eq!(round(0.5), ok("0"));
    assert_eq!(round(1.5), ok("2"));
    assert_eq!(round(2.5), ok("2"));
    assert_eq!(round(-0.5), ok("0"));
    assert_eq!(round(-1.5), ok("-2"));
    assert_eq!(round(0.49999999999999994), ok("0"));
    assert_eq!(round(4503599627370497.0), ok("4503599627370497"));
    assert_eq!(round(-2.5), ok("-2"));
    assert_eq!(round(5e-324), ok("0"));
    assert_eq!(trunc(-1.9999), ok("-1"));
    assert_eq!(trunc(-1e20), ok("-100000000000000000000"));
    assert_eq!(
        trunc(1e300),
        ok("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371\
            3750804478640437044438328838781769425232353604305756447921847867069828483872009265758037\
            3783023379478809005936895323497079994508111903896764088007465274278014249457925878882005\
            6842838115669472196386865459400540160")
    );
    assert_eq!(
        trunc(f64::NEG_INFINITY),
        Err(PyExc::OverflowError(
            "cannot convert float infinity to integer".to_string()
        ))
    );
    assert_eq!(
        round(f64::NAN),
        Err(PyExc::ValueError(
            "cannot convert float NaN to integer".to_string()
        ))
    );
}

#[test]
fn repr_examples() {
    assert_eq!(python_str_repr("it's"), "\"it's\"");
    assert_eq!(python_str_repr("a\tb\u{7f}\u{a0}é"), "'a\\tb\\x7f\\xa0é'");
    assert_eq!(
        python_str_repr("\u{200b}\u{1f600}\u{e0001}"),
        "'\\u200b😀\\U000e0001'"
    );
    assert_eq!(python_bytes_repr(b"it's\x00\xff"), "b\"it's\\x00\\xff\"");
    assert!(is_printable(' ') && !is_printable('\u{3000}') && is_printable('日'));
}

#[test]
fn complex_examples() {
    assert_eq!(complex_repr(0.0, 1.0), "1j");
    assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
    assert_eq!(complex_repr(1.5, -0.0), "(1.5-0j)");
    assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
    assert_eq!(complex_repr(f64::NAN, f64::NAN), "(nan+nanj)");
    let complex = |re: f64, im: f64, spec: &str| {
        let spec = parse_format_spec(spec, SpecKind::Float, "complex").expect("spec");
        format_complex(re, im, &spec)
    };
    assert_eq!(complex(1.0, 2.0, ".2f"), Ok("1.00+2.00j".to_string()));
    assert_eq!(complex(0.0, 1.0, "g"), Ok("0+1j".to_string()));
    assert_eq!(complex(0.0, 1.0, ".2"), Ok("1j".to_string()));
    assert_eq!(complex(-0.0, -1.0, "+"), Ok("(-0-1j)".to_string()));
    assert_eq!(
        complex(1234567.0, 1.0, ",.2f"),
        Ok("1,234,567.00+1.00j".to_string())
    );
    assert_eq!(
        complex(1.5, 2.5, "^20.1f"),
        Ok("      1.5+2.5j      ".to_string())
    );
    assert_eq!(
        complex(1.0, 2.0, "010"),
        Err("Zero padding is not allowed in complex format specifier".to_string())
    );
    assert_eq!(parse_complex(" (1-2j) "), Ok((1.0, -2.0)));
    assert_eq!(parse_complex("-J"), Ok((0.0, -1.0)));
    assert_eq!(parse_complex("1_000+2_0j"), Ok((1000.0, 20.0)));
    assert_eq!(
        parse_complex("1 + 2j"),
        Err("complex() arg is a malformed string".to_string())
    );
    assert_eq!(
        parse_complex("1__0"),
        Err("could not convert string to complex: '1__0'".to_string())
    );
}
