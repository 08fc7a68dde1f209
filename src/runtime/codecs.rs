//! Text encodings for `str.encode` and `bytes.decode`: UTF-8, ASCII, Latin-1, UTF-16 and
//! UTF-32, with the error handlers `strict`, `ignore`, `replace`, `backslashreplace` and
//! `xmlcharrefreplace`, and CPython's `UnicodeEncodeError`/`UnicodeDecodeError` messages.

use crate::vm::symbol::intern;
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16 { le: bool, bom: bool },
    Utf32 { le: bool, bom: bool },
}

impl Codec {
    /// The name CPython's error messages use.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 { bom: true, .. } => "utf-16",
            Codec::Utf16 { le: true, .. } => "utf-16-le",
            Codec::Utf16 { .. } => "utf-16-be",
            Codec::Utf32 { bom: true, .. } => "utf-32",
            Codec::Utf32 { le: true, .. } => "utf-32-le",
            Codec::Utf32 { .. } => "utf-32-be",
        }
    }
}

/// Looks an encoding name up as Python's `encodings` package does (case-insensitive, `-`,
/// space and `_` interchangeable).
pub fn lookup(name: &str) -> Option<Codec> {
    let mut norm = String::with_capacity(name.len());
    let mut pending = false;
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending && !norm.is_empty() {
                norm.push('_');
            }
            pending = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            pending = true;
        }
    }
    Some(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "us" | "iso646_us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16 {
            le: true,
            bom: true,
        },
        "utf_16_le" | "utf_16le" => Codec::Utf16 {
            le: true,
            bom: false,
        },
        "utf_16_be" | "utf_16be" => Codec::Utf16 {
            le: false,
            bom: false,
        },
        "utf_32" | "utf32" | "u32" => Codec::Utf32 {
            le: true,
            bom: true,
        },
        "utf_32_le" | "utf_32le" => Codec::Utf32 {
            le: true,
            bom: false,
        },
        "utf_32_be" | "utf_32be" => Codec::Utf32 {
            le: false,
            bom: false,
        },
        _ => return None,
    })
}

fn codec_or_err(vm: &Vm, encoding: &str) -> PyResult<Codec> {
    lookup(encoding).ok_or_else(|| lookup_error(vm, format!("unknown encoding: {encoding}")))
}

fn lookup_error(vm: &Vm, msg: String) -> PyErr {
    vm.err(&vm.types.lookup_error, msg)
}

fn bad_handler(vm: &Vm, errors: &str) -> PyErr {
    lookup_error(vm, format!("unknown error handler name '{errors}'"))
}

/// A `UnicodeEncodeError`/`UnicodeDecodeError` with CPython's message and attributes.
#[allow(clippy::too_many_arguments)]
fn unicode_error(
    vm: &Vm,
    kind: &str,
    codec: Codec,
    object: Value,
    start: usize,
    end: usize,
    what: String,
    reason: &str,
) -> PyErr {
    let class = vm
        .types
        .exception_by_name(kind)
        .unwrap_or_else(|| vm.types.value_error.clone());
    let verb = if kind == "UnicodeEncodeError" {
        "encode"
    } else {
        "decode"
    };
    let msg = format!("'{}' codec can't {verb} {what}: {reason}", codec.name());
    let err = vm.err(&class, msg);
    {
        let mut d = err.exc.dict.borrow_mut();
        d.insert(intern("encoding"), Value::str(codec.name()));
        d.insert(intern("object"), object);
        d.insert(intern("start"), Value::Int(start as i64));
        d.insert(intern("end"), Value::Int(end as i64));
        d.insert(intern("reason"), Value::str(reason));
    }
    err
}

/// `\xe9`, `\u20ac` or `\U0001f600`, as error messages and `backslashreplace` write them.
fn escape_char(c: char) -> String {
    let n = c as u32;
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = codec_or_err(vm, encoding)?;
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf16 { le, bom } => {
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            let mut put =
                |u: u16| out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            if bom {
                put(0xfeff);
            }
            for u in s.encode_utf16() {
                put(u);
            }
            return Ok(out);
        }
        Codec::Utf32 { le, bom } => {
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let mut put =
                |u: u32| out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            if bom {
                put(0xfeff);
            }
            for c in s.chars() {
                put(c as u32);
            }
            return Ok(out);
        }
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            "strict" => {
                let mut end = i + 1;
                while end < chars.len() && chars[end] as u32 >= limit {
                    end += 1;
                }
                let what = if end - i == 1 {
                    format!("character '{}' in position {i}", escape_char(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                let reason = if limit == 0x80 {
                    "ordinal not in range(128)"
                } else {
                    "ordinal not in range(256)"
                };
                return Err(unicode_error(
                    vm,
                    "UnicodeEncodeError",
                    codec,
                    Value::str(s),
                    i,
                    end,
                    what,
                    reason,
                ));
            }
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => out.extend_from_slice(escape_char(c).as_bytes()),
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{};", c as u32).as_bytes()),
            other => return Err(bad_handler(vm, other)),
        }
        i += 1;
    }
    Ok(out)
}

/// What to do with one undecodable stretch `bytes[start..end]`: pushes the replacement or
/// raises.
#[allow(clippy::too_many_arguments)]
fn decode_error(
    vm: &Vm,
    out: &mut String,
    codec: Codec,
    errors: &str,
    bytes: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<()> {
    match errors {
        "strict" => {
            let what = if end - start == 1 {
                format!("byte 0x{:02x} in position {start}", bytes[start])
            } else {
                format!("bytes in position {start}-{}", end - 1)
            };
            Err(unicode_error(
                vm,
                "UnicodeDecodeError",
                codec,
                Value::Bytes(std::rc::Rc::new(bytes.to_vec())),
                start,
                end,
                what,
                reason,
            ))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &bytes[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        other => Err(bad_handler(vm, other)),
    }
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, bytes: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = codec_or_err(vm, encoding)?;
    let mut out = String::with_capacity(bytes.len());
    match codec {
        Codec::Utf8 => {
            let mut rest = bytes;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // Safe: `from_utf8` vouched for this prefix.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let start = base + good;
                        let (len, reason) = match e.error_len() {
                            None => (rest.len() - good, "unexpected end of data"),
                            Some(n) => {
                                let b = rest[good];
                                let valid_start = matches!(b, 0xc2..=0xf4);
                                (
                                    n,
                                    if valid_start {
                                        "invalid continuation byte"
                                    } else {
                                        "invalid start byte"
                                    },
                                )
                            }
                        };
                        decode_error(
                            vm,
                            &mut out,
                            codec,
                            errors,
                            bytes,
                            start,
                            start + len,
                            reason,
                        )?;
                        rest = &rest[good + len..];
                        base = start + len;
                    }
                }
            }
        }
        Codec::Ascii => {
            for (i, &b) in bytes.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    decode_error(
                        vm,
                        &mut out,
                        codec,
                        errors,
                        bytes,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                    )?;
                }
            }
        }
        Codec::Latin1 => out.extend(bytes.iter().map(|&b| b as char)),
        Codec::Utf16 { le, bom } => {
            let mut le = le;
            let mut data = bytes;
            let mut base = 0;
            if bom && data.len() >= 2 {
                if data[..2] == [0xff, 0xfe] {
                    data = &data[2..];
                    base = 2;
                } else if data[..2] == [0xfe, 0xff] {
                    le = false;
                    data = &data[2..];
                    base = 2;
                }
            }
            let units: Vec<u16> = data
                .chunks_exact(2)
                .map(|p| {
                    if le {
                        u16::from_le_bytes([p[0], p[1]])
                    } else {
                        u16::from_be_bytes([p[0], p[1]])
                    }
                })
                .collect();
            let mut i = 0;
            for r in char::decode_utf16(units.iter().copied()) {
                match r {
                    Ok(c) => {
                        out.push(c);
                        i += c.len_utf16();
                    }
                    Err(_) => {
                        let start = base + 2 * i;
                        decode_error(
                            vm,
                            &mut out,
                            codec,
                            errors,
                            bytes,
                            start,
                            start + 2,
                            "illegal encoding",
                        )?;
                        i += 1;
                    }
                }
            }
            if data.len() % 2 == 1 {
                let start = base + data.len() - 1;
                decode_error(
                    vm,
                    &mut out,
                    codec,
                    errors,
                    bytes,
                    start,
                    start + 1,
                    "truncated data",
                )?;
            }
        }
        Codec::Utf32 { le, bom } => {
            let mut le = le;
            let mut data = bytes;
            let mut base = 0;
            if bom && data.len() >= 4 {
                if data[..4] == [0xff, 0xfe, 0, 0] {
                    data = &data[4..];
                    base = 4;
                } else if data[..4] == [0, 0, 0xfe, 0xff] {
                    le = false;
                    data = &data[4..];
                    base = 4;
                }
            }
            for (k, p) in data.chunks_exact(4).enumerate() {
                let arr = [p[0], p[1], p[2], p[3]];
                let n = if le {
                    u32::from_le_bytes(arr)
                } else {
                    u32::from_be_bytes(arr)
                };
                match char::from_u32(n) {
                    Some(c) => out.push(c),
                    None => {
                        let start = base + 4 * k;
                        let reason = if n > 0x10ffff {
                            "code point not in range(0x110000)"
                        } else {
                            "code point in surrogate code point range(0xd800, 0xe000)"
                        };
                        decode_error(vm, &mut out, codec, errors, bytes, start, start + 4, reason)?;
                    }
                }
            }
            let rem = data.len() % 4;
            if rem != 0 {
                let start = base + data.len() - rem;
                decode_error(
                    vm,
                    &mut out,
                    codec,
                    errors,
                    bytes,
                    start,
                    bytes.len(),
                    "truncated data",
                )?;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_names_normalise() {
        assert_eq!(lookup("UTF-8"), Some(Codec::Utf8));
        assert_eq!(lookup("utf8"), Some(Codec::Utf8));
        assert_eq!(lookup("Latin_1"), Some(Codec::Latin1));
        assert_eq!(lookup("ISO-8859-1"), Some(Codec::Latin1));
        assert_eq!(lookup("us-ascii"), Some(Codec::Ascii));
        assert_eq!(
            lookup("utf-16-le"),
            Some(Codec::Utf16 {
                le: true,
                bom: false
            })
        );
        assert_eq!(lookup("ebcdic"), None);
    }
}
